import Foundation
import GRDB

/// Removes the text of an old revision everywhere it shows (a password pasted by mistake, a
/// client's data put on the wrong page): its history row, its page, its raw text, diffs and
/// restores show a note instead. Those who manage the page's category redact; the text is
/// kept for administrators, who alone see it and may undo the redaction. Both are audited.
public struct RevisionRedaction: Sendable {
    let database: AppDatabase

    public init(database: AppDatabase) {
        self.database = database
    }

    public func redact(article articleId: Int64, number: Int, by principal: Principal) async throws {
        try await database.writer.write { db in
            let (article, revision) = try Self.revision(articleId, number, principal, db)
            try AccessPolicy(principal).require(.manage, onArticle: article, db)
            // The current text is the page itself: it is changed by editing the page, which then makes this one old.
            guard number != article.revision else { throw RedactingTheCurrentRevision() }
            guard !revision.isRedacted, let revisionId = revision.id else { return }
            try db.execute(sql: "INSERT INTO redactedText (revisionId, body) VALUES (?, ?)", arguments: [revisionId, revision.body])
            try db.execute(sql: "UPDATE revision SET body = '', redactedAt = ?, redactedById = ? WHERE id = ?",
                           arguments: [Date(), try principal.authorId(), revisionId])
            try AuditLog.record(.revisionRedacted, by: principal, subject: "/a/\(article.slug) #\(number)", db)
        }
    }

    public func undo(article articleId: Int64, number: Int, by principal: Principal) async throws {
        guard principal.isAdministrator else { throw NotFound() }
        try await database.writer.write { db in
            let (article, revision) = try Self.revision(articleId, number, principal, db)
            guard revision.isRedacted, let revisionId = revision.id,
                  let body = try String.fetchOne(db, sql: "SELECT body FROM redactedText WHERE revisionId = ?", arguments: [revisionId])
            else { return }
            try db.execute(sql: "UPDATE revision SET body = ?, redactedAt = NULL, redactedById = NULL WHERE id = ?", arguments: [body, revisionId])
            try db.execute(sql: "DELETE FROM redactedText WHERE revisionId = ?", arguments: [revisionId])
            try AuditLog.record(.revisionUnredacted, by: principal, subject: "/a/\(article.slug) #\(number)", db)
        }
    }

    /// The live article and its revision, both as the principal may see them.
    private static func revision(_ articleId: Int64, _ number: Int, _ principal: Principal, _ db: Database) throws -> (Article, Revision) {
        let policy = AccessPolicy(principal)
        guard let article = try Article.filter(Article.live).filter(key: articleId).fetchOne(db) else { throw NotFound() }
        try policy.requireHistory(of: article, db)
        guard let revision = try Revision.readable(number, of: articleId, policy, db) else { throw NotFound() }
        return (article, revision)
    }
}

/// The current revision is the page: edit the page, then redact the revision that is now old.
public struct RedactingTheCurrentRevision: Error, Sendable, Equatable {}
