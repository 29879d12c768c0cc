import GRDB

/// Top-k ranking without ranking every match: a search for common words matches a large share
/// of the pages, and scoring each (with the reader's rights checked on each) took hundreds of
/// milliseconds at 100,000 articles.
extension SearchService {
    /// A concept on more pages than this is broad.
    static let broadLimit = 1000

    /// The best matches for the page asked for, and ``candidates`` more, best first; `recorder`
    /// holds where the query's words are in them.
    ///
    /// A word on a large share of the pages is ranked only where it is in a title or a heading,
    /// unless the page has a rarer word of the query: past the first page of results, a page
    /// that only mentions common words in its text ranks below these. Among many matches, a
    /// page found only by a word's family or typed prefix is not ranked either. When that leaves
    /// too few pages the reader may see, the rarest common word is ranked everywhere too, and so
    /// on, up to ranking every match.
    static func bestMatches(_ plan: SearchPlan, _ full: SearchPlan.Built, offset: Int, perPage: Int, total: Int,
                            _ filter: SearchFilter, _ policy: AccessPolicy, recorder: InstanceRecorder, _ db: Database) throws -> [Match] {
        let needed = recorder.capacity
        func ranked(_ built: SearchPlan.Built) throws -> [Match] {
            let request: SQLRequest<Row> = """
                SELECT searchIndex.rowid AS documentId, d.kind, d.refId, \(SQL(sql: RankFunction.rankName))(searchIndex, \(built.rank.encoded)) AS rank
                \(matches(built.expression, filter, policy)) ORDER BY rank DESC, documentId DESC LIMIT \(needed)
                """
            return try recorder.recording(built.rank) { try request.fetchAll(db).compactMap(Match.init) }
        }
        let pageCounts = try pageCounts(plan, db)
        var breadth = try breadth(plan, pageCounts, db)
        // A rare word's family or typed prefix can match most pages («pledunfinared» on 783
        // pages, its family on 75,000): those alone never choose candidates, the words do.
        var choosing = !breadth.broad.isEmpty || total > broadLimit
        func window() throws -> [Match] { try ranked(choosing ? plan.build(candidates: breadth, pageCounts: pageCounts) : full) }
        var found = try window()
        while found.count < offset + perPage, total > found.count, choosing {
            if breadth.broad.isEmpty { choosing = false } else { breadth.narrow.append(breadth.broad.removeFirst()) }
            found = try window()
        }
        return found
    }

    /// How many pages have each one-word concept's word, from the index's vocabulary (readable
    /// or not: this only decides how much work ranking does, like the statistics bm25 itself
    /// uses). Counting there is cheaper than through FTS5's phrase queries.
    private static func pageCounts(_ plan: SearchPlan, _ db: Database) throws -> [Int: Int] {
        var counts: [Int: Int] = [:]
        for index in 0..<plan.askedCount {
            guard let token = plan.tokens[index],
                  let pages = try Int.fetchOne(db, sql: "SELECT doc FROM searchVocabulary WHERE term = ?", arguments: [token]) else { continue }
            counts[index] = pages
        }
        return counts
    }

    /// The concepts the query asked about, split by how many pages have them, rarest first
    /// (counted up to ``broadLimit`` when the vocabulary does not say).
    private static func breadth(_ plan: SearchPlan, _ pageCounts: [Int: Int], _ db: Database) throws -> (narrow: [Int], broad: [Int]) {
        var counted: [(index: Int, pages: Int)] = []
        for index in 0..<plan.askedCount {
            if let pages = pageCounts[index] {
                counted.append((index, pages))
                continue
            }
            let request: SQLRequest<Int> = """
                SELECT count(*) FROM (SELECT 1 FROM searchIndex WHERE searchIndex MATCH \(plan.expression(ofConcept: index)) LIMIT \(broadLimit + 1))
                """
            counted.append((index, try request.fetchOne(db) ?? 0))
        }
        counted.sort { ($0.pages, $0.index) < ($1.pages, $1.index) }
        return (counted.filter { $0.pages <= broadLimit }.map(\.index), counted.filter { $0.pages > broadLimit }.map(\.index))
    }
}
