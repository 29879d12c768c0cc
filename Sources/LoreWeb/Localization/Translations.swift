import LoreCore
import Mustache

/// One language's interface texts. Templates read them as `{{t.key}}`; Swift code through
/// the helpers below. A key missing from a table shows as itself, so it is easy to spot.
struct Translations: Sendable, MustacheParent {
    let language: Language
    let texts: [String: String]

    subscript(_ key: String) -> String {
        texts[key] ?? key
    }

    func child(named name: String) -> Any? {
        self[name]
    }

    /// Replaces `{name}` placeholders in the text for `key`, in one pass: a value that itself
    /// holds `{other}` (a title someone typed) stays as typed. Unknown placeholders stay too.
    func format(_ key: String, _ values: [String: String]) -> String {
        let text = self[key]
        guard !values.isEmpty, text.utf8.contains(UInt8(ascii: "{")) else { return text }
        var out = ""
        var rest = text[...]
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            let name = rest[rest.index(after: open)...]
            if let close = name.firstIndex(of: "}"), let value = values[String(name[..<close])] {
                out += value
                rest = name[name.index(after: close)...]
            } else {
                out += "{"
                rest = name
            }
        }
        return out + rest
    }

    func articleCount(_ count: Int) -> String {
        plural("article_count", count)
    }

    /// The text for `count` things in the language's plural form (`key_one`, `key_few`,
    /// `key_many`, `key_other` …, as ICU names them) with `{n}` filled in.
    func plural(_ key: String, _ count: Int) -> String {
        format("\(key)_\(pluralRules.category(of: count))", ["n": String(count)])
    }

    var pluralRules: PluralRules {
        switch language {
        case .en: .english
        case .ru: .russian
        }
    }

    func message(for problem: ValidationError.Problem) -> String {
        switch problem {
        case .required: self["error_required"]
        case .tooLong(let maxBytes): format("error_too_long", ["size": Self.byteSize(maxBytes)])
        case .invalidText: self["error_invalid_text"]
        case .duplicate: self["error_duplicate"]
        case .invalidSlug: self["error_invalid_slug"]
        case .notFound: self["error_choice_missing"]
        case .wouldCreateLoop: self["error_category_loop"]
        case .tooShort(let minimum): format("error_too_short", ["n": String(minimum)])
        case .tooCommon: self["error_too_common"]
        case .unresolvedConflict: self["error_unresolved_conflict"]
        case .invalidEmail: self["error_invalid_email"]
        case .invalidPhone: self["error_invalid_phone"]
        case .invalidWebsite: self["error_invalid_website"]
        case .invalidRequisite: self["error_invalid_requisite"]
        case .invalidDate: self["error_invalid_date"]
        case .invalidNumber: self["error_invalid_number"]
        }
    }

    /// A role as the reader calls it: a built-in role under its own name is named in the
    /// reader's language; a name an administrator chose stays as written.
    func name(of role: Role) -> String {
        guard let kind = role.kind, role.name == kind.defaultName else { return role.name }
        return self["role_kind_\(kind.rawValue)"]
    }

    /// A schema field's name in the reader's language.
    func label(_ label: FieldLabel) -> String {
        language == .ru ? label.ru : label.english
    }

    /// Picks `key_one`, `key_few` or `key_many` by the language's plural rules.
    private static func byteSize(_ bytes: Int) -> String {
        if bytes >= 1 << 20, bytes % (1 << 20) == 0 { return "\(bytes >> 20) MiB" }
        if bytes >= 1 << 10, bytes % (1 << 10) == 0 { return "\(bytes >> 10) KiB" }
        return "\(bytes) B"
    }
}
