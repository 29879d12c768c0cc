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
    /// The best matches beyond the page asked for, among which fresher pages are then moved up.
    static let candidates = 30
    /// Words of one query that spelling corrections are looked for, at most: each costs lookups
    /// in the vocabulary, and a pasted line of made-up words must not cost thirty-two times that.
    static let maxCorrectedWords = 4

    /// One page of results, best first (see ``SearchPlan`` and ``RankFunction``): by the weighted
    /// bm25 of the query's concepts, fresher pages a little higher.
    /// Synonyms from the dictionary and spelling corrections for words that match nothing the
    /// searcher may read are searched too, and said. Article and card rows are read only for the
    /// best matches, snippets only for the page shown.
    public func search(_ query: SearchQuery, filter: SearchFilter = SearchFilter(), page: Int = 1, perPage: Int = 20,
                       for principal: Principal) async throws -> SearchResults {
        guard query.isSearchable else { return .empty }
        let policy = AccessPolicy(principal)
        let kinds = filter.kinds(for: principal)
        let found = try await database.reader.read { db -> (results: SearchResults, clients: [Int64]) in
            var synonyms = try SearchSynonyms.expansions(for: query, db)
            let readable = { (word: String) in try Self.visibleCount(FTS5Syntax.string(word), limit: Transliteration.countLimit, kinds, policy, db) }
            for (index, written) in try Transliteration.expansions(for: query, db, readablePages: readable) {
                synonyms[index, default: []] += written.filter { !(synonyms[index] ?? []).contains($0) }
            }
            let corrections = try Self.corrections(query, skipping: Set(synonyms.keys), kinds, policy, db)
            var expansions: [Int: SearchPlan.Expansion] = [:]
            for (index, terms) in synonyms { expansions[index, default: .init()].synonyms = terms }
            for correction in corrections { expansions[correction.concept, default: .init()].corrections = correction.suggested }
            let plan = SearchPlan(query, expansions: expansions)
            let full = plan.build()
            let total = try Self.count(plan, full, filter, policy, db)
            let offset = Paging.offset(page: page, perPage: perPage)
            guard total > offset else {
                return (SearchResults(hits: [], total: total, alsoSearched: [], corrections: []), [])
            }
            let recorder = InstanceRecorder(capacity: offset + perPage + Self.candidates)
            let window = try Self.bestMatches(plan, full, offset: offset, perPage: perPage, total: total, filter, policy,
                                              recorder: recorder, db)
            let documents = try Self.documents(window, db)
            // Fresh pages rank a little higher: up to a quarter more for a change today, fading over months.
            let best = window.compactMap { match in documents[match.document].map { (match: match, document: $0) } }
                .sorted { $0.match.relevance * $0.document.freshness > $1.match.relevance * $1.document.freshness }
                .dropFirst(offset).prefix(perPage)
            // Snippets split the text into words again: only for the page shown, never for every match.
            let snippets = try Self.snippets(best.map(\.match.document), recorder, db)
            let hits = best.map { item in
                let snippet = snippets[item.match.document]
                var hit = item.document.hit(snippetHTML: SearchHighlight.html(snippet?.text ?? ""))
                if query.concepts.count > 1, let found = snippet?.concepts {
                    hit.missing = query.concepts.indices.filter { !found.contains($0) }.map { query.concepts[$0].text }
                }
                return hit
            }
            var said: Set<String> = []
            let alsoSearched = synonyms.keys.sorted().flatMap { synonyms[$0] ?? [] }.filter { said.insert($0).inserted }
            let results = SearchResults(hits: hits, total: total, alsoSearched: alsoSearched,
                                        corrections: corrections.map { SearchResults.Correction(typed: $0.typed, suggested: $0.suggested) })
            return (results, best.filter { $0.match.kind == .client }.map(\.match.refId))
        }
        try await clientReads.record(found.clients, by: principal)
        return found.results
    }

    /// Words that match nothing the searcher may read (not even as a typed prefix), with the
    /// nearest indexed words that do. Concepts with synonyms are not corrected: the dictionary knew them.
    private static func corrections(_ query: SearchQuery, skipping: Set<Int>, _ kinds: [SearchHit.Kind], _ policy: AccessPolicy,
                                    _ db: Database) throws -> [(concept: Int, typed: String, suggested: [String])] {
        func visible(_ expression: String, limit: Int) throws -> Int {
            try visibleCount(expression, limit: limit, kinds, policy, db)
        }
        var found: [(concept: Int, typed: String, suggested: [String])] = []
        var tried = 0
        for (index, concept) in query.concepts.enumerated() where !skipping.contains(index) && !concept.isRequired {
            guard tried < maxCorrectedWords else { break }
            guard concept.alternatives.count == 1, let term = concept.alternatives.first, term.words.count == 1, !term.isPrefix,
                  !term.isQuoted, term.text.count >= SpellingCorrector.minimumLength else { continue }
            var expression = FTS5Syntax.string(term.text)
            if concept.isTyped { expression += " OR " + FTS5Syntax.string(term.text) + " *" }
            guard try visible(expression, limit: 1) == 0 else { continue }
            tried += 1
            let suggested = try SpellingCorrector.corrections(for: term.text, db) { words in
                try visible(FTS5Syntax.string(words), limit: 20)
            }
            if !suggested.isEmpty { found.append((index, term.text, suggested)) }
        }
        return found
    }

    /// Suggestions are the best titles among this many of the most recently indexed matches:
    /// a two-letter prefix matches thousands, and ranking them all would cost more than typing.
    static let suggestionCandidates = 200

    /// Titles of articles and client cards (or only those of `kind`) matching what has been typed
    /// so far (the last word as a prefix), for the header box and the editor's `[[`.
    public func suggest(_ expression: String, kind: SearchHit.Kind? = nil, limit: Int = 8, for principal: Principal) async throws -> [SearchHit] {
        let policy = AccessPolicy(principal)
        return try await database.reader.read { db in
            let request: SQLRequest<Row> = """
                SELECT searchTitle.rowid AS documentId, d.kind, d.refId, -searchTitle.rank AS rank
                FROM searchTitle CROSS JOIN searchDocument d ON d.id = searchTitle.rowid
                WHERE searchTitle MATCH \(expression) AND \(Self.visible(SearchFilter(kind: kind).kinds(for: principal), policy))
                ORDER BY searchTitle.rowid DESC LIMIT \(Self.suggestionCandidates)
                """
            let best = Array(try request.fetchAll(db).compactMap(Match.init).sorted { $0.relevance > $1.relevance }.prefix(limit))
            let documents = try Self.documents(best, db)
            return best.compactMap { documents[$0.document]?.hit(snippetHTML: "") }
        }
    }

    /// Rebuilds the index from the articles (`lore reindex`).
    public func reindex(progress: @escaping @Sendable (Int, Int) -> Void) async throws {
        try await database.writer.write { db in try SearchIndex.rebuild(db, progress: progress) }
    }

    /// Merges the index's segments, which every save adds to and every search reads one by one:
    /// a knowledge base written a page at a time searches about half as fast as one indexed
    /// at once. Done a step at a time, each its own transaction, so a save waits one step at most.
    /// Answers how many steps did work (none when the index was already one segment per table).
    @discardableResult
    public func tidyIndex() async throws -> Int {
        var steps = 0
        for merge in SearchIndex.mergeStatements {
            var starting = true
            while try await database.writer.write({ [starting] db in try SearchIndex.tidyStep(merge, starting: starting, db) }) {
                starting = false
                steps += 1
            }
        }
        return steps
    }

    /// The FROM and WHERE of every search: the matching documents the principal may read,
    /// decided on the documents themselves (the index drives the query: CROSS JOIN keeps SQLite
    /// from walking every document and probing the index for each). Only the filters on the
    /// last change need the article rows.
    static func matches(_ expression: String, _ filter: SearchFilter, _ policy: AccessPolicy) -> SQL {
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

    /// Each document's snippet, from its indexed text and where the ranking found the query's words.
    private static func snippets(_ ids: [Int64], _ recorder: InstanceRecorder, _ db: Database) throws -> [Int64: SearchSnippet] {
        guard !ids.isEmpty else { return [:] }
        let tokenizer = try db.makeTokenizer(StemmingTokenizer.words)
        let request: SQLRequest<Row> = "SELECT rowid, title, headings, body, extra FROM searchIndex WHERE rowid IN \(ids)"
        var snippets: [Int64: SearchSnippet] = [:]
        for row in try request.fetchAll(db) {
            let id: Int64 = row["rowid"]
            guard let spans = recorder.spans(of: id) else { continue }
            let columns: [String] = ["title", "headings", "body", "extra"].map { row[$0] ?? "" }
            snippets[id] = SearchSnippet(spans: spans, columns: columns, tokenizer: tokenizer)
        }
        return snippets
    }

    /// How many pages match, counted up to one more than ``countLimit``. Common words alone
    /// usually pass the limit; counting them first spares reading the long lists of the typed
    /// prefix and the families: 4 of an administrator's 17 ms for three common words at 100,000
    /// articles, 0.6 ms after. A reader of a tenth still counts through ten times the matches.
    private static func count(_ plan: SearchPlan, _ full: SearchPlan.Built, _ filter: SearchFilter, _ policy: AccessPolicy,
                              _ db: Database) throws -> Int {
        func counted(_ expression: String) throws -> Int {
            let request: SQLRequest<Int> = "SELECT count(*) FROM (SELECT 1 \(Self.matches(expression, filter, policy)) LIMIT \(Self.countLimit + 1))"
            return try request.fetchOne(db) ?? 0
        }
        let words = plan.build(wordsOnly: true).expression
        if words != full.expression, try counted(words) > countLimit { return countLimit + 1 }
        return try counted(full.expression)
    }

    /// How many documents the principal may see match `expression`, counted up to `limit`.
    static func visibleCount(_ expression: String, limit: Int, _ kinds: [SearchHit.Kind], _ policy: AccessPolicy,
                             _ db: Database) throws -> Int {
        let request: SQLRequest<Int> = """
            SELECT count(*) FROM (SELECT 1 FROM searchIndex CROSS JOIN searchDocument d ON d.id = searchIndex.rowid
            WHERE searchIndex MATCH \(expression) AND \(Self.visible(kinds, policy)) LIMIT \(limit))
            """
        return try request.fetchOne(db) ?? 0
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
    struct Match {
        let document: Int64
        let kind: SearchHit.Kind
        let refId: Int64
        /// How well it matched: higher is better.
        let relevance: Double

        init?(_ row: Row) {
            guard let kind = SearchHit.Kind(rawValue: row["kind"]) else { return nil }
            self.kind = kind
            document = row["documentId"]
            refId = row["refId"]
            relevance = row["rank"]
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
