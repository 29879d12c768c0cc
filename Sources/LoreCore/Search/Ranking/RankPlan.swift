/// For each phrase of a search's FTS5 expression, in order of appearance: the concept it stands
/// for (-1 for an excluded phrase) and how much a match of it counts (1 for the word itself).
/// Passed to ``RankFunction`` as text, the only kind of argument an FTS5 function can be given.
/// It may also carry how many pages have a concept's word, when the caller knows it more
/// cheaply than FTS5 would count it, and which two asked concepts a concept of neighbouring
/// words joins, so that the two found near each other count as the pair (``RankFunction``).
struct RankPlan: Sendable, Equatable {
    private(set) var concepts: [Int] = []
    private(set) var weights: [Double] = []
    /// What each phrase is to its concept: the word itself, its typed prefix, its family, or
    /// something the database added (a synonym, a correction).
    private(set) var kinds: [SearchPlan.Kind] = []
    /// The phrase is searched by its word pairs (``FTS5Syntax/term(_:)``), so its instances start
    /// at its second word. Known where the plan is made; not passed to SQL.
    private(set) var byPairs: [Bool] = []
    private(set) var conceptCount = 0
    var pageCounts: [Int: Int] = [:]
    /// For a concept of two neighbouring words: the concepts of its two words.
    private(set) var neighbours: [Int: Neighbours] = [:]

    struct Neighbours: Sendable, Equatable {
        let first: Int
        let second: Int
    }

    init() {}

    mutating func add(concept: Int, weight: Double, kind: SearchPlan.Kind = .word, byPairs: Bool = false) {
        concepts.append(concept)
        weights.append(weight)
        kinds.append(kind)
        self.byPairs.append(byPairs)
        conceptCount = max(conceptCount, concept + 1)
    }

    mutating func join(_ concept: Int, first: Int, second: Int) {
        neighbours[concept] = Neighbours(first: first, second: second)
    }

    /// The phrase counts with its concept's word's rarity when that word is on some page: a
    /// synonym or a correction stands for the word; the pages of a typed prefix or a family key
    /// are costly to count.
    func inherits(_ phrase: Int) -> Bool {
        kinds[phrase] != .word
    }

    private static let letters: [SearchPlan.Kind: String] = [.typedPrefix: "p", .family: "f", .added: "a"]

    /// `conceptCount|concept:weight[:kind],…|concept=pages,…|concept=first+second,…` (kind: `p`
    /// typed prefix, `f` family, `a` added; none for the word itself)
    var encoded: String {
        "\(conceptCount)|" + concepts.indices.map { "\(concepts[$0]):\(weights[$0])" + (Self.letters[kinds[$0]].map { ":" + $0 } ?? "") }.joined(separator: ",")
            + "|" + pageCounts.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
            + "|" + neighbours.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.first)+\($0.value.second)" }.joined(separator: ",")
    }

    /// The plan from ``encoded``, with exactly `phraseCount` phrases: anything malformed or
    /// missing counts as an excluded phrase, so a bad argument ranks nothing rather than failing.
    init(decoding text: String, phraseCount: Int) {
        let sections = text.split(separator: "|", maxSplits: 3, omittingEmptySubsequences: false)
        let declared = sections.first.flatMap { Int($0) } ?? 0
        let pairs = sections.count > 1 ? sections[1].split(separator: ",") : []
        for count in sections.count > 2 ? sections[2].split(separator: ",") : [] {
            let parts = count.split(separator: "=")
            if parts.count == 2, let concept = Int(parts[0]), let pages = Int(parts[1]), pages >= 0 { pageCounts[concept] = pages }
        }
        for index in 0..<phraseCount {
            let parts = index < pairs.count ? pairs[index].split(separator: ":") : []
            let kind = parts.count == 3 ? Self.letters.first { $0.value == parts[2] }?.key : .word
            if parts.count == 2 || parts.count == 3, let kind, let concept = Int(parts[0]), let weight = Double(parts[1]),
               concept < min(declared, 64), weight > 0 {
                add(concept: concept, weight: weight, kind: kind)
            } else {
                add(concept: -1, weight: 0)
            }
        }
        conceptCount = max(conceptCount, min(max(declared, 0), 64))
        for pair in sections.count > 3 ? sections[3].split(separator: ",") : [] {
            let parts = pair.split(separator: "=")
            let words = parts.count == 2 ? parts[1].split(separator: "+").compactMap { Int($0) } : []
            if let concept = Int(parts[0]), words.count == 2, ([concept] + words).allSatisfy({ (0..<conceptCount).contains($0) }) {
                join(concept, first: words[0], second: words[1])
            }
        }
    }
}
