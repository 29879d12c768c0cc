import Foundation
import GRDB

/// Gives a few sample pages the history a living wiki has: earlier versions written by
/// different people, so that history, diffs and "who changed it" show something on the first start.
///
/// A page's earlier versions sit beside it in `<slug>.history/`: Markdown bodies and a
/// `versions.json` listing them oldest first, its last entry (without a file) describing the
/// text the import wrote. Runs once, after the demo accounts exist and before anything refers to
/// revision numbers (reading requirements, acknowledgements).
public struct SampleHistory: Sendable {
    static let folderSuffix = ".history"
    static let manifest = "versions.json"

    struct Version: Decodable, Sendable {
        /// The body of this version; none for the imported text.
        var file: String?
        var author: String
        var daysAgo: Int
        var summary: String
        var title: String?
    }

    let database: AppDatabase

    public init(database: AppDatabase) {
        self.database = database
    }

    /// Returns how many pages received a history.
    @discardableResult
    public func apply(content root: URL) async throws -> Int {
        var histories: [(slug: String, versions: [(Version, body: String?)])] = []
        for folder in Self.historyFolders(under: root) {
            let versions = try JSONDecoder().decode([Version].self, from: Data(contentsOf: folder.appendingPathComponent(Self.manifest)))
            let bodies = try versions.map { version in
                try version.file.map { try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8) }
            }
            histories.append((String(folder.lastPathComponent.dropLast(Self.folderSuffix.count)), Array(zip(versions, bodies))))
        }
        let now = Date(), loaded = histories
        return try await database.writer.write { db in
            var applied = 0
            for history in loaded where try Self.write(history.versions, slug: history.slug, now: now, db) { applied += 1 }
            return applied
        }
    }

    static func historyFolders(under root: URL) -> [URL] {
        let folders = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isDirectoryKey])?
            .compactMap { $0 as? URL }
            .filter { $0.lastPathComponent.hasSuffix(folderSuffix) } ?? []
        return folders.sorted { $0.path < $1.path }
    }

    /// Renumbers the imported revisions after the earlier ones and inserts those; false when the
    /// page is missing or its manifest does not end with the imported text.
    private static func write(_ versions: [(Version, body: String?)], slug: String, now: Date, _ db: Database) throws -> Bool {
        guard let article = try Article.filter(Column("slug") == slug).fetchOne(db), let articleId = article.id,
              let current = versions.last?.0, versions.last?.body == nil,
              let currentAuthor = try userId(current.author, db) else { return false }
        let earlier = versions.dropLast().compactMap { version, body in body.map { (version, $0) } }
        let day: TimeInterval = 86_400
        let date = { (version: Version) in now.addingTimeInterval(-Double(version.daysAgo) * day) }
        try db.execute(sql: "UPDATE revision SET number = number + ?, authorId = ?, createdAt = ?, summary = ? WHERE articleId = ?",
                       arguments: [earlier.count, currentAuthor, date(current), current.summary, articleId])
        let latest = article.revision + earlier.count
        for (index, (version, body)) in earlier.enumerated() {
            guard let author = try userId(version.author, db) else { return false }
            var revision = Revision(
                articleId: articleId, number: index + 1, title: version.title ?? article.title, categoryId: article.categoryId,
                body: body, summary: version.summary, size: body.utf8.count, authorId: author, createdAt: date(version),
                isMinor: false, restoredFrom: nil)
            try revision.insert(db)
            // The page's files were there all along: each earlier text shows them as the current one does.
            try db.execute(sql: """
                INSERT INTO revisionAttachment (revisionId, attachmentId)
                SELECT ?, attachmentId FROM revisionAttachment
                WHERE revisionId = (SELECT id FROM revision WHERE articleId = ? AND number = ?)
                """, arguments: [revision.id, articleId, latest])
        }
        let first = earlier.first?.0 ?? current
        try db.execute(sql: """
            UPDATE article SET revision = ?, createdById = ?, createdAt = ?, updatedById = ?, updatedAt = ? WHERE id = ?
            """, arguments: [latest, try userId(first.author, db) ?? currentAuthor, date(first), currentAuthor, date(current), articleId])
        return true
    }

    private static func userId(_ username: String, _ db: Database) throws -> Int64? {
        try Int64.fetchOne(db, sql: "SELECT id FROM user WHERE username = ?", arguments: [username])
    }
}
