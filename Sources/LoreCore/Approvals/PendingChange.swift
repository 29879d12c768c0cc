import Foundation
import GRDB

/// A change waiting for approval: the author's text, kept apart from the article, so that every
/// page, search, feed, backlink, export and API answer keeps serving the published revision to
/// everyone else. Approving it saves it as the author's revision; returning it sends it back
/// with a comment. One per author and article; a new page waits with no article yet.
public struct PendingChange: Codable, Sendable, Equatable, Identifiable, FetchableRecord, MutablePersistableRecord {
    public enum State: String, Codable, Sendable {
        case pending
        /// Sent back to the author with a comment.
        case returned
    }

    public var id: Int64?
    /// Nil for a new page.
    public var articleId: Int64?
    public var categoryId: Int64
    public var authorId: Int64
    /// The revision the author started from (nil for a new page).
    public var baseRevision: Int?
    public var title: String
    public var slug: String
    public var body: String
    public var summary: String
    /// A new page's ``DraftFolder``: its pictures become the page's when it is approved.
    public var files: String?
    public var state: State
    public var comment: String
    public var createdAt: Date
    public var updatedAt: Date

    public static let databaseTableName = "pendingChange"

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    static func addFiles(_ db: Database) throws {
        try db.alter(table: databaseTableName) { t in t.add(column: "files", .text) }
    }

    static func createTables(_ db: Database) throws {
        try db.create(table: "approvalRule") { t in
            t.primaryKey("categoryId", .integer).references("category", onDelete: .cascade)
            t.column("required", .boolean).notNull()
            // Nil: the category's managers approve.
            t.belongsTo("approverRole", inTable: "role", onDelete: .setNull)
        }
        try db.create(table: databaseTableName) { t in
            t.autoIncrementedPrimaryKey("id")
            t.belongsTo("article", onDelete: .cascade)
            t.belongsTo("category", onDelete: .cascade).notNull()
            t.belongsTo("author", inTable: "user").notNull()
            t.column("baseRevision", .integer)
            t.column("title", .text).notNull()
            t.column("slug", .text).notNull()
            t.column("body", .text).notNull()
            t.column("summary", .text).notNull()
            t.column("state", .text).notNull()
            t.column("comment", .text).notNull()
            t.column("createdAt", .datetime).notNull()
            t.column("updatedAt", .datetime).notNull()
            t.uniqueKey(["articleId", "authorId"])
        }
        try db.create(table: "revisionApproval") { t in
            t.belongsTo("article", onDelete: .cascade).notNull()
            t.column("revision", .integer).notNull()
            t.belongsTo("approver", inTable: "user").notNull()
            t.column("at", .datetime).notNull()
            t.primaryKey(["articleId", "revision"])
        }
    }
}
