import Foundation
import GRDB

/// An e-mail waiting to be handed to the mail transfer agent, queued in the transaction of the
/// event it tells of. Its text is made when it is sent, so it says only what the recipient may
/// read then. Sent ones are kept a while for the administrators' queue page.
public struct OutgoingMail: Codable, Sendable, Equatable, Identifiable, FetchableRecord, MutablePersistableRecord {
    public enum Kind: String, Codable, Sendable {
        /// One notification (`notificationId`).
        case notification
        /// The morning digest: the notifications listed in `payload`.
        case digest
        /// A set-password link (in `payload`, wiped once sent) for a new account.
        case invitation
        /// A set-password link asked for on the sign-in page.
        case passwordReset
        /// The administrators' "send a test e-mail".
        case test
    }

    public var id: Int64?
    public var kind: Kind
    public var userId: Int64?
    public var address: String
    public var notificationId: Int64?
    public var payload: String
    public var createdAt: Date
    public var attempts: Int
    public var nextAttemptAt: Date
    public var sentAt: Date?
    /// Given up after the last retry, or nothing left to say (the subject became hidden).
    public var failedAt: Date?
    public var lastError: String

    public static let databaseTableName = "mail"
    /// Retries wait 1, 2, 4 … minutes (by default), about eight hours in all.
    public static let maxAttempts = 10

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    /// The same for every attempt, so a receiving server or mail program can tell a repeat.
    public var messageId: String { "<lore-\(id ?? 0)-\(Int(createdAt.timeIntervalSince1970))@lore>" }

    static func createTable(_ db: Database) throws {
        try db.create(table: databaseTableName) { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("kind", .text).notNull()
            t.belongsTo("user", onDelete: .cascade)
            t.column("address", .text).notNull()
            t.column("notificationId", .integer)
            t.column("payload", .text).notNull()
            t.column("createdAt", .datetime).notNull()
            t.column("attempts", .integer).notNull()
            t.column("nextAttemptAt", .datetime).notNull()
            t.column("sentAt", .datetime)
            t.column("failedAt", .datetime)
            t.column("lastError", .text).notNull()
        }
        try db.create(index: "mail_due", on: databaseTableName, columns: ["nextAttemptAt"],
                      condition: Column("sentAt") == nil && Column("failedAt") == nil)
        try db.create(index: "mail_user", on: databaseTableName, columns: ["userId", "createdAt"])
    }
}
