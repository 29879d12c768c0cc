import Foundation
import GRDBSQLite

/// What one query's ranking needs across rows, made at its first row and kept by FTS5 with
/// the query (xSetAuxdata): the plan and each phrase's inverse document frequency.
final class RankState {
    let plan: RankPlan
    let idf: [Double]
    /// Per-row scratch, reused: weighted term frequency per phrase.
    private var frequencies: [Double]
    /// Notes the instances of the best rows, when the query's caller asked (see ``InstanceRecorder``).
    let recorder: InstanceRecorder?

    /// Each neighbouring pair's own phrase (the two words side by side) and its two concepts.
    private let pairs: [(phrase: Int, words: RankPlan.Neighbours)]
    /// Per-row scratch, reused: where each concept of a pair's words is, as column << 32 | offset.
    private var positions: [[Int]]
    /// The concept is one of a pair's words.
    private let inPair: [Bool]

    init(plan: RankPlan, idf: [Double], recorder: InstanceRecorder?) {
        self.plan = plan
        self.idf = idf
        self.recorder = recorder
        frequencies = Array(repeating: 0, count: idf.count)
        pairs = plan.neighbours.sorted { $0.key < $1.key }.compactMap { concept, words in
            plan.concepts.indices.first { plan.concepts[$0] == concept && plan.kinds[$0] == .word }.map { ($0, words) }
        }
        positions = Array(repeating: [], count: plan.conceptCount)
        let words = Set(plan.neighbours.values.flatMap { [$0.first, $0.second] })
        inPair = (0..<plan.conceptCount).map(words.contains)
    }

    static func of(_ api: UnsafePointer<Fts5ExtensionApi>, _ fts: OpaquePointer, _ argc: Int32,
                   _ argv: UnsafeMutablePointer<OpaquePointer?>?) -> RankState? {
        if let kept = api.pointee.xGetAuxdata(fts, 0) {
            return Unmanaged<RankState>.fromOpaque(kept).takeUnretainedValue()
        }
        guard argc >= 1, let argv, let text = sqlite3_value_text(argv[0]) else { return nil }
        let phraseCount = Int(api.pointee.xPhraseCount(fts))
        let plan = RankPlan(decoding: String(cString: text), phraseCount: phraseCount)
        var rows: sqlite3_int64 = 0
        _ = api.pointee.xRowCount(fts, &rows)
        let n = Double(max(rows, 1))
        // As FTS5's bm25: the rows each phrase occurs in, counted once per query, unless the
        // plan says how many pages have the concept's word (for its first phrase, the word
        // itself), or the phrase inherits the word's rarity: a synonym or a correction stands for
        // the word, so a rare English synonym of a common Russian word must not outscore the
        // pages that have the word; reading every page a prefix or a family starts would cost
        // more than ranking.
        var wordIdf: [Int: Double] = [:]
        var seen: Set<Int> = []
        let idf = (0..<phraseCount).map { phrase -> Double in
            let concept = plan.concepts[phrase]
            guard concept >= 0 else { return 0 }
            if plan.inherits(phrase), let known = wordIdf[concept] { return known }
            let first = seen.insert(concept).inserted
            var count = Int64(first ? plan.pageCounts[concept] ?? -1 : -1)
            if count < 0 {
                count = 0
                _ = withUnsafeMutablePointer(to: &count) { pointer in
                    api.pointee.xQueryPhrase(fts, Int32(phrase), pointer) { _, _, data in
                        data?.assumingMemoryBound(to: Int64.self).pointee += 1
                        return SQLITE_OK
                    }
                }
            }
            let value = log(1 + (n - Double(count) + 0.5) / (Double(count) + 0.5))
            // A word on no page says nothing of its prefix's or family's rarity.
            if first, count > 0 { wordIdf[concept] = value }
            return value
        }
        let recorder = InstanceRecorder.current
        recorder?.phraseSizes = (0..<phraseCount).map { Int(api.pointee.xPhraseSize(fts, Int32($0))) }
        let state = RankState(plan: plan, idf: idf, recorder: recorder)
        let retained = Unmanaged.passRetained(state).toOpaque()
        _ = api.pointee.xSetAuxdata(fts, retained) { pointer in
            if let pointer { Unmanaged<RankState>.fromOpaque(pointer).release() }
        }
        return state
    }

    /// The best weighted BM25F score of each concept in the current row (0: not matched).
    func conceptScores(_ api: UnsafePointer<Fts5ExtensionApi>, _ fts: OpaquePointer) -> [Double] {
        // The scratch arrays are worked on as locals: every access to a class's stored `var` is
        // checked for exclusivity at run time, which took a fifth of the ranking's time
        // (`perf`, Tests/bench/real-text.sh).
        var frequencies: [Double] = []
        var positions: [[Int]] = []
        swap(&frequencies, &self.frequencies)
        swap(&positions, &self.positions)
        defer {
            swap(&frequencies, &self.frequencies)
            swap(&positions, &self.positions)
        }
        for pair in pairs {
            positions[pair.words.first].removeAll(keepingCapacity: true)
            positions[pair.words.second].removeAll(keepingCapacity: true)
        }
        for phrase in frequencies.indices {
            var frequency = 0.0
            let concept = plan.concepts[phrase]
            if concept >= 0 {
                // A synonym or a correction near the other word makes the pair too ("3PL billing"
                // for «биллинг 3PL»); a family is too loose a relation: MRR@10 0.942 → 0.944 with
                // all but families, 0.940 (held out 0.964 → 0.951) with families too.
                let located = inPair[concept] && plan.kinds[phrase] != .family
                RankFunction.forEachInstance(of: phrase, api, fts) { column, offset in
                    frequency += RankFunction.weight(ofColumn: column)
                    if located { positions[concept].append(column << 32 | offset) }
                    return true
                }
            }
            frequencies[phrase] = frequency
        }
        for pair in pairs {
            // One phrase's places come in order; a word searched as several phrases needs sorting.
            positions[pair.words.first].sortIfNeeded()
            positions[pair.words.second].sortIfNeeded()
            frequencies[pair.phrase] = max(frequencies[pair.phrase], Self.nearFrequency(positions[pair.words.first], positions[pair.words.second]))
        }
        var scores = Array(repeating: 0.0, count: plan.conceptCount)
        for (phrase, frequency) in frequencies.enumerated() where frequency > 0 {
            let concept = plan.concepts[phrase]
            guard concept >= 0 else { continue }
            let score = plan.weights[phrase] * idf[phrase] * frequency * (RankFunction.k1 + 1) / (frequency + RankFunction.k1)
            if score > scores[concept] { scores[concept] = score }
        }
        return scores
    }

    /// The weighted count of the places where the first word has the second within
    /// ``RankFunction/nearDistance`` words of it, before or after, in the same column; both
    /// lists sorted.
    private static func nearFrequency(_ first: [Int], _ second: [Int]) -> Double {
        guard !first.isEmpty, !second.isEmpty else { return 0 }
        var frequency = 0.0
        var start = 0
        for position in first {
            while start < second.count, second[start] < position - RankFunction.nearDistance { start += 1 }
            var index = start
            while index < second.count, second[index] <= position + RankFunction.nearDistance {
                if second[index] != position {
                    frequency += RankFunction.weight(ofColumn: position >> 32)
                    break
                }
                index += 1
            }
        }
        return frequency
    }
}

private extension Array where Element == Int {
    mutating func sortIfNeeded() {
        if !indices.dropFirst().allSatisfy({ self[$0 - 1] <= self[$0] }) { sort() }
    }
}
