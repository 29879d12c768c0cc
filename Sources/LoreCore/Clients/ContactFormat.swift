import Foundation

/// Plausibility checks for contact fields typed by people, not RFC
/// validators: they should catch typos and pasted junk while accepting every
/// way Russian offices really write phones, mails and sites.
public enum ContactFormat: Sendable {
    public static func isValidEmail(_ input: String) -> Bool {
        let scalars = Array(normalized(input).unicodeScalars)
        guard scalars.count <= 254,
              let at = scalars.firstIndex(of: "@"),
              scalars.lastIndex(of: "@") == at
        else { return false }
        let local = scalars[..<at]
        let domain = scalars[(at + 1)...]
        return isValidLocalPart(local) && isValidDomain(domain)
    }

    /// 7–15 digits (7 for old local numbers, 15 is the E.164 maximum), with an
    /// optional extension: "доб. 123", "доп. 12", "ext. 123", "x123".
    public static func isValidPhone(_ input: String) -> Bool {
        let scalars = Array(input.trimmingCharacters(in: .whitespacesAndNewlines).lowercased().unicodeScalars)
        let main = scalars[..<extensionStart(scalars)]
        var digits = 0
        var openParen = false
        var usedParens = false
        for (offset, scalar) in main.enumerated() {
            switch scalar {
            case "0"..."9":
                digits += 1
            case "+":
                if offset != 0 { return false }
            case "(":
                if openParen || usedParens { return false }
                openParen = true
            case ")":
                if !openParen { return false }
                openParen = false
                usedParens = true
            // Word and browsers turn hyphens and spaces into these on paste.
            case " ", "-", ".", "\u{00A0}", "\u{2011}", "\u{2013}":
                continue
            default:
                return false
            }
        }
        return !openParen && (7...15).contains(digits)
    }

    /// An http(s) URL or a bare domain such as "example.ru" or
    /// "www.компания.рф/contacts". Other schemes (javascript:, ftp:) and
    /// user-info ("bank.ru@evil.com") are rejected so the value is safe to
    /// show as a link via `websiteLink`. IP addresses are not accepted:
    /// a client's site is a domain.
    public static func isValidWebsite(_ input: String) -> Bool {
        websiteLink(input) != nil
    }

    /// The href for a valid website: bare domains get "https://" because a
    /// link without a scheme would resolve relative to our own app.
    public static func websiteLink(_ input: String) -> String? {
        let text = normalized(input)
        let lower = text.lowercased()
        var rest = Substring(text)
        var link = text
        if lower.hasPrefix("https://") {
            rest = rest.dropFirst(8)
        } else if lower.hasPrefix("http://") {
            rest = rest.dropFirst(7)
        } else if lower.contains("://") {
            return nil
        } else {
            link = "https://" + text
        }
        let scalars = Array(rest.unicodeScalars)
        let authorityEnd = scalars.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? scalars.count
        let authority = scalars[..<authorityEnd]
        let path = scalars[authorityEnd...]
        var host = authority
        if let colon = authority.firstIndex(of: ":") {
            host = authority[..<colon]
            let port = authority[(colon + 1)...]
            guard (1...5).contains(port.count),
                  port.allSatisfy({ ("0"..."9").contains($0) }),
                  let number = Int(String(String.UnicodeScalarView(port))),
                  number <= 65_535
            else { return nil }
        }
        let forbidden: Set<Unicode.Scalar> = ["\"", "<", ">", "\\", "`", "{", "}", "|", "^"]
        guard isValidDomain(host),
              !path.contains(where: { forbidden.contains($0) || isBlankOrControl($0) })
        else { return nil }
        return link
    }

    /// Splits a multi-value cell: "+7 495 123-45-67, +7 912 000-00-00".
    /// An item that is only an extension ("доб. 123" after a comma) is glued
    /// back to a phone before it, because that is how people write it.
    public static func list(_ text: String) -> [String] {
        let separators: Set<Unicode.Scalar> = [",", ";", "\n", "\r"]
        var items: [String] = []
        var current = String.UnicodeScalarView()
        func flush() {
            let item = String(current).trimmingCharacters(in: .whitespacesAndNewlines)
            current = String.UnicodeScalarView()
            guard !item.isEmpty else { return }
            let lowered = Array(item.lowercased().unicodeScalars)
            if let previous = items.last, extensionStart(lowered) == 0, isValidPhone(previous) {
                items[items.count - 1] = previous + " " + item
            } else {
                items.append(item)
            }
        }
        for scalar in text.unicodeScalars {
            if separators.contains(scalar) { flush() } else { current.append(scalar) }
        }
        flush()
        return items
    }

    // MARK: - Helpers

    /// NFC first: text pasted from macOS may spell "й" as "и" plus a
    /// combining breve, which would fail the letter checks below.
    private static func normalized(_ input: String) -> String {
        input.trimmingCharacters(in: .whitespacesAndNewlines).precomposedStringWithCanonicalMapping
    }

    private static let extensionMarkers: [[Unicode.Scalar]] =
        ["доб", "доп", "ext", "x"].map { Array($0.unicodeScalars) }

    /// Index where a trailing extension (marker, optional ".", blanks, 1–6
    /// digits) begins in lowercased scalars, or `scalars.count` if none.
    private static func extensionStart(_ scalars: [Unicode.Scalar]) -> Int {
        var index = scalars.count
        while index > 0, ("0"..."9").contains(scalars[index - 1]) { index -= 1 }
        guard (1...6).contains(scalars.count - index) else { return scalars.count }
        while index > 0, scalars[index - 1] == " " || scalars[index - 1] == "\u{00A0}" { index -= 1 }
        if index > 0, scalars[index - 1] == "." { index -= 1 }
        for marker in extensionMarkers where index >= marker.count {
            if Array(scalars[(index - marker.count)..<index]) == marker {
                return index - marker.count
            }
        }
        return scalars.count
    }

    private static func isValidLocalPart(_ local: ArraySlice<Unicode.Scalar>) -> Bool {
        let specials: Set<Unicode.Scalar> = Set("!#$%&'*+/=?^_`{|}~-.".unicodeScalars)
        guard (1...64).contains(local.count),
              local.first != ".", local.last != ".",
              !zip(local, local.dropFirst()).contains(where: { $0 == "." && $1 == "." })
        else { return false }
        return local.allSatisfy { isLetterOrDigit($0) || specials.contains($0) }
    }

    /// Letters of any script, so Cyrillic domains like почта.рф pass
    /// without converting them to punycode.
    private static func isValidDomain(_ domain: ArraySlice<Unicode.Scalar>) -> Bool {
        guard (1...253).contains(domain.count) else { return false }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2 else { return false }
        for label in labels {
            guard (1...63).contains(label.count),
                  label.first != "-", label.last != "-",
                  label.allSatisfy({ isLetterOrDigit($0) || $0 == "-" })
            else { return false }
        }
        // A top-level domain always has a letter; this rejects "1.5" and IPs.
        guard let tld = labels.last, tld.count >= 2 else { return false }
        return tld.contains { $0.properties.isAlphabetic }
    }

    private static func isLetterOrDigit(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            return ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
        }
        return scalar.properties.isAlphabetic
    }

    private static func isBlankOrControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || scalar.properties.generalCategory == .control
    }
}
