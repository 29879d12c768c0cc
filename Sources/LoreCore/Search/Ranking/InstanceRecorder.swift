import Foundation

/// Where the query's phrases are in the best-ranked rows, noted by ``RankFunction`` while it
/// ranks: snippets and "missing: …" are made from these positions and the rows' text.
///
/// Asking FTS5 for them afterwards (`snippet()` on `rowid IN (…)`) matches the whole query
/// again for each row shown, and looks each of its phrases up in every segment of the index:
/// 40 % of a question's time on an index of 12 segments, 24 % on a tidied one. The ranking
/// query has the positions at hand already.
///
/// SQLite calls the rank function on the thread that steps the statement, so the recorder of a
/// query is the one installed on that thread while it runs (``recording(_:_:)``).
final class InstanceRecorder {
    /// A phrase of the expression found in a column, at a token position.
    struct Instance {
        let phrase: Int
        let column: Int
        let offset: Int
    }

    /// How many rows the query keeps (its LIMIT).
    let capacity: Int
    /// The plan of the query that ran last, which says what each phrase stands for.
    private(set) var plan = RankPlan()
    /// Each phrase's length in tokens, as FTS5 parsed the expression.
    var phraseSizes: [Int] = []
    /// Rows that may be among the best `capacity`, with their instances. Rows after the
    /// `capacity`-th best are dropped now and then. The query orders by score, then by newest
    /// document (``Rank``), so that which of the rows tied on score it keeps is known here too.
    private var rows: [Int64: (score: Double, instances: [Instance])] = [:]
    private var threshold: Rank?

    /// A row's place in the query's order: higher first.
    struct Rank: Comparable {
        let score: Double
        let rowid: Int64

        static func < (a: Rank, b: Rank) -> Bool {
            (a.score, a.rowid) < (b.score, b.rowid)
        }
    }

    init(capacity: Int) {
        self.capacity = max(capacity, 1)
    }

    /// Runs `body` (a query ranked with `plan`) with this recorder installed on the thread, after
    /// forgetting what an earlier query recorded.
    func recording<T>(_ plan: RankPlan, _ body: () throws -> T) rethrows -> T {
        self.plan = plan
        phraseSizes = []
        rows = [:]
        threshold = nil
        Thread.current.threadDictionary[Self.key] = self
        defer { Thread.current.threadDictionary.removeObject(forKey: Self.key) }
        return try body()
    }

    /// The recorder of the query running on this thread, if any.
    static var current: InstanceRecorder? {
        Thread.current.threadDictionary[key] as? InstanceRecorder
    }

    private static let key = "lore.InstanceRecorder"

    /// Whether a row may be among the best: only then are its instances read.
    func wants(_ rank: Rank) -> Bool {
        threshold.map { rank >= $0 } ?? true
    }

    func record(_ rank: Rank, _ instances: [Instance]) {
        rows[rank.rowid] = (rank.score, instances)
        guard rows.count >= 2 * capacity else { return }
        let kept = rows.map { Rank(score: $0.value.score, rowid: $0.key) }.sorted(by: >)[capacity - 1]
        threshold = kept
        rows = rows.filter { Rank(score: $0.value.score, rowid: $0.key) >= kept }
    }

    /// The row's instances as spans of token positions, each with the concept it stands for;
    /// nil for a row the query did not rank.
    func spans(of rowid: Int64) -> [SearchSnippet.Span]? {
        rows[rowid]?.instances.compactMap { instance in
            guard instance.phrase < plan.concepts.count, plan.concepts[instance.phrase] >= 0 else { return nil }
            let size = instance.phrase < phraseSizes.count ? max(phraseSizes[instance.phrase], 1) : 1
            // A phrase searched by its word pairs starts at its second word, where its first pair is.
            let first = instance.offset - (plan.byPairs[instance.phrase] ? 1 : 0)
            return SearchSnippet.Span(concept: plan.concepts[instance.phrase], column: instance.column,
                                      first: max(first, 0), last: instance.offset + size - 1)
        }
    }
}
