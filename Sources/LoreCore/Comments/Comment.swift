import Foundation
import GRDB

/// A comment under an article or on a client card: Markdown rendered by the same safe renderer,
/// one level of replies. Exactly as private as its page. Deleting leaves a "deleted" placeholder so the
/// thread still reads; resolving closes a thread.
public struct Comment: Codable, Sendable, Equatable, Identifiable, FetchableRecord, MutablePersistableRecord {
    public var id: Int64?
    /// The page it is on: an article or a client card, never both.
    public var articleId: Int64?
    public var clientId: Int64?
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

    /// Comments on client cards too: the table is made again with an optional article, as
    /// SQLite cannot drop a NOT NULL (foreign keys are off while GRDB migrates).
    static func addClients(_ db: Database) throws {
        try db.create(table: "commentNew") { t in
            t.autoIncrementedPrimaryKey("id")
            t.belongsTo("article", onDelete: .cascade)
            t.belongsTo("client", onDelete: .cascade)
            t.belongsTo("parent", inTable: "comment", onDelete: .cascade)
            t.belongsTo("author", inTable: "user").notNull()
            t.column("body", .text).notNull()
            t.column("html", .text).notNull()
            t.column("createdAt", .datetime).notNull()
            t.column("editedAt", .datetime)
            t.column("deletedAt", .datetime)
            t.column("resolvedAt", .datetime)
            t.belongsTo("resolvedBy", inTable: "user")
            t.check(sql: "(articleId IS NULL) <> (clientId IS NULL)")
        }
        try db.execute(sql: """
            INSERT INTO commentNew (id, articleId, parentId, authorId, body, html, createdAt, editedAt, deletedAt, resolvedAt, resolvedById)
            SELECT id, articleId, parentId, authorId, body, html, createdAt, editedAt, deletedAt, resolvedAt, resolvedById FROM comment
            """)
        try db.drop(table: databaseTableName)
        try db.rename(table: "commentNew", to: databaseTableName)
        try db.create(index: "comment_article", on: databaseTableName, columns: ["articleId", "id"])
        try db.create(index: "comment_client", on: databaseTableName, columns: ["clientId", "id"])
    }
}
