import Foundation
import GRDB

/// A custom field as an administrator typed it. The key is made from the label when left
/// empty; it, the target and the kind are fixed once the field exists, since spreadsheets,
/// programs and stored values use them.
public struct CustomFieldDraft: Sendable, Equatable {
    public var target = CustomField.Target.client.rawValue
    public var key = ""
    public var labelRu = ""
    public var labelEn = ""
    public var kind = CustomField.Kind.text.rawValue
    /// One value per line.
    public var choices = ""

    public init() {}

    public init(_ field: CustomField) {
        target = field.target.rawValue
        key = field.key
        labelRu = field.labelRu
        labelEn = field.labelEn
        kind = field.kind.rawValue
        choices = field.choices.joined(separator: "\n")
    }

    static let maxChoices = 50
    static let labelLimit = 100

    /// Checks the draft into `field` (new when its id is nil); throws every problem at once.
    func apply(to field: inout CustomField, _ db: Database) throws {
        var v = Validator()
        field.labelRu = v.text("labelRu", labelRu, maxBytes: Self.labelLimit)
        field.labelEn = v.text("labelEn", labelEn, required: false, maxBytes: Self.labelLimit)
        let values = v.text("choices", choices, required: false, maxBytes: Self.maxChoices * Self.labelLimit)
            .split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        var seen = Set<String>()
        field.choices = values.filter { seen.insert($0).inserted }
        if field.id == nil {
            guard let target = CustomField.Target(rawValue: target) else { throw ValidationError(field: "target", .notFound) }
            field.target = target
            if let kind = CustomField.Kind(rawValue: kind) { field.kind = kind } else { v.add("kind", .notFound) }
            let typed = key.trimmingCharacters(in: .whitespaces)
            field.key = typed.isEmpty ? Self.key(from: field.labelEn.isEmpty ? field.labelRu : field.labelEn) : typed
            if !Self.isValidKey(field.key) {
                v.add("key", .invalidSlug)
            } else if try Self.isTaken(field.key, target, db) {
                v.add("key", .duplicate)
            }
        }
        if field.kind == .choice, field.choices.isEmpty { v.add("choices", .required) }
        if field.choices.count > Self.maxChoices || field.choices.contains(where: { $0.utf8.count > Self.labelLimit }) {
            v.add("choices", .tooLong(maxBytes: Self.labelLimit))
        }
        try v.check()
    }

    /// Latin letters, digits and underscores, starting with a letter: safe in JSON, CSV and form names.
    static func isValidKey(_ key: String) -> Bool {
        guard let first = key.unicodeScalars.first, key.count <= 40, ("a"..."z").contains(first) else { return false }
        return key.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }

    static func key(from label: String) -> String {
        String(Slug.make(from: label).replacingOccurrences(of: "-", with: "_").prefix(40))
    }

    private static func isTaken(_ key: String, _ target: CustomField.Target, _ db: Database) throws -> Bool {
        let builtIn = target == .client ? Client.builtInFields.map(\.key) : ClientContact.builtInFields.map(\.key)
        if builtIn.contains(key) || key == "custom" { return true }
        return try CustomField.filter(Column("target") == target.rawValue && Column("key") == key).fetchCount(db) > 0
    }
}
