/// A query's concepts turned into one FTS5 expression and the plan that ranks its matches.
///
/// Each concept is searched as the word itself (weight 1), and beside it, at lower weights: the
/// typed last word as a prefix, the word's family (``WordFamily``) and a verb's forms that
/// Snowball stems apart (``RussianVerbForms``), synonyms from the dictionary and spelling
/// corrections; a noun's form with or without its fleeting vowel (``FleetingVowel``) counts as
/// the word itself. All of these are alternatives of one concept, so a page
/// that has any of them covers it; ``RankFunction`` scores each by its best alternative.
/// The weights are tuned on the judged set (`make search-quality`): prefix and family weights
/// barely moved it between 0.2 and 0.8; synonyms at 0.85 found more cross-language answers than
/// at 0.7 without losing elsewhere, neighbouring words at 0.6 helped questions (at 2 they hurt);
/// a synonym of two neighbouring words together counts as a synonym (cross-language 0.819 →
/// 0.880); the parts of a glued word, at 0.5, find «консультанто-дни» for «консультанто-день»
/// (0.3 to 0.7 alike).
/// Pages must match at least one concept and every required one; exclusions remove pages.
///
/// Everything the user typed ends up inside FTS5 double-quoted strings (``FTS5Syntax``), so the
/// expression is always valid.
public struct SearchPlan: Sendable {
    /// What the database adds to one concept.
    public struct Expansion: Sendable, Equatable {
        /// Synonyms from the dictionary (words or phrases).
        public var synonyms: [String] = []
        /// Indexed words near a word that matched nothing.
        public var corrections: [String] = []

        public init(synonyms: [String] = [], corrections: [String] = []) {
            self.synonyms = synonyms
            self.corrections = corrections
        }
    }

    /// How much a match of each kind of alternative counts against the word itself.
    enum Weight {
        static let exact = 1.0
        static let correction = 0.8
        static let synonym = 0.85
        static let prefix = 0.6
        static let family = 0.4
        static let neighbours = 0.6
        static let part = 0.5
        /// A Russian verb, and everything searched for it: in a question, the verb says what to
        /// do and the noun what it is about («куда звонить, если сломался принтер»). At 0.5 the
        /// tuning set's questions rose 0.898 → 0.922 (two answers up, one down), nothing else moved;
        /// 0.8 and 0.6 moved less.
        static let verb = 0.5
    }

    /// One phrase of a concept, and which kind of alternative it is.
    typealias Alternative = (fts: String, weight: Double, kind: Kind)

    enum Kind {
        case word, typedPrefix, family, added
    }

    /// Each concept's alternatives, then each pair of neighbouring words as a concept of its own.
    private let concepts: [[Alternative]]
    /// How many of ``concepts`` the query asked about (the rest are neighbouring pairs).
    let askedCount: Int
    /// For each neighbouring pair after the asked concepts, the first of its two concepts.
    private let pairStarts: [Int]
    private let required: [Int]
    private let excluded: [String]
    /// The index's token for each concept that is one word (its stem), to look up how many pages have it.
    let tokens: [String?]

    /// An FTS5 expression and how ``RankFunction`` scores its phrases.
    typealias Built = (expression: String, rank: RankPlan)

    /// Every page that matches the query.
    public var expression: String { build().expression }

    public init(_ query: SearchQuery, expansions: [Int: Expansion] = [:]) {
        let stemmer = try? Stemmer()
        var concepts = query.concepts.enumerated().map { index, concept in
            Self.alternatives(of: concept, expansions[index] ?? Expansion(), stemmer)
        }
        // Two neighbouring words of the query together only add to a page's score: a page
        // about a "meeting room" has those two words side by side or nearly (``RankFunction``),
        // not one in each corner.
        let neighbours = Self.neighbours(query)
        for (first, words) in neighbours {
            var pair: [Alternative] = [(FTS5Syntax.term(SearchTerm(words: words, isPrefix: false)), Weight.neighbours, .word)]
            // A synonym of both words is a synonym of the two together ("remote work" = «удалённая работа»).
            let shared = (expansions[first]?.synonyms ?? []).filter { (expansions[first + 1]?.synonyms ?? []).contains($0) }
            for synonym in shared {
                pair.append((FTS5Syntax.term(SearchTerm(words: synonym.split(separator: " ").map(String.init), isPrefix: false)),
                             Weight.synonym, .added))
            }
            concepts.append(pair)
        }
        self.concepts = concepts
        askedCount = query.concepts.count
        pairStarts = neighbours.map(\.first)
        tokens = query.concepts.map { concept in
            guard let stemmer, let first = concept.alternatives.first, first.words.count == 1, !first.isPrefix else { return nil }
            return stemmer.stem(Lexicon.normalized(first.text))
        }
        required = query.concepts.indices.filter { query.concepts[$0].isRequired }
        excluded = query.excludedTerms.map(FTS5Syntax.term)
    }

    /// The FTS5 expression of one concept the query asked about, to see how broad it is.
    func expression(ofConcept index: Int) -> String {
        "(" + concepts[index].map(\.fts).joined(separator: " OR ") + ")"
    }

    /// The expression, or when `candidates` is given the same matches narrowed to the pages
    /// that have a `narrow` concept anywhere or a `broad` one in a title or heading (see
    /// ``SearchService``), with the plan that ranks its phrases. `wordsOnly` leaves out the families
    /// too, whose lists are the longest to read: fewer matches, never more, to count cheaply
    /// whether there are more than a limit.
    func build(candidates: (narrow: [Int], broad: [Int])? = nil, wordsOnly: Bool = false,
               pageCounts: [Int: Int] = [:]) -> Built {
        var rank = RankPlan()
        rank.pageCounts = pageCounts
        for (pair, first) in pairStarts.enumerated() { rank.join(askedCount + pair, first: first, second: first + 1) }
        func group(_ index: Int, scored: Bool = true) -> String {
            // Choosing candidates needs neither the typed prefix nor the family, which read long
            // lists: the words themselves choose.
            let alternatives = concepts[index].filter { alternative in
                switch alternative.kind {
                case .typedPrefix: !wordsOnly && scored
                case .family: !wordsOnly && scored
                case .word, .added: true
                }
            }
            for alternative in alternatives {
                rank.add(concept: scored ? index : -1, weight: alternative.weight,
                         kind: alternative.kind, byPairs: FTS5Syntax.isByPairs(alternative.fts))
            }
            return alternatives.map(\.fts).joined(separator: " OR ")
        }
        var parts: [String] = []
        if let candidates {
            // Phrases that only choose candidates do not score: limited to some columns, FTS5
            // would count them in fewer pages and make them look rarer than they are.
            var choosers = candidates.narrow.map { group($0, scored: false) }
            if !candidates.broad.isEmpty {
                choosers.append("{title headings} : (" + candidates.broad.map { group($0, scored: false) }.joined(separator: " OR ") + ")")
            }
            parts.append("(" + choosers.joined(separator: " OR ") + ")")
        }
        for index in required { parts.append("(" + group(index) + ")") }
        // Every concept again, required ones too: a page with only the required words is a
        // result, and the optional ones rank it.
        if required.isEmpty || required.count < askedCount {
            parts.append("(" + concepts.indices.map { group($0) }.joined(separator: " OR ") + ")")
        }
        var expression = parts.joined(separator: " AND ")
        if !excluded.isEmpty {
            expression = "(" + expression + ")" + excluded.map { term -> String in
                rank.add(concept: -1, weight: 0)
                return " NOT " + term
            }.joined()
        }
        return (expression, rank)
    }

    /// Each two neighbouring one-word concepts, as typed.
    private static func neighbours(_ query: SearchQuery) -> [(first: Int, words: [String])] {
        let words = query.concepts.map { concept -> String? in
            guard concept.alternatives.count == 1, let term = concept.alternatives.first, term.words.count == 1, !term.isPrefix else { return nil }
            return term.text
        }
        return words.indices.dropLast().compactMap { index in
            guard let first = words[index], let second = words[index + 1] else { return nil }
            return (index, [first, second])
        }
    }

    /// A concept's alternatives as FTS5 phrases, with their weights.
    private static func alternatives(of concept: SearchConcept, _ expansion: Expansion, _ stemmer: Stemmer?) -> [Alternative] {
        var result: [Alternative] = []
        var listedVerb = false
        for term in concept.alternatives {
            // One stem for the verb list, the fleeting vowel and the family key.
            let stem = term.words.count == 1 ? stemmer?.stem(Lexicon.normalized(term.text)) : nil
            let verbForms = stem.map(RussianVerbForms.otherForms(ofStem:)) ?? []
            if !verbForms.isEmpty { listedVerb = true }
            result.append((FTS5Syntax.term(term), Weight.exact, .word))
            if term.words.count > 1, !term.isQuoted, !term.isPrefix {
                // Glued words are also indexed joined: "check-in" finds "checkin" and the reverse.
                result.append((FTS5Syntax.string(term.words.joined()), Weight.exact, .word))
                // Its parts apart, as if typed apart: «консультанто-дни» is not «консультанто-день».
                for part in term.words where part.count >= 3 && !Lexicon.stopWords.contains(Lexicon.normalized(part)) {
                    result.append((FTS5Syntax.string(part), Weight.part, .added))
                }
            }
            guard term.words.count == 1, !term.isPrefix, !term.isQuoted, !concept.isRequired else { continue }
            if concept.isTyped, term.text.count >= 2 { result.append((FTS5Syntax.string(term.text) + " *", Weight.prefix, .typedPrefix)) }
            // The verb's forms that Snowball gives other stems («стереть» → «сотрёт», «стёр») count
            // as its family: often another tense, which a question means less often than its own
            // («скан придёт на почту» is not the page where money «придут»). At the family's
            // weight the tuning set's ё/е queries rose 0.870 → 0.907; at 0.6 to 1, 0.880.
            for form in verbForms { result.append((FTS5Syntax.string(form), Weight.family, .added)) }
            // A noun's form with or without its fleeting vowel is the word itself («заявок», «заявка»).
            if let stem, let form = FleetingVowel.otherForm(ofStem: stem) {
                result.append((FTS5Syntax.string(form), Weight.exact, .added))
            }
            if let stem, let key = WordFamily.key(of: term.text, stem: stem) {
                result.append((FTS5Syntax.string(String(UnicodeScalar(WordFamily.marker)) + key), Weight.family, .family))
            }
        }
        for synonym in expansion.synonyms {
            let words = synonym.split(separator: " ").map(String.init)
            result.append((FTS5Syntax.term(SearchTerm(words: words, isPrefix: false)), Weight.synonym, .added))
        }
        for correction in expansion.corrections {
            result.append((FTS5Syntax.string(correction), Weight.correction, .added))
        }
        // A listed verb is one where its ending does not say so («придёт», «вести»).
        if concept.alternatives.count == 1, let term = concept.alternatives.first, term.words.count == 1,
           RussianVerb.isLikely(term.text) || listedVerb {
            return result.map { ($0.fts, $0.weight * Weight.verb, $0.kind) }
        }
        return result
    }
}

