/// Words of one family — «согласование», «согласовать», «согласую»; "maintenance", "maintain" —
/// which Snowball gives different stems, share the first characters of their stems. The index
/// holds each word's family key beside its stem, and a query's words also match their family
/// at a lower weight (see ``SearchPlan``).
///
/// The key is the stem's first 6 characters in Russian (whose derivations add suffixes to a
/// longer root), 5 in English; a shorter stem has no family beyond itself.
enum WordFamily {
    /// Starts a family key in the index and in a query string (which then holds the key itself).
    static let marker: UInt8 = 0x02
    static let russianLength = 6
    static let englishLength = 5

    /// How many bytes of the UTF-8 `stem` make its key, or nil when it has none (too short, or a number).
    static func keyLength(ofStem stem: UnsafeBufferPointer<UInt8>, cyrillic: Bool) -> Int? {
        guard let first = stem.first, !(0x30...0x39).contains(first) else { return nil }
        let wanted = cyrillic ? russianLength : englishLength
        var characters = 0
        for (index, byte) in stem.enumerated() where byte & 0xC0 != 0x80 {
            if characters == wanted { return index }
            characters += 1
        }
        return characters == wanted ? stem.count : nil
    }

    /// The key of a word of a query, from its Snowball stem (`stemmer.stem(Lexicon.normalized(word))`,
    /// which the caller has made for other uses too).
    static func key(of word: String, stem: String) -> String? {
        let stem = Array(stem.utf8)
        let cyrillic = word.unicodeScalars.contains { (0x0400...0x04FF).contains($0.value) }
        return stem.withUnsafeBufferPointer { buffer in
            keyLength(ofStem: buffer, cyrillic: cyrillic).map { String(decoding: buffer.prefix($0), as: UTF8.self) }
        }
    }
}
