import Foundation
import GRDB

/// Where the files of a page not yet saved wait: images pasted into a new page, or brought in
/// with a Word document. A folder is its writer's alone (nobody else can read, list or add to
/// it), and when the page is saved its files become the page's attachments, keeping their ids,
/// so the addresses in the text and the preview stay right. Folders left for a week are removed.
enum DraftFolder {
    static let lifetime: TimeInterval = 7 * 86_400

    /// The folder's name as forms carry it: ``SecretToken/random()``'s 43 URL-safe characters.
    static func isValidKey(_ key: String) -> Bool {
        key.utf8.count == 43 && key.utf8.allSatisfy { $0.isURLSafeBase64 }
    }

    /// The writer's folder of that name, nil when there is none yet; ``NotFound`` when the name
    /// is malformed or the folder is someone else's.
    static func id(key: String, of userId: Int64, _ db: Database) throws -> Int64? {
        guard isValidKey(key) else { throw NotFound() }
        guard let row = try Row.fetchOne(db, sql: "SELECT id, userId FROM draftFolder WHERE key = ?", arguments: [key]) else { return nil }
        guard row["userId"] as Int64 == userId else { throw NotFound() }
        return row["id"]
    }

    /// The writer's folder of that name, made if needed. Making one also clears away stale folders.
    static func make(key: String, for userId: Int64, _ db: Database) throws -> Int64 {
        if let id = try id(key: key, of: userId, db) { return id }
        try removeStale(db)
        try db.execute(sql: "INSERT INTO draftFolder (key, userId, createdAt) VALUES (?, ?, ?)", arguments: [key, userId, Date()])
        return db.lastInsertedRowID
    }

    /// Moves the folder's files to the article just created, and removes the folder.
    static func adopt(key: String, by userId: Int64, into articleId: Int64, _ db: Database) throws {
        guard let id = try id(key: key, of: userId, db) else { return }
        try db.execute(sql: """
            UPDATE attachment SET ownerKind = ?, ownerId = ? WHERE ownerKind = ? AND ownerId = ?
            """, arguments: [Attachment.Owner.article.rawValue, articleId, Attachment.Owner.draft.rawValue, id])
        try db.execute(sql: "DELETE FROM draftFolder WHERE id = ?", arguments: [id])
    }

    /// Folders older than ``lifetime`` and their files' rows; the bytes go with the next
    /// ``AttachmentService/removeUnusedFiles()``.
    static func removeStale(_ db: Database) throws {
        let stale = try Int64.fetchAll(db, sql: "SELECT id FROM draftFolder WHERE createdAt < ?", arguments: [Date().addingTimeInterval(-lifetime)])
        for id in stale {
            try db.execute(sql: "DELETE FROM attachment WHERE ownerKind = ? AND ownerId = ?", arguments: [Attachment.Owner.draft.rawValue, id])
            try db.execute(sql: "DELETE FROM draftFolder WHERE id = ?", arguments: [id])
        }
    }

    static func createTable(_ db: Database) throws {
        try db.create(table: "draftFolder") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("key", .text).notNull().unique()
            t.belongsTo("user", onDelete: .cascade).notNull()
            t.column("createdAt", .datetime).notNull().indexed()
        }
    }
}

private extension UInt8 {
    var isURLSafeBase64: Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(self) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(self)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(self) || self == UInt8(ascii: "-") || self == UInt8(ascii: "_")
    }
}
