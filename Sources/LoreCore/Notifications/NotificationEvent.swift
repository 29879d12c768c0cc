/// Something that happened, to be told to the people it concerns.
public struct NotificationEvent: Sendable {
    public var kind: NotificationKind
    /// What exactly: "replied", "approved", "overdue"… (the notification's wording).
    public var event: String
    public var subject: NotificationSubject?
    public var actorId: Int64?
    public var excerpt: String = ""
    public var suffix: String = ""
    /// Events found by looking (a task due) carry a key, so the same one is told once.
    public var dedupeKey: String?
    /// Told to the actor as well: a token made on one's account is news even when one made it,
    /// as it may not have been them.
    public var tellsActor = false

    public init(kind: NotificationKind, event: String, subject: NotificationSubject?, actorId: Int64?, excerpt: String = "",
                suffix: String = "", dedupeKey: String? = nil) {
        self.kind = kind
        self.event = event
        self.subject = subject
        self.actorId = actorId
        self.excerpt = String(excerpt.prefix(Self.excerptLength))
        self.suffix = suffix
        self.dedupeKey = dedupeKey
    }

    static let excerptLength = 280
}
