/// Splits user input into terms, exclusions, required terms and `OR`s (see ``SearchQuery`` for the language).
///
/// It is a lazy iterator over `String` indices, so the query builder can stop pulling
/// tokens once it has enough, and a huge paste is never copied or scanned to the end.
/// Any character that is not part of the language is a separator; nothing the user types
/// reaches the output except runs of letters and digits.
struct SearchQueryLexer: Sequence, IteratorProtocol {
    enum Mode {
        /// The full language: quotes, `-`, `+`, `OR`, `*`.
        case query
        /// Only words; quotes, `-`, `+`, `*` and `OR` are ordinary separators or words.
        case plainWords
    }

    /// Punctuation that glues two words into one phrase when it sits directly between
    /// them: `e-mail`, `don't`, `v1.2`, `snake_case`, `a/b`, `user@host`. The FTS5
    /// tokenizer splits these too, so searching them as an adjacent phrase finds exactly
    /// the text the user pasted.
    static let joiners: Set<Character> = ["-", "\u{2010}", "\u{2011}", "'", "\u{2019}", "\u{02BC}", ".", "_", "/", "@"]

    /// Words typed in upper case between two terms to mean "either". Upper case only,
    /// so the ordinary words "or" and "или" stay searchable.
    static let orKeywords: Set<String> = ["OR", "ИЛИ"]

    static func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber
    }

    private let text: String
    private let mode: Mode
    private var index: String.Index

    init(_ text: String, mode: Mode = .query) {
        self.text = text
        self.mode = mode
        self.index = text.startIndex
    }

    mutating func next() -> SearchToken? {
        while index < text.endIndex {
            let character = text[index]
            if Self.isWordCharacter(character) {
                let term = scanWords()
                if mode == .query, !term.isPrefix, term.words.count == 1,
                   let word = term.words.first, Self.orKeywords.contains(word) {
                    return .or
                }
                return .term(term)
            }
            if mode == .query, character == "\"" {
                let phrase = scanPhrase()
                if !phrase.words.isEmpty { return .term(phrase) }
                continue
            }
            if mode == .query, character == "-" || character == "+" {
                let before = index
                if let marked = scanMarked(character) { return marked }
                if index != before { continue }  // it swallowed an empty `-""`
            }
            index = text.index(after: index)
        }
        return nil
    }

    // MARK: - Scanners (each starts at `index` and leaves it after what it consumed)

    /// Letters/digits, possibly glued by single joiners, optionally followed by `*`.
    private mutating func scanWords() -> SearchTerm {
        var words: [String] = []
        while true {
            let start = index
            while index < text.endIndex, Self.isWordCharacter(text[index]) {
                index = text.index(after: index)
            }
            words.append(String(text[start..<index]))
            // Continue only over exactly one joiner followed by another word.
            guard index < text.endIndex, Self.joiners.contains(text[index]) else { break }
            let afterJoiner = text.index(after: index)
            guard afterJoiner < text.endIndex, Self.isWordCharacter(text[afterJoiner]) else { break }
            index = afterJoiner
        }
        return SearchTerm(words: words, isPrefix: scanStar())
    }

    /// `"…"`: every word up to the closing quote or the end of input. Punctuation inside is
    /// ignored, since the tokenizer would drop it anyway.
    private mutating func scanPhrase() -> SearchTerm {
        index = text.index(after: index)  // opening quote
        var words: [String] = []
        while index < text.endIndex {
            let character = text[index]
            if character == "\"" {
                index = text.index(after: index)
                return SearchTerm(words: words, isPrefix: !words.isEmpty && scanStar(), isQuoted: true)
            }
            if Self.isWordCharacter(character) {
                let start = index
                while index < text.endIndex, Self.isWordCharacter(text[index]) {
                    index = text.index(after: index)
                }
                words.append(String(text[start..<index]))
            } else {
                index = text.index(after: index)
            }
        }
        return SearchTerm(words: words, isPrefix: false, isQuoted: true)  // unterminated: runs to the end
    }

    /// `-word`, `-"phrase"`, also `--word` (excluded); `+word`, `+"phrase"` (required). Only at
    /// the start of a term (start of input or after a separator), so the hyphen in `e-mail` or
    /// `e--mail` never excludes and `c++` requires nothing.
    /// Returns nil when nothing is marked: consuming nothing when the sign is just
    /// punctuation, or the whole `-""` when the phrase is empty.
    private mutating func scanMarked(_ sign: Character) -> SearchToken? {
        if index > text.startIndex {
            let previous = text[text.index(before: index)]
            if Self.isWordCharacter(previous) || Self.joiners.contains(previous) || previous == "+" { return nil }
        }
        var position = index
        while position < text.endIndex, text[position] == sign {
            position = text.index(after: position)
        }
        guard position < text.endIndex else { return nil }
        let next = text[position]
        let marked: (SearchTerm) -> SearchToken = sign == "-" ? { .excluded($0) } : { .required($0) }
        if Self.isWordCharacter(next) {
            index = position
            return marked(scanWords())
        }
        if next == "\"" {
            index = position
            let phrase = scanPhrase()
            return phrase.words.isEmpty ? nil : marked(phrase)
        }
        return nil
    }

    /// True when the input ends inside a word: the last word is still being typed.
    var endsInWord: Bool {
        text.last.map(Self.isWordCharacter) ?? false
    }

    /// A `*` directly after a word or closing quote makes a prefix search. Extra stars
    /// (`word**`) are left to be skipped as separators.
    private mutating func scanStar() -> Bool {
        guard mode == .query, index < text.endIndex, text[index] == "*" else { return false }
        index = text.index(after: index)
        return true
    }
}
