/// What a notification is about. Each kind has its own setting on the account page.
public enum NotificationKind: String, CaseIterable, Codable, Sendable {
    /// A page or client card one watches was changed.
    case change
    /// A comment on something one watches, or a reply in one's thread.
    case comment
    case mention
    /// A next step on one's clients is due or overdue.
    case task
    /// A contact of one's clients has a birthday.
    case birthday
    /// A change waits for one's approval, or one's own change was approved or returned.
    case approval
    /// A page must be read and confirmed, or the confirmation is overdue.
    case acknowledgement
    /// A page one owns is due for review.
    case review
    /// One's roles or one's roles' rights changed.
    case access
    /// An API token was made on one's account.
    case token

    /// How a kind reaches people until they choose otherwise: what needs them by e-mail, the
    /// daily things in the morning digest, the stream of page changes only in Lore.
    public var defaultSetting: NotificationSetting.Choice {
        switch self {
        case .change: .init(delivery: .lore, digest: false)
        case .comment, .mention, .approval, .access, .token: .init(delivery: .email, digest: false)
        case .task, .birthday, .acknowledgement, .review: .init(delivery: .email, digest: true)
        }
    }
}
