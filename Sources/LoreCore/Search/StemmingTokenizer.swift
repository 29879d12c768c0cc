import GRDB

/// The search index's tokenizer: SQLite's unicode61 splits and lowercases words and folds
/// Latin diacritics (café → cafe; Cyrillic letters such as й are left alone, as the Russian
/// stemmer needs them), then each word is reduced to its Snowball stem, so that "отпуска",
/// "отпуском" and "отпуск", or "employees" and "employee", are one term. Queries are stemmed
/// the same way, so both sides meet on stems.
///
/// Documents also keep each word as written, at the same position: a prefix typed as you type
/// ("evacua…") can be longer than the word's stem ("evacu"), so prefixes are looked up among
/// whole words, unstemmed.
///
/// SQLite creates one instance per table per connection and a connection is used by one thread
/// at a time, which is what libstemmer's handles need.
final class StemmingTokenizer: FTS5WrapperTokenizer {
    static let name = "lore"
    let wrappedTokenizer: any FTS5Tokenizer
    private let stemmer: Stemmer

    init(db: Database, arguments: [String]) throws {
        wrappedTokenizer = try db.makeTokenizer(.unicode61(diacritics: .remove))
        stemmer = try Stemmer()
    }

    func accept(token: String, flags: FTS5TokenFlags, for tokenization: FTS5Tokenization,
                tokenCallback: FTS5WrapperTokenCallback) throws {
        let word = token.replacingOccurrences(of: "ё", with: "е")
        if tokenization.contains(.prefix) { return try tokenCallback(word, flags) }
        let stem = stemmer.stem(word)
        try tokenCallback(stem, flags)
        if !tokenization.contains(.query), word != stem {
            try tokenCallback(word, flags.union(.colocated))
        }
    }
}
