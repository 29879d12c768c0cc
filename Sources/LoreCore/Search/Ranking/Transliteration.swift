import GRDB

/// A word as it is written in the other script, the way Russian speakers write names across
/// them: "Skladoff" → «складофф», «Озон» → "ozon". Names of brands, products and places are
/// written either way («Складофф» on the page, "Skladoff" in the query). Only the likeliest
/// spellings are looked up, not their nearest words: the spelling corrector's scan of the
/// vocabulary was the slowest part of a search already, and doing it again in the other script
/// doubled a misspelt word's search (p99 43 → 78 ms at 100,000 articles).
enum Transliteration {
    /// For each one-word concept of the query, its other-script form when more pages the
    /// searcher may read have it than the word as typed (`readablePages` counts them, up to
    /// ``countLimit``), searched like a synonym. The index's vocabulary, which spans hidden pages
    /// too, only says whether counting is worth it: what is searched and said never depends on
    /// a page the searcher may not read.
    static func expansions(for query: SearchQuery, _ db: Database, readablePages: (String) throws -> Int) throws -> [Int: [String]] {
        var found: [Int: [String]] = [:]
        for (index, concept) in query.concepts.enumerated() where !concept.isRequired && !concept.isStopWord {
            guard concept.alternatives.count == 1, let term = concept.alternatives.first, term.words.count == 1, !term.isPrefix,
                  !term.isQuoted, term.text.count >= minimumLength else { continue }
            // Only where the other spelling is this knowledge base's usual one: «день» is not "den".
            // The typed word, often common, is counted only when the other spelling is readable at all.
            for written in spellings(of: term.text) {
                // Written so on some page, not only sharing its stem: "stolen" would be «столен»,
                // whose stem «стол» (a desk) is on many pages that say nothing of theft.
                let indexed = try Bool.fetchOne(db, sql: "SELECT 1 FROM searchVocabulary WHERE term = ?",
                                                arguments: [Lexicon.normalized(written)]) ?? false
                guard indexed else { continue }
                let other = try readablePages(written)
                guard other > 0 else { continue }
                if other > (try readablePages(term.text)) { found[index] = [written] }
                break
            }
        }
        return found
    }

    /// Shorter words are too often another word in the other script.
    static let minimumLength = 4
    /// Readable pages are counted up to this: more says nothing about which spelling is usual.
    static let countLimit = 20

    /// The likeliest spellings in the other script, likeliest first: a Latin c before e, i or y
    /// is also ц ("Pacific" → «пацифик»).
    static func spellings(of word: String) -> [String] {
        guard let first = otherScript(word) else { return [] }
        var result = [first]
        let typed = Lexicon.normalized(word)
        if typed.unicodeScalars.allSatisfy({ latin.contains($0) }) {
            if typed.contains("ce") || typed.contains("ci") || typed.contains("cy") {
                result.append(first.replacingOccurrences(of: "ке", with: "це").replacingOccurrences(of: "ки", with: "ци")
                    .replacingOccurrences(of: "кы", with: "ци"))
            }
        }
        return result
    }

    /// The word in the other script (lowercase), or nil when it mixes scripts or has no letters of either.
    static func otherScript(_ word: String) -> String? {
        let scalars = Array(word.lowercased().unicodeScalars)
        if scalars.allSatisfy({ latin.contains($0) }) { return cyrillic(of: scalars) }
        if scalars.allSatisfy({ Self.fromCyrillic[$0] != nil }) { return scalars.map { Self.fromCyrillic[$0]! }.joined() }
        return nil
    }

    private static let latin = Set("abcdefghijklmnopqrstuvwxyz".unicodeScalars)

    /// Letter groups first, longest first: "shch" before "sh" before "s".
    private static let toCyrillic: [(latin: String, cyrillic: String)] = [
        ("shch", "щ"), ("sch", "щ"), ("zh", "ж"), ("kh", "х"), ("ch", "ч"), ("sh", "ш"), ("ts", "ц"), ("tz", "ц"),
        ("ph", "ф"), ("th", "т"), ("ck", "к"), ("ya", "я"), ("ja", "я"), ("yu", "ю"), ("ju", "ю"), ("yo", "е"),
        ("jo", "е"), ("ye", "е"), ("ay", "ай"), ("ey", "ей"), ("oy", "ой"), ("iy", "ий"), ("uy", "уй"), ("ai", "ай"), ("ei", "ей"), ("oi", "ой"),
        ("a", "а"), ("b", "б"), ("c", "к"), ("d", "д"), ("e", "е"), ("f", "ф"), ("g", "г"), ("h", "х"), ("i", "и"),
        ("j", "дж"), ("k", "к"), ("l", "л"), ("m", "м"), ("n", "н"), ("o", "о"), ("p", "п"), ("q", "к"), ("r", "р"),
        ("s", "с"), ("t", "т"), ("u", "у"), ("v", "в"), ("w", "в"), ("x", "кс"), ("y", "ы"), ("z", "з"),
    ].map { (String($0.0), String($0.1)) }

    private static let fromCyrillic: [Unicode.Scalar: String] = [
        "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z", "и": "i", "й": "y",
        "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f",
        "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
    ]

    private static func cyrillic(of scalars: [Unicode.Scalar]) -> String {
        let text = String(String.UnicodeScalarView(scalars))
        var result = ""
        var rest = Substring(text)
        while !rest.isEmpty {
            guard let (group, letters) = toCyrillic.first(where: { rest.hasPrefix($0.latin) }) else { rest = rest.dropFirst(); continue }
            result += letters
            rest = rest.dropFirst(group.count)
        }
        return result
    }
}
