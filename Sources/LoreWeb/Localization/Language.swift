import Foundation

/// The languages the interface ships in.
enum Language: String, CaseIterable, Sendable {
    case en
    case ru

    /// The language's own name, for the switch in the header.
    var nativeName: String {
        switch self {
        case .en: "English"
        case .ru: "Русский"
        }
    }

    var translations: Translations {
        switch self {
        case .en: .english
        case .ru: .russian
        }
    }

    /// The first supported language in an Accept-Language header, by quality.
    static func preferred(acceptLanguage header: String?) -> Language? {
        guard let header else { return nil }
        let ranked = header.split(separator: ",").compactMap { part -> (String, Double)? in
            let pieces = part.split(separator: ";")
            guard let tag = pieces.first?.trimmingCharacters(in: .whitespaces).lowercased(), !tag.isEmpty else { return nil }
            let quality = pieces.dropFirst().compactMap { piece -> Double? in
                let trimmed = piece.trimmingCharacters(in: .whitespaces)
                return trimmed.hasPrefix("q=") ? Double(trimmed.dropFirst(2)) : nil
            }.first ?? 1
            return (tag, quality)
        }
        for (tag, _) in ranked.sorted(by: { $0.1 > $1.1 }) {
            let primary = tag.split(separator: "-").first.map(String.init) ?? tag
            if let language = Language(rawValue: primary) { return language }
        }
        return nil
    }
}
