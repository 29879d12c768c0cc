import Foundation
import GRDB

/// One saved version of an article. Inserted on every save and never changed afterwards.
public struct Revision: Codable, Sendable, Equatable, Identifiable, FetchableRecord, MutablePersistableRecord {
    public var id: Int64?
    public var articleId: Int64
    public var number: Int
    public var title: String
    public var categoryId: Int64
    public var body: String
    public var summary: String
    /// Body size in UTF-8 bytes, so that history can show how much a save changed.
    public var size: Int
    public var authorId: Int64
    public var createdAt: Date
    /// The author marked it as a small change (a typo), which recent changes can hide.
    public var isMinor: Bool
    /// The number of the revision this one restored, if it was a restore.
    public var restoredFrom: Int?

    public static let databaseTableName = "revision"

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
