/// Rendering of terms as FTS5 query syntax.
///
/// Everything the user typed ends up inside FTS5 double-quoted strings. Inside such a
/// string FTS5 has no operators at all (no `*`, `^`, `:`, `NEAR`, `AND`...), so the only
/// thing that can break out of it is a `"`, which is escaped by doubling. All structure
/// (`AND`, `OR`, `NOT`, parentheses, `*`) is written by this type and ``SearchPlan`` alone.
enum FTS5Syntax {
    /// `foo` → `"foo"`, `a"b` → `"a""b"`.
    static func string(_ text: String) -> String {
        // By Unicode scalar, not Character: `"` followed by a combining mark is one
        // Character that is not equal to `"`, yet SQLite would still see the quote byte.
        var quoted = String.UnicodeScalarView()
        quoted.append("\"")
        for scalar in text.unicodeScalars {
            quoted.append(scalar)
            if scalar == "\"" { quoted.append("\"") }
        }
        quoted.append("\"")
        return String(quoted)
    }

    /// A word or phrase; a prefix search is FTS5's `"phrase" *`, which applies the
    /// prefix to the phrase's last token. A phrase of several words is searched by its word
    /// pairs (see ``StemmingTokenizer``): the same pages, found without reading the positions
    /// of its words in every page that has them all.
    static func term(_ term: SearchTerm) -> String {
        if term.isPrefix { return string(term.text) + " *" }
        if term.words.count > 1 { return string(pairs + term.text) }
        return string(term.text)
    }

    /// Whether a phrase of ``term(_:)`` is searched by its word pairs.
    static func isByPairs(_ phrase: String) -> Bool {
        phrase.hasPrefix("\"" + pairs)
    }

    private static let pairs = String(UnicodeScalar(StemmingTokenizer.pairMarker))
}
