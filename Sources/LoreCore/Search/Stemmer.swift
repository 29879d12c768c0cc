import CStemmer

/// Reduces a word to its Snowball stem — Russian rules for Cyrillic words, English for the
/// rest — so that "клиентов" and "клиентами", or "employees" and "employee", meet.
///
/// libstemmer keeps working memory in each handle, so an instance must not be shared
/// between threads: the search index gives each tokenizer its own.
public final class Stemmer {
    private let russian: OpaquePointer
    private let english: OpaquePointer

    public init() throws {
        guard let russian = sb_stemmer_new("russian", "UTF_8") else { throw StemmerUnavailable(language: "russian") }
        guard let english = sb_stemmer_new("english", "UTF_8") else {
            sb_stemmer_delete(russian)
            throw StemmerUnavailable(language: "english")
        }
        self.russian = russian
        self.english = english
    }

    deinit {
        sb_stemmer_delete(russian)
        sb_stemmer_delete(english)
    }

    /// The stem of one lowercase word; "ё" is read as "е", as Russian readers do.
    public func stem(_ word: String) -> String {
        let folded = Lexicon.foldingYo(word)
        let russian = folded.unicodeScalars.contains { (0x0400...0x04FF).contains($0.value) }
        return Array(folded.utf8).withUnsafeBufferPointer { buffer in
            stem(buffer, russian: russian).map { String(decoding: $0, as: UTF8.self) } ?? folded
        }
    }

    /// The stem of one lowercase UTF-8 word, valid until the next call; nil if libstemmer failed.
    func stem(_ word: UnsafeBufferPointer<UInt8>, russian: Bool) -> UnsafeBufferPointer<UInt8>? {
        let handle = russian ? self.russian : english
        guard let base = word.baseAddress, let stemmed = sb_stemmer_stem(handle, base, Int32(word.count)) else { return nil }
        return UnsafeBufferPointer(start: stemmed, count: Int(sb_stemmer_length(handle)))
    }
}

public struct StemmerUnavailable: Error, Sendable {
    public let language: String
}
