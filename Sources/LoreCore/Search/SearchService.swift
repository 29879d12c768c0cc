import Foundation
import GRDB

/// Full-text search over what the searcher may read. Rights are a condition of the query
/// itself, so hidden pages never reach a result, a count, a snippet or a suggestion.
public struct SearchService: Sendable {
    let database: AppDatabase

    /// Client cards found are cards read (see ``ClientReadLedger``).
    let clientReads: ClientReadLedger

    public init(database: AppDatabase, clientReads: ClientReadLedger? = nil) {
        self.database = database
        self.clientReads = clientReads ?? ClientReadLedger(database: database)
    }

    /// Counting stops here: past it, "more than 1,000 results" says all a person can use.
    public static let countLimit = 1000
    /// The best matches by text alone beyond the page asked for, among which fresher pages are then moved up.
    static let candidates = 100

    /// One page of results for an FTS5 expression (see ``SearchQuery``), best first, and how
    /// many there are in all (at most ``countLimit`` + 1, meaning "more").
    ///
    /// The index ranks by bm25 with column weights (a word in the title counts ten times one in
    /// the body; set in ``SearchIndex``); article and card rows are read only for the best matches.
    public func search(_ expression: String, filter: SearchFilter = SearchFilter(), page: Int = 1, perPage: Int = 20,
                       for principal: Principal) async throws -> (hits: [SearchHit], total: Int) {
        let policy = AccessPolicy(principal)
        let found = try await database.reader.read { db -> (hits: [SearchHit], total: Int, clients: [Int64]) in
            let matches = Self.matches(expression, filter, policy)
            // One pass over the matches, newest first, stopping past the count limit: it counts
            // them and ranks each once (ranking costs time per match, so a broad search ranks
            // only the most recent ones and picks the best among those).
            let scan: SQLRequest<Row> = """
                SELECT searchIndex.rowid AS documentId, d.kind, d.refId, searchIndex.rank AS rank \(matches)
                ORDER BY searchIndex.rowid DESC LIMIT \(Self.countLimit + 1)
                """
            let found = try scan.fetchAll(db).compactMap(Match.init)
            let total = found.count
            guard total > 0 else { return ([], 0, []) }
            let offset = Paging.offset(page: page, perPage: perPage)
            let window = found.sorted { $0.rank < $1.rank }.prefix(offset + perPage + Self.candidates)
            let documents = try Self.documents(Array(window), db)
            // Fresh pages rank a little higher: up to a quarter more for a change today, fading over months.
            let best = window.compactMap { match in documents[match.document].map { (match: match, document: $0) } }
                .sorted { $0.match.rank * $0.document.freshness < $1.match.rank * $1.document.freshness }
                .dropFirst(offset).prefix(perPage)
            // Snippets tokenize the text again: only for the page shown, never for every match.
            let ids = best.map(\.match.document)
            var snippetById = try Self.snippets(expression, column: 2, ids, db)
            // The text reads best; when the words matched only elsewhere (the title, a heading, the
            // category), the part that matched says why the page was found.
            let elsewhere = ids.filter { !(snippetById[$0]?.contains(SearchHighlight.start) ?? false) }
            if !elsewhere.isEmpty { snippetById.merge(try Self.snippets(expression, column: -1, elsewhere, db)) { _, best in best } }
            let hits = best.map { item in item.document.hit(snippetHTML: SearchHighlight.html(snippetById[item.match.document] ?? "")) }
            return (hits, total, best.filter { $0.match.kind == .client }.map(\.match.refId))
        }
        try await clientReads.record(found.clients, by: principal)
        return (found.hits, found.total)
    }

    /// Suggestions are the best titles among this many of the most recently indexed matches:
    /// a two-letter prefix matches thousands, and ranking them all would cost more than typing.
    static let suggestionCandidates = 200

    /// Titles of articles and client cards matching what has been typed so far (the last word
    /// as a prefix), for the header box.
    public func suggest(_ expression: String, limit: Int = 8, for principal: Principal) async throws -> [SearchHit] {
        let policy = AccessPolicy(principal)
        return try await database.reader.read { db in
            let request: SQLRequest<Row> = """
                SELECT searchTitle.rowid AS documentId, d.kind, d.refId, searchTitle.rank AS rank
                FROM searchTitle CROSS JOIN searchDocument d ON d.id = searchTitle.rowid
                WHERE searchTitle MATCH \(expression) AND \(Self.visible(SearchFilter().kinds(for: principal), policy))
                ORDER BY searchTitle.rowid DESC LIMIT \(Self.suggestionCandidates)
                """
            let best = Array(try request.fetchAll(db).compactMap(Match.init).sorted { $0.rank < $1.rank }.prefix(limit))
            let documents = try Self.documents(best, db)
            return best.compactMap { documents[$0.document]?.hit(snippetHTML: "") }
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
        var conditions: SQL = "searchIndex MATCH \(expression) AND \(visible(filter.kinds(for: policy.principal), policy))"
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

    /// Each document's snippet from `column` (-1: the column that matched best).
    private static func snippets(_ expression: String, column: Int, _ ids: [Int64], _ db: Database) throws -> [Int64: String] {
        let request: SQLRequest<Row> = """
            SELECT rowid, snippet(searchIndex, \(column), \(SearchHighlight.start), \(SearchHighlight.end), '…', 24) AS text
            FROM searchIndex WHERE searchIndex MATCH \(expression) AND rowid IN \(ids)
            """
        return Dictionary(try request.fetchAll(db).map { ($0["rowid"], $0["text"] ?? "") }) { first, _ in first }
    }

    /// True for the documents `d` of the given kinds that the principal may see.
    private static func visible(_ kinds: [SearchHit.Kind], _ policy: AccessPolicy) -> SQL {
        let parts: [SQL] = kinds.map { kind in
            switch kind {
            case .article:
                "(d.kind = 'article' AND \(policy.readableArticles(id: "d.refId", category: "d.categoryId")))"
            case .client:
                "(d.kind = 'client' AND EXISTS (SELECT 1 FROM client c WHERE c.id = d.refId AND c.deletedAt IS NULL AND \(policy.readableClients("c"))))"
            }
        }
        guard let first = parts.first else { return "0" }
        return "(\(parts.dropFirst().reduce(first) { "\($0) OR \($1)" }))"
    }

    /// A matching document: which thing it is and how well it matched.
    private struct Match {
        let document: Int64
        let kind: SearchHit.Kind
        let refId: Int64
        let rank: Double

        init?(_ row: Row) {
            guard let kind = SearchHit.Kind(rawValue: row["kind"]) else { return nil }
            self.kind = kind
            document = row["documentId"]
            refId = row["refId"]
            rank = row["rank"]
        }
    }

    /// What a result shows of the thing a document stands for.
    private struct Document {
        let kind: SearchHit.Kind
        let slug: String
        let title: String
        let categoryId: Int64?
        let updatedAt: Date
        let updatedBy: String
        let freshness: Double

        func hit(snippetHTML: String) -> SearchHit {
            SearchHit(kind: kind, slug: slug, title: title, categoryId: categoryId, snippetHTML: snippetHTML, updatedAt: updatedAt,
                      updatedBy: updatedBy)
        }
    }

    /// The rows behind the matches, by document id, read in one query per kind.
    private static func documents(_ matches: [Match], _ db: Database) throws -> [Int64: Document] {
        var documents: [Int64: Document] = [:]
        for kind in SearchHit.Kind.allCases {
            let byRef = Dictionary(matches.filter { $0.kind == kind }.map { ($0.refId, $0.document) }) { first, _ in first }
            guard !byRef.isEmpty else { continue }
            let table: SQL = kind == .article ? "article" : "client"
            let title: SQL = kind == .article ? "t.title" : "t.name"
            let category: SQL = kind == .article ? "t.categoryId" : "NULL"
            let request: SQLRequest<Row> = """
                SELECT t.id, t.slug, \(title) AS title, \(category) AS categoryId, t.updatedAt, u.displayName,
                       1.0 + 0.25 / (1.0 + (julianday('now') - julianday(t.updatedAt)) / 30.0) AS freshness
                FROM \(table) t JOIN user u ON u.id = t.updatedById WHERE t.id IN \(Array(byRef.keys))
                """
            for row in try request.fetchAll(db) {
                guard let document = byRef[row["id"]] else { continue }
                documents[document] = Document(kind: kind, slug: row["slug"], title: row["title"], categoryId: row["categoryId"],
                                               updatedAt: row["updatedAt"], updatedBy: row["displayName"], freshness: row["freshness"])
            }
        }
        return documents
    }
}
