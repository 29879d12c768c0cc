/// One searchable unit: a single word, or several words that must appear next to each
/// other (a quoted phrase, or words glued by punctuation such as `e-mail`).
///
/// Words are kept exactly as typed: lowercasing and stemming are the FTS5 tokenizer's job,
/// and doing them here too would make the two disagree.
public struct SearchTerm: Sendable, Equatable {
    public internal(set) var words: [String]
    /// The last word is matched as a prefix (`word*`).
    public internal(set) var isPrefix: Bool

    /// Written in quotes: searched exactly as written, function words included.
    public internal(set) var isQuoted: Bool

    init(words: [String], isPrefix: Bool, isQuoted: Bool = false) {
        self.words = words
        self.isPrefix = isPrefix
        self.isQuoted = isQuoted
    }

    /// How the term is reported to callers (hints, highlighting): words joined by spaces,
    /// which is also exactly what goes between the quotes in the FTS5 expression.
    public var text: String { words.joined(separator: " ") }

    /// The term cut so that its text fits in `maxCharacters`.
    ///
    /// Truncation always makes the term match *more*, never something unrelated:
    /// a phrase loses its trailing words (and its prefix star, since the last kept word is
    /// complete), and a single over-long word is cut and searched as a prefix.
    func limited(to maxCharacters: Int) -> (term: SearchTerm, wasCut: Bool) {
        guard let first = words.first else { return (self, false) }
        var kept: [String] = []
        var length = 0
        for word in words {
            let added = (kept.isEmpty ? 0 : 1) + word.count
            if length + added > maxCharacters { break }
            kept.append(word)
            length += added
        }
        if kept.count == words.count { return (self, false) }
        if kept.isEmpty {
            return (SearchTerm(words: [String(first.prefix(maxCharacters))], isPrefix: true), true)
        }
        return (SearchTerm(words: kept, isPrefix: false, isQuoted: isQuoted), true)
    }
}

/// What the lexer hands to the query builder.
enum SearchToken: Sendable, Equatable {
    case term(SearchTerm)
    case excluded(SearchTerm)
    /// `+word`: a page must contain it.
    case required(SearchTerm)
    /// `OR` / `ИЛИ` between two terms.
    case or
}
