import Foundation
import GRDB

/// Full-text search over what the searcher may read. Rights are a condition of the query
/// itself, so hidden pages never reach a result, a count, a snippet or a suggestion.
public struct SearchService: Sendable {
    let database: AppDatabase

    public init(database: AppDatabase) {
        self.database = database
    }

    /// Column weights for bm25: a word in the title counts ten times one in the body.
    static let weights: SQL = "10.0, 4.0, 1.0, 2.0"

    /// One page of results for an FTS5 expression (see ``SearchQuery``), best first, and how
    /// many there are in all.
    public func search(_ expression: String, filter: SearchFilter = SearchFilter(), page: Int = 1, perPage: Int = 20,
                       for principal: Principal) async throws -> (hits: [SearchHit], total: Int) {
        let policy = AccessPolicy(principal)
        return try await database.reader.read { db in
            let conditions = Self.conditions(expression, filter, policy)
            let count: SQLRequest<Int> = """
                SELECT COUNT(*) FROM searchIndex JOIN searchDocument d ON d.id = searchIndex.rowid AND d.kind = 'article'
                JOIN article a ON a.id = d.refId JOIN user u ON u.id = a.updatedById WHERE \(conditions)
                """
            let total = try count.fetchOne(db) ?? 0
            guard total > 0 else { return ([], 0) }
            // Fresh pages rank a little higher: up to a quarter more for a change today, fading over months.
            let ranking: SQLRequest<Row> = """
                SELECT searchIndex.rowid AS documentId, a.slug, a.title, a.categoryId, a.updatedAt, u.displayName,
                       bm25(searchIndex, \(Self.weights))
                         * (1.0 + 0.25 / (1.0 + (julianday('now') - julianday(a.updatedAt)) / 30.0)) AS score
                FROM searchIndex JOIN searchDocument d ON d.id = searchIndex.rowid AND d.kind = 'article'
                JOIN article a ON a.id = d.refId JOIN user u ON u.id = a.updatedById
                WHERE \(conditions)
                ORDER BY score LIMIT \(perPage) OFFSET \(max(0, page - 1) * perPage)
                """
            let rows = try ranking.fetchAll(db)
            // Snippets tokenize the text again: only for the page shown, never for every match.
            let ids = rows.map { $0["documentId"] as Int64 }
            let snippets: SQLRequest<Row> = """
                SELECT rowid, snippet(searchIndex, -1, \(SearchHighlight.start), \(SearchHighlight.end), '…', 24) AS snippet
                FROM searchIndex WHERE searchIndex MATCH \(expression) AND rowid IN \(ids)
                """
            let snippetById = Dictionary(try snippets.fetchAll(db).map { ($0["rowid"] as Int64, $0["snippet"] as String? ?? "") }) { first, _ in first }
            let hits = rows.map { row in
                SearchHit(slug: row["slug"], title: row["title"], categoryId: row["categoryId"],
                          snippetHTML: SearchHighlight.html(snippetById[row["documentId"]] ?? ""), updatedAt: row["updatedAt"],
                          updatedBy: row["displayName"])
            }
            return (hits, total)
        }
    }

    /// Titles matching what has been typed so far (the last word as a prefix), for the header box.
    public func suggest(_ expression: String, limit: Int = 8, for principal: Principal) async throws -> [SearchHit] {
        let policy = AccessPolicy(principal)
        return try await database.reader.read { db in
            let request: SQLRequest<Row> = """
                SELECT a.slug, a.title, a.categoryId, a.updatedAt
                FROM searchIndex JOIN searchDocument d ON d.id = searchIndex.rowid AND d.kind = 'article'
                JOIN article a ON a.id = d.refId
                WHERE searchIndex MATCH \("{title} : (" + expression + ")") AND a.deletedAt IS NULL AND \(policy.readableArticles("a"))
                ORDER BY bm25(searchIndex, \(Self.weights)) LIMIT \(limit)
                """
            return try request.fetchAll(db).map { row in
                SearchHit(slug: row["slug"], title: row["title"], categoryId: row["categoryId"], snippetHTML: "",
                          updatedAt: row["updatedAt"], updatedBy: "")
            }
        }
    }

    /// Rebuilds the index from the articles (`lore reindex`).
    public func reindex(progress: @escaping @Sendable (Int, Int) -> Void) async throws {
        try await database.writer.write { db in try SearchIndex.rebuild(db, progress: progress) }
    }

    private static func conditions(_ expression: String, _ filter: SearchFilter, _ policy: AccessPolicy) -> SQL {
        var conditions: SQL = "searchIndex MATCH \(expression) AND a.deletedAt IS NULL AND \(policy.readableArticles("a"))"
        if let categoryId = filter.categoryId {
            conditions += " AND \(Category.inSubtree("a.categoryId", of: categoryId))"
        }
        if let author = filter.author { conditions += " AND u.username = \(author.lowercased())" }
        if let days = filter.changedWithinDays {
            conditions += " AND a.updatedAt >= \(Date().addingTimeInterval(-Double(days) * 86_400))"
        }
        return conditions
    }
}
