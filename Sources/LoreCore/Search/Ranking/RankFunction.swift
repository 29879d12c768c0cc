import Foundation
import GRDB
import GRDBSQLite

/// The FTS5 function that ranks search results: `lore_rank(searchIndex, plan)` scores a row,
/// and notes where the query's phrases are in the rows that may be shown (``InstanceRecorder``).
///
/// FTS5's own bm25 treats every phrase of the expression alike; Lore's expression holds, for each
/// concept the user asked about, its exact form, its typed prefix, its word family, synonyms and
/// spelling corrections, which must count for less than the word itself, and must not count twice.
/// The score is BM25F per phrase (column weights: title 40, headings 4, body 1, and 1 for the
/// category path or a client's segment, tags and address: at 2, a card of segment "3PL" outranked
/// the product page headed "3PL billing" for «биллинг 3PL»; at 1, mixed queries rose 0.892 → 0.915,
/// no other kind moved, held out unchanged. k1 = 4, so that a word in the title outweighs many in
/// the text; no length normalisation, b = 0: it did not change the judged set, and without it no
/// row's length is read, a lookup per matching row; Lucene's inverse document frequency,
/// log(1 + (N − n + ½) / (n + ½)), which stays above zero for a word on most pages: in a small
/// knowledge base «работа» is on half of them and is still the word in the title that says what a
/// page is about — MRR@10 0.908 → 0.914, questions 0.833 → 0.893), times the phrase's weight; a
/// concept scores as its best phrase (two neighbouring words of the query, also where they are near
/// each other: ``nearDistance``); a row scores the sum over its concepts, so a page with more of
/// the query's words ranks higher unless the words it lacks are common.
///
/// Tuned on the judged set (`make search-quality`): ranking strictly by the number of concepts
/// covered first, then by score, gave MRR@10 0.891 against 0.921 for the sum — a common word
/// (or a weak synonym) covered counted as much as the word that named the topic.
///
/// The plan argument is ``RankPlan/encoded``: for each phrase of the expression, in order, its
/// concept and weight.
enum RankFunction {
    static let rankName = "lore_rank"

    static let columnWeights: [Double] = [40, 4, 1, 1]

    /// How much one match in `column` counts (0 for a column the index does not have).
    static func weight(ofColumn column: Int) -> Double {
        column < columnWeights.count ? columnWeights[column] : 0
    }
    static let k1 = 4.0
    /// Two neighbouring words of the query count as their pair on a page where they are this
    /// many words apart or fewer, either way round: the query loses its function words, the page
    /// keeps them («встреча с клиентом» is searched as «встреча клиентом»). Tuned on the judged
    /// set: MRR@10 0.934 → 0.939, held out 0.960 → 0.964 (side by side only, as before: 1);
    /// 3 and 4 gained less on the tuning set.
    static let nearDistance = 2

    /// Registers the function on a connection (see ``AppDatabase``).
    static func register(_ db: Database) {
        let api = FTS5.api(db)
        _ = api.pointee.xCreateFunction(UnsafeMutablePointer(mutating: api), rankName, nil, rank, nil)
    }

    private static let rank: fts5_extension_function = { api, fts, context, argc, argv in
        guard let api, let fts, let state = RankState.of(api, fts, argc, argv) else {
            sqlite3_result_double(context, 0)
            return
        }
        let score = state.conceptScores(api, fts).reduce(0, +)
        if let recorder = state.recorder, case let rank = InstanceRecorder.Rank(score: score, rowid: api.pointee.xRowid(fts)), recorder.wants(rank) {
            var instances: [InstanceRecorder.Instance] = []
            for phrase in state.plan.concepts.indices where state.plan.concepts[phrase] >= 0 {
                forEachInstance(of: phrase, api, fts) { column, offset in
                    instances.append(InstanceRecorder.Instance(phrase: phrase, column: column, offset: offset))
                    return true
                }
            }
            recorder.record(rank, instances)
        }
        sqlite3_result_double(context, score)
    }

    /// Calls `body` with the column and token position of each instance of `phrase` in the
    /// current row, until it returns false. Each phrase's own position list is read as it is:
    /// FTS5's xInst would first merge every phrase's instances, the ones that only choose
    /// candidates too, into one sorted array for each row.
    static func forEachInstance(of phrase: Int, _ api: UnsafePointer<Fts5ExtensionApi>, _ fts: OpaquePointer,
                                _ body: (_ column: Int, _ offset: Int) -> Bool) {
        var iterator = Fts5PhraseIter()
        var column: Int32 = -1
        var offset: Int32 = 0
        guard api.pointee.xPhraseFirst(fts, Int32(phrase), &iterator, &column, &offset) == SQLITE_OK else { return }
        while column >= 0, body(Int(column), Int(offset)) {
            api.pointee.xPhraseNext(fts, &iterator, &column, &offset)
        }
    }
}
