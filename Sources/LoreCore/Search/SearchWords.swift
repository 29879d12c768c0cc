import GRDB
import Synchronization

/// The words the indexed documents are written with, as the index reads them (unicode61's
/// words: lowercase, Latin diacritics folded, ё read as е), each with how many documents have it:
/// where spelling corrections look for the nearest words (``SpellingCorrector``).
///
/// FTS5's own vocabulary (`searchVocabulary`) knows these words too, but it counts a word's pages
/// by reading the word's whole list of pages, so listing the words that start with two letters
/// took 35–55 ms at 100,000 articles, the slowest part of a search for a misspelt word. This
/// table lists them in a fraction of a millisecond. It is kept in step inside the transaction
/// that changes the index, so it never names a word no document has.
enum SearchWords {
    /// Shorter words are never a correction: a typed word has at least four letters, one edit away.
    static let minimumLength = 3

    static func createTable(_ db: Database) throws {
        try db.create(table: "searchWord", options: .withoutRowID) { t in
            t.primaryKey("word", .text)
            t.column("pages", .integer).notNull()
        }
    }

    /// The distinct words of a document's columns that could be a correction: letters only.
    static func words(in texts: [String], _ db: Database) throws -> Set<String> {
        words(in: texts, try makeTokenizer(db))
    }

    /// Reads unicode61's words as bytes: making a Swift string of every word first made counting
    /// them a fifth of a bulk import.
    private static func words(in texts: [String], _ tokenizer: any FTS5Tokenizer) -> Set<String> {
        let collected = Collected()
        let context = Unmanaged.passUnretained(collected).toOpaque()
        for var text in texts {
            text.withUTF8 { utf8 in
                utf8.withMemoryRebound(to: CChar.self) { chars in
                    _ = tokenizer.tokenize(context: context, tokenization: .document, pText: chars.baseAddress, nText: CInt(chars.count),
                                           tokenCallback: collect)
                }
            }
        }
        return withExtendedLifetime(collected) { collected.words }
    }

    private final class Collected {
        var words: Set<String> = []
    }

    /// unicode61's words are lowercase and hold letters and digits: a word with a digit is no
    /// correction, a word's length is its count of characters, and only a word with ё (D1 91)
    /// needs more than its bytes.
    private static let collect: FTS5TokenCallback = { context, _, token, length, _, _ in
        guard let context, let token else { return 0 }
        let bytes = UnsafeRawBufferPointer(start: token, count: Int(length))
        var characters = 0
        var yo = false
        for (index, byte) in bytes.enumerated() {
            if byte >= 0x30 && byte <= 0x39 { return 0 }
            if byte & 0xC0 != 0x80 { characters += 1 }
            if byte == 0x91, index > 0, bytes[index - 1] == 0xD1 { yo = true }
        }
        guard characters >= minimumLength else { return 0 }
        let word = String(decoding: bytes, as: UTF8.self)
        Unmanaged<Collected>.fromOpaque(context).takeUnretainedValue().words.insert(yo ? Lexicon.normalized(word) : word)
        return 0
    }

    /// The words of the indexed document `rowid` (none when it is not indexed).
    static func words(ofDocument rowid: Int64, _ db: Database) throws -> Set<String> {
        guard let row = try Row.fetchOne(db, sql: textsOfDocuments + " WHERE rowid = ?", arguments: [rowid]) else { return [] }
        return words(in: texts(of: row), try makeTokenizer(db))
    }

    private static func texts(of row: Row) -> [String] {
        (0..<row.count).map { row[$0] ?? "" }
    }

    /// Every indexed document's texts, column by column.
    private static let textsOfDocuments = "SELECT title, headings, body, extra FROM searchIndex"

    /// The words as the index's tokenizer (``StemmingTokenizer``) finds them before stemming.
    private static func makeTokenizer(_ db: Database) throws -> any FTS5Tokenizer {
        try db.makeTokenizer(.unicode61(diacritics: .remove))
    }

    /// A document that had the words `old` now has `new`: counted at once, or at the end of
    /// ``summing(_:_:)`` when it runs.
    static func replace(_ old: Set<String>, with new: Set<String>, _ db: Database) throws {
        if let sums = summed.withLock({ $0[ObjectIdentifier(db)] }) { return sums.add(removing: old, adding: new) }
        let sums = SearchWordSums()
        sums.add(removing: old, adding: new)
        try sums.write(db)
    }

    /// Runs `body`, which changes many documents on `db`, summing their word counts in memory and
    /// writing the sums once at its end. Counted page by page, a bulk import wrote an upsert for
    /// every word of every page (2.5 million for 10,000 pages of 2 KB): 65–75 s instead of 62–64 s.
    static func summing<T>(_ db: Database, _ body: () throws -> T) throws -> T {
        let key = ObjectIdentifier(db)
        // Within an outer run, the outer one writes.
        if summed.withLock({ $0[key] }) != nil { return try body() }
        let sums = SearchWordSums()
        summed.withLock { $0[key] = sums }
        defer { summed.withLock { $0[key] = nil } }
        let result = try body()
        try sums.write(db)
        return result
    }

    /// The connections running ``summing(_:_:)``, and their sums.
    private static let summed = Mutex<[ObjectIdentifier: SearchWordSums]>([:])

    /// Counts every indexed document's words anew (the index was made before this table).
    static func recount(_ db: Database) throws {
        try db.execute(sql: "DELETE FROM searchWord")
        let sums = SearchWordSums()
        let tokenizer = try makeTokenizer(db)
        let documents = try Row.fetchCursor(db, sql: textsOfDocuments)
        while let row = try documents.next() { sums.add(removing: [], adding: words(in: texts(of: row), tokenizer)) }
        try sums.write(db)
    }

    /// Indexed words from `start` up to the next that does not begin with it.
    static func starting(with start: String, _ db: Database) throws -> [String] {
        try String.fetchAll(db, sql: "SELECT word FROM searchWord WHERE word >= ? AND word < ?",
                            arguments: [start, start + "\u{10FFFF}"])
    }
}
