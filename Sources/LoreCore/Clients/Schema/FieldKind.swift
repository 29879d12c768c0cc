import Foundation
import GRDB

/// What a field holds, which decides how it is checked, typed in and shown.
public enum FieldKind: Sendable, Equatable {
    /// The card's name: required, and it must give the card an address.
    case title
    case line
    /// Several lines of plain text.
    case text(rows: Int)
    /// Markdown, rendered at save time.
    case markdown
    /// One of `values`; `labels` is the translation-key prefix of built-in choices (a custom
    /// field's values are their own labels).
    case choice(_ values: [String], labels: String?, optional: Bool)
    case phones
    case emails
    case email
    case website
    case requisite(RussianRequisites.Kind)
    /// Comma-separated, kept without repeats.
    case tags
    /// A colleague's user id.
    case user
    /// A day and month, the year optional.
    case birthday
    case number
    case date
    case yesNo

    static let shortText = 300
    static let longText = 4_000
    static let markdownLimit = 100_000

    /// The text as stored, or a problem in `v`. `current` is the stored value, which a user
    /// field keeps even when that person has left.
    func checked(_ key: String, _ text: String, current: String?, _ v: inout Validator, _ db: Database) throws -> String {
        switch self {
        case .title:
            let value = v.text(key, text, maxBytes: Self.shortText)
            if Slug.make(from: value).isEmpty, !value.isEmpty { v.add(key, .invalidText) }
            return value
        case .line:
            return v.text(key, text, required: false, maxBytes: Self.shortText)
        case .text:
            return v.text(key, text, required: false, maxBytes: Self.longText)
        case .markdown:
            return v.text(key, text, required: false, maxBytes: Self.markdownLimit)
        case .choice(let values, _, let optional):
            let value = text.trimmingCharacters(in: .whitespaces)
            if value.isEmpty, optional { return "" }
            if !values.contains(value) { v.add(key, .notFound) }
            return value
        case .phones:
            return v.list(key, text, valid: ContactFormat.isValidPhone, problem: .invalidPhone)
        case .emails:
            return v.list(key, text, valid: ContactFormat.isValidEmail, problem: .invalidEmail)
        case .email:
            let value = v.text(key, text, required: false, maxBytes: Self.shortText)
            if !value.isEmpty, !ContactFormat.isValidEmail(value) { v.add(key, .invalidEmail) }
            return value
        case .website:
            let value = v.text(key, text, required: false, maxBytes: Self.shortText)
            if !value.isEmpty, !ContactFormat.isValidWebsite(value) { v.add(key, .invalidWebsite) }
            return value
        case .requisite(let kind):
            return v.requisite(key, text, kind.isValid)
        case .tags:
            return v.tags(key, text).joined(separator: ", ")
        case .user:
            let value = text.trimmingCharacters(in: .whitespaces)
            // A manager who has left stays on the card until someone picks another.
            if let current, !current.isEmpty, value == current { return current }
            return try v.user(key, value, db).map(String.init) ?? ""
        case .birthday:
            let value = v.text(key, text, required: false, maxBytes: 32)
            if value.isEmpty { return "" }
            guard let day = DateInput.parseBirthday(value) else {
                v.add(key, .invalidDate)
                return value
            }
            return day.iso
        case .number:
            let value = v.text(key, text, required: false, maxBytes: 64)
            if value.isEmpty { return "" }
            guard let number = Self.number(value) else {
                v.add(key, .invalidNumber)
                return value
            }
            return number
        case .date:
            return v.day(key, text) ?? (text.trimmingCharacters(in: .whitespaces).isEmpty ? "" : text)
        case .yesNo:
            let value = text.trimmingCharacters(in: .whitespaces).lowercased()
            if value.isEmpty { return "" }
            if Self.yes.contains(value) { return "yes" }
            if Self.no.contains(value) { return "no" }
            v.add(key, .notFound)
            return value
        }
    }

    private static let yes: Set = ["yes", "on", "true", "1", "да", "y", "д"]
    private static let no: Set = ["no", "off", "false", "0", "нет", "n", "н"]

    /// A number as people type it ("1 250,5", "1250.50"), written back plainly ("1250.5");
    /// nil when it is not one.
    static func number(_ text: String) -> String? {
        let plain = text.filter { !$0.isWhitespace && $0 != "\u{00A0}" && $0 != "\u{202F}" }.replacingOccurrences(of: ",", with: ".")
        guard plain.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-") }), let value = Decimal(string: plain),
              plain.filter({ $0 == "." }).count <= 1, !plain.dropFirst().contains("-") else { return nil }
        return "\(value)"
    }

    /// The kind's name in the API's list of fields.
    public var name: String {
        switch self {
        case .title, .line: "text"
        case .text: "multiline"
        case .markdown: "markdown"
        case .choice: "choice"
        case .phones: "phones"
        case .emails: "emails"
        case .email: "email"
        case .website: "url"
        case .requisite(let kind): kind.rawValue
        case .tags: "tags"
        case .user: "user"
        case .birthday: "birthday"
        case .number: "number"
        case .date: "date"
        case .yesNo: "yesNo"
        }
    }

    /// The values a choice allows; nil for other kinds.
    public var choices: [String]? {
        if case .choice(let values, _, _) = self { values } else { nil }
    }

    /// Whether the list filter matches a value exactly (rather than as a part of the text).
    public var filtersExactly: Bool {
        switch self {
        case .choice, .yesNo, .number, .date: true
        default: false
        }
    }
}
