import GRDB

/// The search index's tokenizer: SQLite's unicode61 splits and lowercases words and folds
/// Latin diacritics (café → cafe; Cyrillic letters such as й are left alone, as the Russian
/// stemmer needs them), then each word is reduced to its Snowball stem, so that "отпуска",
/// "отпуском" and "отпуск", or "employees" and "employee", are one term. Used for indexing and
/// for queries alike, so both sides meet on stems.
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
        // A prefix typed as you type ("отпу*") is not a word yet: stemming it would cut it shorter
        // than the stems it should find.
        if tokenization.contains(.prefix) {
            try tokenCallback(token.replacingOccurrences(of: "ё", with: "е"), flags)
        } else {
            try tokenCallback(stemmer.stem(token), flags)
        }
    }
}
