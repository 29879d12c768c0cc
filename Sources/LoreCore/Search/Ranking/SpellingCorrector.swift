import GRDB

/// Nearest indexed words to a word that matches nothing: "overtme" → "overtime", or the two
/// words it runs together: "hotdesk" → "hot desk".
///
/// Candidates come from the words the indexed documents are written with (``SearchWords``),
/// among those that start with the same two letters or with those two swapped,
/// within an edit distance of 1 (2 for words of 8 letters or more; a transposition counts as one
/// edit). Those words span every page, readable or not, so a candidate is kept only when
/// the searcher may read a page that has it, and candidates are ordered by how many of those
/// pages there are: nothing about hidden pages shows through.
enum SpellingCorrector {
    static let minimumLength = 4
    static let maxCorrections = 2
    /// Candidates checked against the reader's rights, nearest first.
    static let maxChecked = 6

    /// `visibleCount` says how many pages the searcher may read have a word (it may stop counting early).
    static func corrections(for word: String, _ db: Database, visibleCount: (String) throws -> Int) throws -> [String] {
        let typed = Array(Lexicon.normalized(word))
        guard typed.count >= minimumLength, typed.allSatisfy(\.isLetter) else { return [] }
        if let split = try split(typed, db, visibleCount: visibleCount) { return [split] }
        let candidates = try nearby(typed, db)
        let nearest = candidates.sorted { ($0.distance, abs($0.term.count - typed.count), $0.term) < ($1.distance, abs($1.term.count - typed.count), $1.term) }
            .prefix(maxChecked)
        let visible = try nearest.map { (candidate: $0, count: try visibleCount($0.term)) }.filter { $0.count > 0 }
        return visible.sorted { ($0.candidate.distance, -$0.count) < ($1.candidate.distance, -$1.count) }
            .prefix(maxCorrections).map(\.candidate.term)
    }

    /// Indexed words within the edit distance allowed for `typed`'s length.
    private static func nearby(_ typed: [Character], _ db: Database) throws -> [(term: String, distance: Int)] {
        let limit = typed.count >= 8 ? 2 : 1
        var candidates: [(term: String, distance: Int)] = []
        for start in Set([String(typed[0..<2]), String([typed[1], typed[0]])]) {
            for term in try SearchWords.starting(with: start, db) {
                let other = Array(term)
                guard abs(other.count - typed.count) <= limit, other != typed,
                      let distance = distance(typed, other, limit: limit) else { continue }
                candidates.append((term, distance))
            }
        }
        return candidates
    }

    /// The word as two indexed words written apart that readable pages have side by side
    /// ("larchday" → "larch day"), the most balanced split first.
    private static func split(_ typed: [Character], _ db: Database, visibleCount: (String) throws -> Int) throws -> String? {
        let cuts = (2...(typed.count - 2)).sorted { abs(2 * $0 - typed.count) < abs(2 * $1 - typed.count) }
        for cut in cuts {
            let (first, second) = (String(typed[..<cut]), String(typed[cut...]))
            let known = try Int.fetchOne(db, sql: """
                SELECT count(*) FROM searchVocabulary WHERE term IN (?, ?)
                """, arguments: [first, second]) ?? 0
            guard known == 2 || (first == second && known == 1) else { continue }
            let phrase = first + " " + second
            if try visibleCount(phrase) > 0 { return phrase }
        }
        return nil
    }

    /// Optimal string alignment distance, or nil when it exceeds `limit`.
    static func distance(_ a: [Character], _ b: [Character], limit: Int) -> Int? {
        guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) <= limit ? max(a.count, b.count) : nil }
        var before = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { value = min(value, before[j - 2] + 1) }
                current[j] = value
                rowMinimum = min(rowMinimum, value)
            }
            if rowMinimum > limit { return nil }
            (before, previous, current) = (previous, current, before)
        }
        return previous[b.count] <= limit ? previous[b.count] : nil
    }
}
