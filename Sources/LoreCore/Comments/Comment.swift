import Foundation
import GRDB

/// A comment under an article: Markdown rendered by the same safe renderer, one level of
/// replies. Exactly as private as its article. Deleting leaves a "deleted" placeholder so the
/// thread still reads; resolving closes a thread.
public struct Comment: Codable, Sendable, Equatable, Identifiable, FetchableRecord, MutablePersistableRecord {
    public var id: Int64?
    public var articleId: Int64
    /// The thread's first comment, for a reply; threads are one level deep.
    public var parentId: Int64?
    public var authorId: Int64
    public var body: String
    public var html: String
    public var createdAt: Date
    public var editedAt: Date?
    public var deletedAt: Date?
    public var resolvedAt: Date?
    public var resolvedById: Int64?

    public static let databaseTableName = "comment"
    public static let maxBodyBytes = 16 << 10

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    static func createTable(_ db: Database) throws {
        try db.create(table: databaseTableName) { t in
            t.autoIncrementedPrimaryKey("id")
            t.belongsTo("article", onDelete: .cascade).notNull()
            t.belongsTo("parent", inTable: "comment", onDelete: .cascade)
            t.belongsTo("author", inTable: "user").notNull()
            t.column("body", .text).notNull()
            t.column("html", .text).notNull()
            t.column("createdAt", .datetime).notNull()
            t.column("editedAt", .datetime)
            t.column("deletedAt", .datetime)
            t.column("resolvedAt", .datetime)
            t.belongsTo("resolvedBy", inTable: "user")
        }
        try db.create(index: "comment_article", on: databaseTableName, columns: ["articleId", "id"])
    }
}
