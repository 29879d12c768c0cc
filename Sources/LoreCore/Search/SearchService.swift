import Foundation
import GRDB

/// Full-text search over what the searcher may read. Rights are a condition of the query
/// itself, so hidden pages never reach a result, a count, a snippet or a suggestion.
public struct SearchService: Sendable {
    let database: AppDatabase

    public init(database: AppDatabase) {
        self.database = database
    }

    /// Counting stops here: past it, "more than 1,000 results" says all a person can use.
    public static let countLimit = 1000
    /// The best matches by text alone beyond the page asked for, among which fresher pages are then moved up.
    static let candidates = 100

    /// One page of results for an FTS5 expression (see ``SearchQuery``), best first, and how
    /// many there are in all (at most ``countLimit`` + 1, meaning "more").
    ///
    /// The index ranks by bm25 with column weights (a word in the title counts ten times one in
    /// the body; set in ``SearchIndex``); article rows are read only for the best matches.
    public func search(_ expression: String, filter: SearchFilter = SearchFilter(), page: Int = 1, perPage: Int = 20,
                       for principal: Principal) async throws -> (hits: [SearchHit], total: Int) {
        let policy = AccessPolicy(principal)
        return try await database.reader.read { db in
            let matches = Self.matches(expression, filter, policy)
            // One pass over the matches, newest first, stopping past the count limit: it counts
            // them and ranks each once (ranking costs time per match, so a broad search ranks
            // only the most recent ones and picks the best among those).
            let scan: SQLRequest<Row> = """
                SELECT searchIndex.rowid AS documentId, d.refId AS articleId, searchIndex.rank AS rank \(matches)
                ORDER BY searchIndex.rowid DESC LIMIT \(Self.countLimit + 1)
                """
            let found = try scan.fetchAll(db).map { (document: $0["documentId"] as Int64, article: $0["articleId"] as Int64, rank: $0["rank"] as Double) }
            let total = found.count
            guard total > 0 else { return ([], 0) }
            let offset = max(0, page - 1) * perPage
            let window = found.sorted { $0.rank < $1.rank }.prefix(offset + perPage + Self.candidates)
            let rankById = Dictionary(window.map { ($0.article, (rank: $0.rank, document: $0.document)) }) { first, _ in first }
            // Fresh pages rank a little higher: up to a quarter more for a change today, fading over months.
            let ranking: SQLRequest<Row> = """
                SELECT a.id, a.slug, a.title, a.categoryId, a.updatedAt, u.displayName,
                       1.0 + 0.25 / (1.0 + (julianday('now') - julianday(a.updatedAt)) / 30.0) AS freshness
                FROM article a JOIN user u ON u.id = a.updatedById WHERE a.id IN \(Array(rankById.keys))
                """
            let scored = try ranking.fetchAll(db).map { row in
                (row: row, score: (rankById[row["id"]]?.rank ?? 0) * (row["freshness"] as Double))
            }
            let rows = scored.sorted { $0.score < $1.score }.dropFirst(offset).prefix(perPage).map(\.row)
            // Snippets tokenize the text again: only for the page shown, never for every match.
            let ids = rows.compactMap { rankById[$0["id"]]?.document }
            let snippets: SQLRequest<Row> = """
                SELECT rowid, snippet(searchIndex, 2, \(SearchHighlight.start), \(SearchHighlight.end), '…', 24) AS text,
                       snippet(searchIndex, -1, \(SearchHighlight.start), \(SearchHighlight.end), '…', 24) AS best
                FROM searchIndex WHERE searchIndex MATCH \(expression) AND rowid IN \(ids)
                """
            // The text reads best; when the words matched only elsewhere (the title, a heading, the
            // category), the part that matched says why the page was found.
            let snippetById = Dictionary(try snippets.fetchAll(db).map { row -> (Int64, String) in
                let text: String = row["text"] ?? ""
                return (row["rowid"], text.contains(SearchHighlight.start) ? text : row["best"] ?? text)
            }) { first, _ in first }
            let hits = rows.map { row in
                SearchHit(slug: row["slug"], title: row["title"], categoryId: row["categoryId"],
                          snippetHTML: SearchHighlight.html(rankById[row["id"]].flatMap { snippetById[$0.document] } ?? ""),
                          updatedAt: row["updatedAt"],
                          updatedBy: row["displayName"])
            }
            return (hits, total)
        }
    }

    /// Suggestions are the best titles among this many of the most recently indexed matches:
    /// a two-letter prefix matches thousands, and ranking them all would cost more than typing.
    static let suggestionCandidates = 200

    /// Titles matching what has been typed so far (the last word as a prefix), for the header box.
    public func suggest(_ expression: String, limit: Int = 8, for principal: Principal) async throws -> [SearchHit] {
        let policy = AccessPolicy(principal)
        return try await database.reader.read { db in
            let request: SQLRequest<Row> = """
                SELECT a.slug, a.title, a.categoryId, a.updatedAt
                FROM (SELECT d.refId AS articleId, searchTitle.rank AS rank
                      FROM searchTitle CROSS JOIN searchDocument d ON d.id = searchTitle.rowid
                      WHERE searchTitle MATCH \(expression) AND d.kind = 'article'
                        AND \(policy.readableArticles(id: "d.refId", category: "d.categoryId"))
                      ORDER BY searchTitle.rowid DESC LIMIT \(Self.suggestionCandidates)) best
                JOIN article a ON a.id = best.articleId ORDER BY best.rank LIMIT \(limit)
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

    /// The FROM and WHERE of every search: the matching documents the principal may read,
    /// decided on the documents themselves (the index drives the query: CROSS JOIN keeps SQLite
    /// from walking every document and probing the index for each). Only the filters on the
    /// last change need the article rows.
    private static func matches(_ expression: String, _ filter: SearchFilter, _ policy: AccessPolicy) -> SQL {
        var joins: SQL = ""
        var conditions: SQL = """
            searchIndex MATCH \(expression) AND d.kind = 'article' AND \(policy.readableArticles(id: "d.refId", category: "d.categoryId"))
            """
        if let categoryId = filter.categoryId { conditions += " AND \(Category.inSubtree("d.categoryId", of: categoryId))" }
        if filter.author != nil || filter.changedWithinDays != nil { joins = "JOIN article a ON a.id = d.refId" }
        if let author = filter.author {
            conditions += " AND a.updatedById = (SELECT id FROM user WHERE username = \(author.lowercased()))"
        }
        if let days = filter.changedWithinDays {
            conditions += " AND a.updatedAt >= \(Date().addingTimeInterval(-Double(days) * 86_400))"
        }
        return "FROM searchIndex CROSS JOIN searchDocument d ON d.id = searchIndex.rowid \(joins) WHERE \(conditions)"
    }
}
