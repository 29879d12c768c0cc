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
        let folded = word.replacingOccurrences(of: "ё", with: "е")
        let handle = folded.unicodeScalars.contains(where: Self.isCyrillic) ? russian : english
        let bytes = Array(folded.utf8)
        guard let stemmed = sb_stemmer_stem(handle, bytes, Int32(bytes.count)) else { return folded }
        let length = Int(sb_stemmer_length(handle))
        return String(decoding: UnsafeBufferPointer(start: stemmed, count: length), as: UTF8.self)
    }

    private static func isCyrillic(_ scalar: Unicode.Scalar) -> Bool {
        (0x0400...0x04FF).contains(scalar.value)
    }
}

public struct StemmerUnavailable: Error, Sendable {
    public let language: String
}
