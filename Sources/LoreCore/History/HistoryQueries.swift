import Foundation
import GRDB

/// Everything people read about the past of articles. Every query narrows to what the reader
/// may see in SQL: an article's revisions are never more visible than the article, and not
/// visible at all to mere readers of a category that hides its history.
public struct HistoryQueries: Sendable {
    let database: AppDatabase

    public init(database: AppDatabase) {
        self.database = database
    }

    /// A page of one article's history, newest first, and how many revisions it has in all.
    public func history(of article: Article, page: Int, perPage: Int = 50, for principal: Principal) async throws
        -> (revisions: [RevisionSummary], total: Int) {
        try await revisions(of: article, before: nil, offset: Paging.offset(page: page, perPage: perPage), limit: perPage, for: principal)
    }

    /// Revisions older than `before` (all when nil), newest first: the keyset page the API
    /// walks history with.
    public func history(of article: Article, before: Int?, limit: Int, for principal: Principal) async throws -> [RevisionSummary] {
        try await revisions(of: article, before: before, offset: 0, limit: limit, for: principal).revisions
    }

    private func revisions(of article: Article, before: Int?, offset: Int, limit: Int, for principal: Principal) async throws
        -> (revisions: [RevisionSummary], total: Int) {
        guard let id = article.id else { throw NotFound() }
        let policy = AccessPolicy(principal)
        return try await database.reader.read { db in
            try policy.requireHistory(of: article, db)
            let request: SQLRequest<Row> = """
                SELECT \(RevisionSummary.columns) FROM revision r \(RevisionSummary.joins(policy))
                WHERE r.articleId = \(id) AND r.number < \(before ?? Int.max) AND \(policy.readableRevision("r"))
                ORDER BY r.number DESC LIMIT \(limit) OFFSET \(offset)
                """
            let total = try SQLRequest<Int>("SELECT COUNT(*) FROM revision r WHERE r.articleId = \(id) AND \(policy.readableRevision("r"))")
                .fetchOne(db) ?? 0
            return (try request.fetchAll(db).map(RevisionSummary.init(row:)), total)
        }
    }

    /// One revision of a live article, if the principal may see the article's history.
    public func revision(_ number: Int, of article: Article, for principal: Principal) async throws -> Revision {
        guard let id = article.id else { throw NotFound() }
        let policy = AccessPolicy(principal)
        return try await database.reader.read { db in
            try policy.requireHistory(of: article, db)
            guard var revision = try Revision.readable(number, of: id, policy, db) else { throw NotFound() }
            // Administrators alone see what was redacted, to check it or undo it.
            if revision.isRedacted, principal.isAdministrator, let revisionId = revision.id {
                revision.body = try String.fetchOne(db, sql: "SELECT body FROM redactedText WHERE revisionId = ?", arguments: [revisionId]) ?? ""
            }
            return revision
        }
    }

    /// Revisions of every article the principal may see the history of, newest first.
    public func recentChanges(_ filter: ChangeFilter, page: Int, perPage: Int = 50, for principal: Principal) async throws
        -> [RevisionSummary] {
        let policy = AccessPolicy(principal)
        return try await database.reader.read { db in
            var conditions: SQL = "a.deletedAt IS NULL AND \(policy.readableHistory("a")) AND \(policy.readableRevision("r"))"
            if let categoryId = filter.categoryId {
                conditions += " AND \(Category.inSubtree("a.categoryId", of: categoryId))"
            }
            if let username = filter.username { conditions += " AND u.username = \(username.lowercased())" }
            if filter.hideMinor { conditions += " AND NOT r.isMinor" }
            let offset = Paging.offset(page: page, perPage: perPage)
            let request: SQLRequest<Row> = """
                SELECT \(RevisionSummary.columns) FROM revision r \(RevisionSummary.joins(policy))
                WHERE \(conditions) ORDER BY r.createdAt DESC, r.id DESC LIMIT \(perPage) OFFSET \(offset)
                """
            return try request.fetchAll(db).map(RevisionSummary.init(row:))
        }
    }
}
