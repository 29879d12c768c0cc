import GRDB

/// The search index's tokenizer: SQLite's unicode61 splits and lowercases words and folds
/// Latin diacritics (café → cafe; Cyrillic letters such as й are left alone, as the Russian
/// stemmer needs them), then each word is reduced to its Snowball stem, so that "отпуска",
/// "отпуском" and "отпуск", or "employees" and "employee", are one term; ё is read as е.
/// Queries are stemmed the same way, so both sides meet on stems.
///
/// Documents also keep each word as written, at the same position: a prefix typed as you type
/// ("evacua…") can be longer than the word's stem ("evacu"), so prefixes are looked up among
/// whole words, unstemmed.
///
/// Documents also hold every pair of neighbouring stems as one more token, colocated with the
/// second word: a phrase query then reads the short list of its pairs instead of checking the
/// positions of two common words in every page that has both (see ``FTS5Syntax/term(_:)``).
/// A query string that starts with ``pairMarker`` asks for a phrase as its pairs.
///
/// Documents also hold each word's family key (``WordFamily``), and each hyphenated or dotted
/// compound joined into one word as well as its parts ("check-in" → check, in, checkin;
/// "Node.js" → nodejs), colocated with its last part. A query string that starts with
/// ``WordFamily/marker`` holds a family key, sent as it is.
///
/// Indexing works on the UTF-8 bytes SQLite hands over, without making Swift strings. SQLite creates one instance per table per
/// connection, and a connection is used by one thread at a time, as libstemmer's handles need.
final class StemmingTokenizer: FTS5CustomTokenizer {
    static let name = "lore"
    private let wrapped: any FTS5Tokenizer
    private let stemmer: Stemmer
    /// Holds a word whose ё became е.
    private var folded: [UInt8] = []
    /// The stem before the current one in this text, for word pairs.
    private var previousStem: [UInt8] = []
    private var pair: [UInt8] = []
    /// This query string asks for word pairs; `pairsSent` counts them.
    private var pairQuery = false
    private var pairsSent = 0
    /// This query string holds a family key.
    private var familyQuery = false
    /// The previous word as written (its compound so far, when glued), and where it ended.
    private var previousWord: [UInt8] = []
    private var previousEnd: CInt = -1
    private var joined: [UInt8] = []
    private var family: [UInt8] = []
    /// The text being tokenized, to see what separates two words.
    private var source: UnsafeRawBufferPointer = UnsafeRawBufferPointer(start: nil, count: 0)

    /// What splits a text into words, one per position in the index.
    static let words = FTS5TokenizerDescriptor.unicode61(diacritics: .remove)

    /// Starts a query string that stands for a phrase as its word pairs.
    static let pairMarker: UInt8 = 0x01

    private struct Pass {
        let tokenizer: StemmingTokenizer
        let context: UnsafeMutableRawPointer?
        let tokenization: FTS5Tokenization
        let callback: FTS5TokenCallback
    }

    init(db: Database, arguments: [String]) throws {
        wrapped = try db.makeTokenizer(Self.words)
        stemmer = try Stemmer()
    }

    func tokenize(context: UnsafeMutableRawPointer?, tokenization: FTS5Tokenization, pText: UnsafePointer<CChar>?,
                  nText: CInt, tokenCallback: @escaping FTS5TokenCallback) -> CInt {
        // Snippets and highlights take the matches' positions from the index and tokenize only to
        // find where each position is in the text: unicode61's words, one per position, are
        // enough, and the stems and pairs (which share their word's position) would be wasted work.
        if tokenization.contains(.aux) {
            return wrapped.tokenize(context: context, tokenization: tokenization, pText: pText, nText: nText, tokenCallback: tokenCallback)
        }
        var pass = Pass(tokenizer: self, context: context, tokenization: tokenization, callback: tokenCallback)
        previousStem.removeAll(keepingCapacity: true)
        previousWord.removeAll(keepingCapacity: true)
        previousEnd = -1
        pairsSent = 0
        var text = pText
        var length = nText
        let first = tokenization.contains(.query) && length > 0 ? UInt8(bitPattern: pText?.pointee ?? 0) : 0
        pairQuery = first == Self.pairMarker
        familyQuery = first == WordFamily.marker
        if pairQuery || familyQuery {
            text = pText.map { $0 + 1 }
            length -= 1
        }
        source = UnsafeRawBufferPointer(start: text, count: Int(max(length, 0)))
        let result = withUnsafeMutablePointer(to: &pass) { passPointer in
            wrapped.tokenize(context: passPointer, tokenization: tokenization, pText: text, nText: length) { raw, flags, token, length, start, end in
                guard let raw, let token, length > 0 else { return 0 }
                let pass = raw.assumingMemoryBound(to: Pass.self).pointee
                let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(token).assumingMemoryBound(to: UInt8.self), count: Int(length))
                return pass.tokenizer.accept(bytes, flags: flags, start: start, end: end, pass)
            }
        }
        // A "phrase" of one word has no pair: it is searched as the word.
        if result == 0, pairQuery, pairsSent == 0, !previousStem.isEmpty {
            let stem = previousStem
            return stem.withUnsafeBufferPointer { Self.send($0, 0, 0, 0, pass) }
        }
        return result
    }

    private func accept(_ token: UnsafeBufferPointer<UInt8>, flags: CInt, start: CInt, end: CInt, _ pass: Pass) -> CInt {
        var cyrillic = false
        var hasYo = false
        for index in token.indices where token[index] == 0xD0 || token[index] == 0xD1 {
            cyrillic = true
            if token[index] == 0xD1, index + 1 < token.count, token[index + 1] == 0x91 { hasYo = true }
        }
        if hasYo {
            folded = Self.foldingYo(token)
            return folded.withUnsafeBufferPointer { word in emit(word, cyrillic: cyrillic, flags: flags, start: start, end: end, pass) }
        }
        return emit(token, cyrillic: cyrillic, flags: flags, start: start, end: end, pass)
    }

    private func emit(_ word: UnsafeBufferPointer<UInt8>, cyrillic: Bool, flags: CInt, start: CInt, end: CInt, _ pass: Pass) -> CInt {
        if pass.tokenization.contains(.prefix) { return Self.send(word, flags, start, end, pass) }
        if familyQuery { return sendMarked(WordFamily.marker, word, flags, start, end, pass) }
        let stem = stemmer.stem(word, russian: cyrillic) ?? word
        if pairQuery { return sendPair(endingWith: stem, flags, start, end, pass) }
        guard !pass.tokenization.contains(.query) else { return Self.send(stem, flags, start, end, pass) }
        let familyLength = WordFamily.keyLength(ofStem: stem, cyrillic: cyrillic)
        if let familyLength {
            family.removeAll(keepingCapacity: true)
            family.append(WordFamily.marker)
            family.append(contentsOf: stem.prefix(familyLength))
        }
        var result = Self.send(stem, flags, start, end, pass)
        if result == 0, !stem.elementsEqual(word) { result = Self.send(word, flags | Self.colocated, start, end, pass) }
        if result == 0 { result = sendPair(endingWith: stem, flags | Self.colocated, start, end, pass) }
        if result == 0, familyLength != nil { result = family.withUnsafeBufferPointer { Self.send($0, flags | Self.colocated, start, end, pass) } }
        if result == 0 { result = sendCompound(word, cyrillic: cyrillic, flags: flags, start: start, end: end, pass) }
        return result
    }

    /// Joins this word to the previous one when a single hyphen or dot glued them ("check-in",
    /// "Node.js") and sends the compound as a word of its own, stemmed and as written.
    private func sendCompound(_ word: UnsafeBufferPointer<UInt8>, cyrillic: Bool, flags: CInt, start: CInt, end: CInt,
                              _ pass: Pass) -> CInt {
        defer { previousEnd = end }
        let between: UInt8? = previousEnd >= 0 && start == previousEnd + 1 && Int(previousEnd) < source.count ? source[Int(previousEnd)] : nil
        guard between == Self.hyphen || between == Self.dot, !previousWord.isEmpty, previousWord.count + word.count <= Self.maxCompound else {
            previousWord = Array(word)
            return 0
        }
        joined.removeAll(keepingCapacity: true)
        joined.append(contentsOf: previousWord)
        joined.append(contentsOf: word)
        previousWord = joined
        let written = joined
        return written.withUnsafeBufferPointer { compound in
            let stem = stemmer.stem(compound, russian: cyrillic) ?? compound
            var result = Self.send(stem, flags | Self.colocated, start, end, pass)
            if result == 0, !stem.elementsEqual(compound) { result = Self.send(compound, flags | Self.colocated, start, end, pass) }
            return result
        }
    }

    private static let hyphen = UInt8(ascii: "-")
    private static let dot = UInt8(ascii: ".")

    /// Longer runs of glued parts (a file path, a version string) are not joined further.
    private static let maxCompound = 48

    private func sendMarked(_ marker: UInt8, _ word: UnsafeBufferPointer<UInt8>, _ flags: CInt, _ start: CInt, _ end: CInt,
                            _ pass: Pass) -> CInt {
        family.removeAll(keepingCapacity: true)
        family.append(marker)
        family.append(contentsOf: word)
        return family.withUnsafeBufferPointer { Self.send($0, flags, start, end, pass) }
    }

    /// Sends the pair of the previous stem and this one (if there was a previous one), and
    /// remembers this one. `stem` may point into the stemmer's buffer, so it is copied first.
    private func sendPair(endingWith stem: UnsafeBufferPointer<UInt8>, _ flags: CInt, _ start: CInt, _ end: CInt, _ pass: Pass) -> CInt {
        let current = Array(stem)
        defer { previousStem = current }
        guard !previousStem.isEmpty else { return 0 }
        pair.removeAll(keepingCapacity: true)
        pair.append(Self.pairMarker)
        pair.append(contentsOf: previousStem)
        pair.append(0x20)
        pair.append(contentsOf: current)
        pairsSent += 1
        return pair.withUnsafeBufferPointer { Self.send($0, flags, start, end, pass) }
    }

    private static let colocated = FTS5TokenFlags.colocated.rawValue

    private static func send(_ bytes: UnsafeBufferPointer<UInt8>, _ flags: CInt, _ start: CInt, _ end: CInt, _ pass: Pass) -> CInt {
        guard let base = bytes.baseAddress else { return 0 }
        return base.withMemoryRebound(to: CChar.self, capacity: bytes.count) { token in
            pass.callback(pass.context, flags, token, CInt(bytes.count), start, end)
        }
    }

    /// ё (UTF-8 D1 91) becomes е (D0 B5); the word keeps its length.
    private static func foldingYo(_ token: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var bytes = Array(token)
        var index = 0
        while index + 1 < bytes.count {
            if bytes[index] == 0xD1, bytes[index + 1] == 0x91 {
                bytes[index] = 0xD0
                bytes[index + 1] = 0xB5
            }
            index += 1
        }
        return bytes
    }
}
