/// Made-up but word-like vocabularies, one Latin and one Cyrillic with Russian endings, whose
/// words occur with Zipf frequencies as words of real text do: a few very common, most rare.
struct Vocabulary {
    private var random: SplitMix64
    private let latin: [String]
    private let cyrillic: [String]
    /// Cumulative Zipf weights over word ranks.
    private let cumulative: [Double]
    static let size = 20_000

    init(seed: UInt64) {
        random = SplitMix64(seed: seed)
        latin = Self.words(["ka", "lo", "mi", "ten", "ra", "vo", "sel", "dun", "pri", "gos", "mar", "bel", "tor", "fin", "ul",
                            "ex", "on", "ar", "stra", "ple"], endings: ["", "s", "ing", "ed", "er"], seed: seed &+ 1)
        cyrillic = Self.words(["ка", "ло", "ми", "тен", "ра", "во", "сел", "дун", "при", "гос", "мар", "бел", "тор", "фин", "ул",
                               "ек", "он", "ар", "стра", "пле"], endings: ["", "а", "ой", "ами", "ов", "ы", "е"], seed: seed &+ 2)
        var total = 0.0
        cumulative = (1...Self.size).map { rank in
            total += 1 / Double(rank)
            return total
        }
    }

    /// A title and a Markdown body of about 2 KB; one article in four is Russian.
    mutating func article(number: Int) -> (title: String, body: String) {
        let russian = number % 4 == 0
        let title = sentence(words: 3...6, russian: russian, capitalised: true)
        var body = ""
        while body.utf8.count < 1900 {
            if Int.random(in: 0..<5, using: &random) == 0 {
                body += "## " + sentence(words: 2...4, russian: russian, capitalised: true) + "\n\n"
            } else {
                body += (0..<Int.random(in: 2...5, using: &random)).map { _ in
                    sentence(words: 6...14, russian: russian, capitalised: true) + "."
                }.joined(separator: " ") + "\n\n"
            }
        }
        return (title, body)
    }

    /// What people type: mid-frequency words (neither "the" nor a typo).
    mutating func query(_ kind: SearchBenchmark.QueryKind, seed: UInt64) -> String {
        let russian = seed % 4 == 0
        switch kind {
        case .oneWord: return word(rank: Int.random(in: 50...3000, using: &random), russian: russian)
        case .threeWords:
            return (0..<3).map { _ in word(rank: Int.random(in: 20...600, using: &random), russian: russian) }.joined(separator: " ")
        case .question:
            // As people ask: function words (which search drops) around words of every frequency.
            let words = (0..<Int.random(in: 3...5, using: &random)).map { _ in word(rank: Int.random(in: 20...3000, using: &random), russian: russian) }
            let function = russian ? ["как", "для", "в"] : ["how", "do", "the"]
            return ([function[0], function[1]] + words.prefix(2) + [function[2]] + words.dropFirst(2)).joined(separator: " ")
        case .phrase: return "\"" + sentence(words: 2...2, russian: russian, capitalised: false) + "\""
        case .prefix: return String(word(rank: Int.random(in: 50...2000, using: &random), russian: russian).prefix(4)) + "*"
        case .suggestion: return String(word(rank: Int.random(in: 20...2000, using: &random), russian: russian).prefix(3))
        }
    }

    private mutating func sentence(words: ClosedRange<Int>, russian: Bool, capitalised: Bool) -> String {
        let text = (0..<Int.random(in: words, using: &random)).map { _ in
            word(rank: zipfRank(), russian: russian)
        }.joined(separator: " ")
        return capitalised ? text.prefix(1).uppercased() + text.dropFirst() : text
    }

    func word(rank: Int, russian: Bool) -> String {
        (russian ? cyrillic : latin)[(rank - 1) % Self.size]
    }

    private mutating func zipfRank() -> Int {
        let target = Double.random(in: 0..<(cumulative.last ?? 1), using: &random)
        var low = 0, high = cumulative.count - 1
        while low < high {
            let middle = (low + high) / 2
            if cumulative[middle] < target { low = middle + 1 } else { high = middle }
        }
        return low + 1
    }

    private static func words(_ syllables: [String], endings: [String], seed: UInt64) -> [String] {
        var random = SplitMix64(seed: seed)
        var seen = Set<String>()
        var words: [String] = []
        while words.count < size {
            let stem = (0..<Int.random(in: 2...4, using: &random)).map { _ in syllables.randomElement(using: &random) ?? "" }.joined()
            let word = stem + (endings.randomElement(using: &random) ?? "")
            if seen.insert(word).inserted { words.append(word) }
        }
        return words
    }
}
