/// Whatever a user typed into the search box, read as the concepts they ask about.
///
/// A search is ranked retrieval, not a filter: a page matches when it has *any* of the query's
/// meaningful words, and pages with more of them, and with the rarer ones, rank first (see
/// ``SearchPlan`` and ``RankFunction``). Any input gives either no concept (nothing searchable) or concepts that
/// ``SearchPlan`` turns into a syntactically valid FTS5 expression, so a query never produces
/// an SQLite error. Words are kept as typed: the table's tokenizer lowercases and stems them.
///
/// The language:
/// - **Words.** A word is a run of letters or digits (`Character.isLetter`/`isNumber`, so
///   Cyrillic works). Each word is one concept; pages with more of them rank higher.
///   Everything else is a separator, including `( ) [ ] { } : ^ ,`, emoji and control
///   characters, and the FTS5 keywords `AND`, `NOT`, `NEAR` are ordinary words. Column
///   filters cannot be written: `title:foo` is the two words `title` and `foo`.
/// - **Stop words.** Russian and English function words (``Lexicon/stopWords``: как, для, the,
///   who…) neither match nor count, unless the query has nothing else or they are quoted.
/// - **Glued words.** Words joined by a single `-`, `'`, `’`, `.`, `_`, `/` or `@` form a
///   phrase, as the tokenizer would split them too: `e-mail` → `"e mail"` (and the joined
///   `email`, which the index also holds for hyphenated and dotted words).
/// - **Phrases.** `"exact phrase"` (words must be adjacent). An unterminated quote runs to the
///   end of the input; `""` is ignored.
/// - **Exclusion.** `-word`, `-"a phrase"` or `--word`, at the start of a term. The minus
///   inside `e-mail` does not exclude. A query with only exclusions has no concept.
/// - **Required.** `+word` or `+"a phrase"`: only pages that contain it.
/// - **OR.** Upper-case `OR` or `ИЛИ` between two terms makes them one concept: `a b OR c d`
///   asks about `a`, `b or c` and `d`. A leading, trailing or repeated `OR`, or one next to an
///   exclusion, is ignored. Lower-case `or`/`или` are words.
/// - **Prefix.** `word*` or `"a phra"*` (the star directly after the word or closing quote).
///   A star anywhere else is ignored. The last word of the input, when the input ends in it,
///   is also read as a prefix (``SearchConcept/isTyped``): Enter on a half-typed word finds it.
/// - **Limits.** At most ``maxTerms`` terms (exclusions included), ``maxPrefixes`` of them
///   prefixes, and ``maxTermLength`` characters per term. Extra terms are dropped, extra
///   prefixes are searched as whole words, and an over-long term is shortened so that it
///   matches more (see ``wasTruncated``): each prefix reads the index for every word it
///   starts, so a query of hundreds of them took seconds.
public struct SearchQuery: Sendable, Equatable {
    public static let maxTerms = 32
    public static let maxPrefixes = 8
    public static let maxTermLength = 200

    /// What the query asks about, in order: each is ranked, and required ones must match.
    public let concepts: [SearchConcept]
    /// The excluded words and phrases, in order.
    let excludedTerms: [SearchTerm]
    /// True when terms were dropped or shortened because of the limits.
    public let wasTruncated: Bool

    /// The words and phrases searched, in order, without exclusions: for hints and
    /// highlighting. Phrase words are joined by one space; a prefix term is reported without its star.
    public var terms: [String] { concepts.flatMap { $0.alternatives.map(\.text) } }
    /// The excluded words and phrases, in order.
    public var excluded: [String] { excludedTerms.map(\.text) }
    /// False when nothing in the input can be searched.
    public var isSearchable: Bool { !concepts.isEmpty }

    /// The FTS5 expression with what the query itself says (no synonyms or spelling
    /// corrections, which need the database), or nil when nothing can be searched.
    public var expression: String? { isSearchable ? SearchPlan(self).expression : nil }

    public init(_ text: String) {
        var concepts: [SearchConcept] = []
        var excluded: [SearchTerm] = []
        var orPending = false
        var lastWasPositive = false  // an OR counts only right after a positive term
        var lastWasBareWord = false
        var count = 0
        var prefixes = 0
        var truncated = false
        var lexer = SearchQueryLexer(text, mode: .query)

        tokens: while let token = lexer.next() {
            let found: SearchTerm
            switch token {
            case .or:
                // Leading or after an exclusion: ignored. Doubled: `orPending` just stays set.
                if lastWasPositive { orPending = true }
                lastWasPositive = false
                continue tokens
            case .term(let term), .excluded(let term), .required(let term):
                found = term
            }
            if count == Self.maxTerms {
                truncated = true
                break tokens  // stop lexing: the rest of the input is never scanned
            }
            count += 1
            let limited = found.limited(to: Self.maxTermLength)
            var term = limited.term
            truncated = truncated || limited.wasCut
            if term.isPrefix {
                prefixes += 1
                if prefixes > Self.maxPrefixes {
                    term.isPrefix = false
                    truncated = true
                }
            }
            lastWasBareWord = false
            switch token {
            case .excluded:
                excluded.append(term)
                orPending = false  // `a OR -b c` is `a c -b`: OR needs terms on both sides
                lastWasPositive = false
                continue tokens
            case .required:
                concepts.append(SearchConcept(alternatives: [term], isRequired: true))
            default:
                if orPending, !concepts.isEmpty, !concepts[concepts.endIndex - 1].isRequired {
                    concepts[concepts.endIndex - 1].alternatives.append(term)
                } else {
                    concepts.append(SearchConcept(alternatives: [term], isRequired: false))
                }
                lastWasBareWord = !term.isPrefix && term.words.count == 1 && !limited.wasCut
            }
            orPending = false
            lastWasPositive = true
        }
        // The word the input ends in may be half typed: it is also a prefix, unless it is
        // one side of an OR (whose alternatives were chosen word by word).
        if lastWasBareWord, lexer.endsInWord, !truncated, let last = concepts.indices.last,
           concepts[last].alternatives.count == 1, prefixes < Self.maxPrefixes {
            concepts[last].isTyped = true
        }
        // Function words say nothing a page could match, unless they are all there is.
        let meaningful = concepts.filter { !$0.isStopWord }
        self.concepts = meaningful.isEmpty ? concepts : meaningful
        self.excludedTerms = excluded
        self.wasTruncated = truncated
    }

    /// For suggestions as you type: every word must match and the last one as a prefix,
    /// e.g. `мой отпу` → `"мой" AND "отпу" *`; nil when there is no word.
    ///
    /// Operators are not interpreted here (quotes, `-`, `*` are separators and `OR` is a
    /// word), because a half-typed query is rarely well-formed. Glued words still form a
    /// phrase (`e-ma` → `"e ma" *`), and the same limits apply. Function words are left out,
    /// as on Enter, so that «как оформ» suggests what «оформ» does.
    public static func prefixExpression(_ text: String) -> String? {
        var terms: [SearchTerm] = []
        for token in SearchQueryLexer(text, mode: .plainWords) {
            guard case .term(let term) = token else { continue }
            guard terms.count < maxTerms else { break }
            terms.append(term.limited(to: maxTermLength).term)
        }
        guard let last = terms.indices.last else { return nil }
        terms = terms.enumerated().filter { index, term in index == last || !Lexicon.isStopWord(term) }.map(\.element)
        terms[terms.endIndex - 1].isPrefix = true
        return terms.map(FTS5Syntax.term).joined(separator: " AND ")
    }
}
