import Foundation
import GRDB

/// One notification for one person, as stored: what happened, to what, by whom. Text beyond
/// that (a comment's first words, a next step) is shown only while the recipient may still
/// see the subject; titles and addresses are read afresh from the subject each time.
public struct NotificationEntry: Codable, Sendable, Equatable, Identifiable, FetchableRecord, MutablePersistableRecord {
    public var id: Int64?
    public var userId: Int64
    public var kind: NotificationKind
    /// What happened, in more detail than the kind: "replied", "approved", "overdue"…
    public var event: String
    public var subjectKind: String?
    public var subjectId: Int64?
    public var actorId: Int64?
    public var excerpt: String
    /// Added to the subject's address: an anchor or a diff.
    public var suffix: String
    /// How many events this one stands for (changes to a page within the hour).
    public var count: Int
    /// For events found by looking (a task due today): the same one is never told twice.
    public var dedupeKey: String?
    public var createdAt: Date
    public var updatedAt: Date
    public var readAt: Date?
    /// Waits for the recipient's next morning digest.
    public var digestPending: Bool

    public static let databaseTableName = "notification"

    public var subject: NotificationSubject? { NotificationSubject(kind: subjectKind, id: subjectId) }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    static func createTable(_ db: Database) throws {
        try db.create(table: databaseTableName) { t in
            t.autoIncrementedPrimaryKey("id")
            t.belongsTo("user", onDelete: .cascade).notNull()
            t.column("kind", .text).notNull()
            t.column("event", .text).notNull()
            t.column("subjectKind", .text)
            t.column("subjectId", .integer)
            t.belongsTo("actor", inTable: "user", onDelete: .setNull)
            t.column("excerpt", .text).notNull()
            t.column("suffix", .text).notNull()
            t.column("count", .integer).notNull()
            t.column("dedupeKey", .text)
            t.column("createdAt", .datetime).notNull()
            t.column("updatedAt", .datetime).notNull()
            t.column("readAt", .datetime)
            t.column("digestPending", .boolean).notNull()
        }
        try db.create(index: "notification_user", on: databaseTableName, columns: ["userId", "updatedAt"])
        try db.create(index: "notification_unread", on: databaseTableName, columns: ["userId"], condition: Column("readAt") == nil)
        try db.create(index: "notification_dedupe", on: databaseTableName, columns: ["userId", "dedupeKey"], unique: true,
                      condition: Column("dedupeKey") != nil)
        try db.create(index: "notification_digest", on: databaseTableName, columns: ["userId"], condition: Column("digestPending") == true)
    }
}
