/// Whatever a user typed into the search box, turned into a safe SQLite FTS5 `MATCH`
/// expression for the `searchIndex` table (columns `title, headings, body, extra`).
///
/// Any input gives either `nil` (nothing searchable) or a syntactically valid FTS5
/// expression, so the result can be bound to `… WHERE searchIndex MATCH ?` without ever
/// producing an SQLite error. Words are passed through unchanged: the table's tokenizer
/// lowercases and stems them.
///
/// The language:
/// - **Words.** A word is a run of letters or digits (`Character.isLetter`/`isNumber`, so
///   Cyrillic works). All words must match: `отпуск 2024` → `"отпуск" AND "2024"`.
///   Everything else is a separator, including `( ) [ ] { } : ^ + ,`, emoji and control
///   characters, and the FTS5 keywords `AND`, `NOT`, `NEAR` are ordinary words. Column
///   filters cannot be written: `title:foo` is the two words `title` and `foo`.
/// - **Glued words.** Words joined by a single `-`, `'`, `’`, `.`, `_`, `/` or `@` form a
///   phrase, as the tokenizer would split them too: `e-mail` → `"e mail"`.
/// - **Phrases.** `"exact phrase"` → `"exact phrase"` (words must be adjacent). An
///   unterminated quote runs to the end of the input; `""` is ignored.
/// - **Exclusion.** `-word`, `-"a phrase"` or `--word`, at the start of a term. The minus
///   inside `e-mail` does not exclude. A query with only exclusions → `nil`.
///   Output: `(positive part) NOT "x" NOT "y"`.
/// - **OR.** Upper-case `OR` or `ИЛИ` between two terms: `a b OR c d` →
///   `"a" AND ("b" OR "c") AND "d"`; `a OR b OR c` is one group. A leading, trailing or
///   repeated `OR`, or one next to an exclusion, is ignored. Lower-case `or`/`или` are words.
/// - **Prefix.** `word*` or `"a phra"*` (the star directly after the word or closing quote)
///   → `"word" *`. A star anywhere else is ignored.
/// - **Limits.** At most ``maxTerms`` terms (exclusions included), ``maxPrefixes`` of them
///   prefixes, and ``maxTermLength`` characters per term. Extra terms are dropped, extra
///   prefixes are searched as whole words, and an over-long term is shortened so that it
///   matches more (see ``wasTruncated``): each prefix reads the index for every word it
///   starts, so a query of hundreds of them took seconds.
public struct SearchQuery: Sendable, Equatable {
    public static let maxTerms = 32
    public static let maxPrefixes = 8
    public static let maxTermLength = 200

    /// The FTS5 expression, or nil when nothing in the input can be searched.
    public let expression: String?
    /// The words and phrases searched, in order, without exclusions: for "did you mean",
    /// empty-result hints and highlighting. Phrase words are joined by one space; a prefix
    /// term is reported without its star.
    public let terms: [String]
    /// The excluded words and phrases, in order.
    public let excluded: [String]
    /// True when terms were dropped or shortened because of the limits.
    public let wasTruncated: Bool

    public init(_ text: String) {
        var groups: [[SearchTerm]] = []
        var excluded: [SearchTerm] = []
        var orPending = false
        var lastWasPositive = false  // an OR counts only right after a positive term
        var count = 0
        var prefixes = 0
        var truncated = false

        tokens: for token in SearchQueryLexer(text, mode: .query) {
            let term: SearchTerm
            switch token {
            case .or:
                // Leading or after an exclusion: ignored. Doubled: `orPending` just stays set.
                if lastWasPositive { orPending = true }
                lastWasPositive = false
                continue tokens
            case .term(let found), .excluded(let found):
                if count == Self.maxTerms {
                    truncated = true
                    break tokens  // stop lexing: the rest of the input is never scanned
                }
                count += 1
                let limited = found.limited(to: Self.maxTermLength)
                var kept = limited.term
                truncated = truncated || limited.wasCut
                if kept.isPrefix {
                    prefixes += 1
                    if prefixes > Self.maxPrefixes {
                        kept.isPrefix = false
                        truncated = true
                    }
                }
                term = kept
            }
            if case .excluded = token {
                excluded.append(term)
                orPending = false  // `a OR -b c` is `a c -b`: OR needs terms on both sides
                lastWasPositive = false
                continue tokens
            }
            if orPending, !groups.isEmpty {
                groups[groups.endIndex - 1].append(term)
            } else {
                groups.append([term])
            }
            orPending = false
            lastWasPositive = true
        }

        self.terms = groups.flatMap { $0.map(\.text) }
        self.excluded = excluded.map(\.text)
        self.wasTruncated = truncated
        // FTS5's NOT is binary: with nothing positive there is nothing to subtract from.
        self.expression = groups.isEmpty
            ? nil
            : FTS5Syntax.expression(groups: groups, excluded: excluded)
    }

    /// For suggestions as you type: every word must match and the last one as a prefix,
    /// e.g. `мой отпу` → `"мой" AND "отпу" *`; nil when there is no word.
    ///
    /// Operators are not interpreted here (quotes, `-`, `*` are separators and `OR` is a
    /// word), because a half-typed query is rarely well-formed. Glued words still form a
    /// phrase (`e-ma` → `"e ma" *`), and the same limits apply.
    public static func prefixExpression(_ text: String) -> String? {
        var terms: [SearchTerm] = []
        for token in SearchQueryLexer(text, mode: .plainWords) {
            guard case .term(let term) = token else { continue }
            guard terms.count < maxTerms else { break }
            terms.append(term.limited(to: maxTermLength).term)
        }
        guard !terms.isEmpty else { return nil }
        terms[terms.endIndex - 1].isPrefix = true
        return terms.map(FTS5Syntax.term).joined(separator: " AND ")
    }
}
