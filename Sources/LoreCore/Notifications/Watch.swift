import Foundation
import GRDB

/// Someone follows an article, a category (with everything under it) or a client card. A row
/// with `watching` false remembers that they stopped, so commenting again does not start it.
public struct Watch: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public var userId: Int64
    public var subjectKind: String
    public var subjectId: Int64
    public var watching: Bool
    public var createdAt: Date

    public static let databaseTableName = "watch"

    /// Writers and commenters follow what they wrote on, unless they turned that off or stopped.
    static func automatically(_ userId: Int64, _ subject: NotificationSubject, _ db: Database) throws {
        guard try Bool.fetchOne(db, sql: "SELECT autoWatch FROM user WHERE id = ?", arguments: [userId]) == true else { return }
        try db.execute(sql: "INSERT OR IGNORE INTO watch (userId, subjectKind, subjectId, watching, createdAt) VALUES (?, ?, ?, 1, ?)",
                       arguments: [userId, subject.kind, subject.id, Date()])
    }

    /// Whether the user follows the subject itself (following a category above an article is not asked here).
    static func isWatching(_ userId: Int64, _ subject: NotificationSubject, _ db: Database) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: "SELECT watching FROM watch WHERE userId = ? AND subjectKind = ? AND subjectId = ?"),
                          arguments: [userId, subject.kind, subject.id]) ?? false
    }

    static func set(_ watching: Bool, _ userId: Int64, _ subject: NotificationSubject, _ db: Database) throws {
        try db.execute(sql: """
            INSERT INTO watch (userId, subjectKind, subjectId, watching, createdAt) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (userId, subjectKind, subjectId) DO UPDATE SET watching = excluded.watching
            """, arguments: [userId, subject.kind, subject.id, watching, Date()])
    }

    /// Who follows the article itself or a category it is in (at any depth), less those who
    /// stopped following the article.
    static func watchers(ofArticle article: Article, _ db: Database) throws -> Set<Int64> {
        let onCategories = try Int64.fetchAll(db, sql: """
            SELECT w.userId FROM watch w JOIN category c ON c.id = w.subjectId
            WHERE w.subjectKind = 'category' AND w.watching
              AND (c.id = ?1 OR (SELECT path FROM category WHERE id = ?1) LIKE c.path || '/%')
            """, arguments: [article.categoryId])
        let rows = try Row.fetchAll(db, sql: "SELECT userId, watching FROM watch WHERE subjectKind = 'article' AND subjectId = ?",
                                    arguments: [article.id])
        let stopped = Set(rows.filter { !$0["watching"] }.map { $0["userId"] as Int64 })
        return Set(onCategories).subtracting(stopped).union(rows.filter { $0["watching"] }.map { $0["userId"] as Int64 })
    }

    static func watchers(of subject: NotificationSubject, _ db: Database) throws -> Set<Int64> {
        Set(try Int64.fetchAll(db, sql: "SELECT userId FROM watch WHERE subjectKind = ? AND subjectId = ? AND watching",
                               arguments: [subject.kind, subject.id]))
    }

    static func createTable(_ db: Database) throws {
        try db.create(table: databaseTableName) { t in
            t.belongsTo("user", onDelete: .cascade).notNull()
            t.column("subjectKind", .text).notNull()
            t.column("subjectId", .integer).notNull()
            t.column("watching", .boolean).notNull()
            t.column("createdAt", .datetime).notNull()
            t.primaryKey(["userId", "subjectKind", "subjectId"])
        }
        try db.create(index: "watch_subject", on: databaseTableName, columns: ["subjectKind", "subjectId"])
    }
}
