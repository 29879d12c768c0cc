import Foundation
import GRDB

/// One person's confirmation that they read a revision of an article: who, which revision,
/// when and from where, as the audit log records sign-ins. Kept for good, one per confirmation.
public struct Acknowledgement: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public var id: Int64?
    public var userId: Int64
    public var articleId: Int64
    public var revision: Int
    public var at: Date
    public var address: String

    public static let databaseTableName = "acknowledgement"

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
