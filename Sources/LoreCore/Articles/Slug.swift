import Foundation

/// URL names for articles, categories and headings: lowercase Latin letters, digits and
/// hyphens, with Cyrillic transliterated so that Russian titles give readable addresses.
public enum Slug {
    public static let maxLength = 80

    public static func make(from text: String) -> String {
        var out = ""
        var pendingHyphen = false
        for character in text.lowercased() {
            let piece = transliterate(character)
            if piece.isEmpty {
                if character != "ъ", character != "ь" { pendingHyphen = !out.isEmpty }
                continue
            }
            if pendingHyphen { out.append("-") }
            pendingHyphen = false
            out.append(piece)
            if out.count >= maxLength { break }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return String(out.prefix(maxLength)).trimmingCharacters(in: CharacterSet(charactersIn: "-"))
    }

    /// The slug of `text`, made unique with a numeric suffix: `name`, `name-2`, `name-3` …
    static func free(from text: String, fallback: String, taken: (String) throws -> Bool) rethrows -> String {
        let base = make(from: text).isEmpty ? fallback : make(from: text)
        var candidate = base
        var suffix = 2
        while try taken(candidate) {
            candidate = "\(base)-\(suffix)"
            suffix += 1
        }
        return candidate
    }

    /// True when a slug typed by a person (or a file name) is already in canonical form.
    public static func isValid(_ slug: String) -> Bool {
        !slug.isEmpty && make(from: slug) == slug
    }

    private static func transliterate(_ character: Character) -> String {
        if let mapped = cyrillic[character] { return mapped }
        let folded = String(character).folding(options: [.diacriticInsensitive, .widthInsensitive], locale: nil)
        return String(folded.unicodeScalars.filter { scalar in
            ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar)
        }.map(Character.init))
    }

    private static let cyrillic: [Character: String] = [
        "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh",
        "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
        "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
        "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
        "я": "ya", "і": "i", "ї": "yi", "є": "ye", "ґ": "g",
    ]
}
