import Foundation
import GRDB

extension Validator {
    /// One of an enumeration's raw values.
    mutating func choice<Value: RawRepresentable<String>>(_ field: String, _ text: String, _: Value.Type) -> Value? {
        let value = Value(rawValue: text.trimmingCharacters(in: .whitespaces))
        if value == nil { add(field, .notFound) }
        return value
    }

    /// One of an enumeration's raw values, or empty.
    mutating func optionalChoice<Value: RawRepresentable<String>>(_ field: String, _ text: String, _: Value.Type) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty { return "" }
        return choice(field, trimmed, Value.self)?.rawValue ?? trimmed
    }

    /// An active user's id, or nil for none.
    mutating func user(_ field: String, _ text: String, _ db: Database) throws -> Int64? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty { return nil }
        guard let id = Int64(trimmed), try User.filter(key: id).filter(Column("isActive") == true).fetchCount(db) == 1 else {
            add(field, .notFound)
            return nil
        }
        return id
    }

    /// A Russian requisite (tax ID and the like): optional, but checked when given.
    mutating func requisite(_ field: String, _ text: String, _ isValid: (String) -> Bool) -> String {
        let value = self.text(field, text, required: false, maxBytes: 32)
        if !value.isEmpty, !isValid(value) { add(field, .invalidRequisite) }
        return value
    }

    /// A field holding several values (phones, e-mails), each of which must be well formed.
    /// Kept as typed, one per line, so a person's own order and notes survive.
    mutating func list(_ field: String, _ text: String, required: Bool = false, valid: (String) -> Bool,
                       problem: ValidationError.Problem) -> String {
        let value = self.text(field, text, required: required, maxBytes: FieldKind.shortText * 4)
        let items = ContactFormat.list(value)
        if items.contains(where: { !valid($0) }) { add(field, problem) }
        return items.joined(separator: ", ")
    }

    mutating func tags(_ field: String, _ text: String) -> [String] {
        let value = self.text(field, text, required: false, maxBytes: FieldKind.longText)
        var seen = Set<String>()
        return value.split(whereSeparator: { $0 == "," || $0 == ";" || $0.isNewline })
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && seen.insert($0.lowercased()).inserted }
    }

    mutating func day(_ field: String, _ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty { return nil }
        guard let day = DateInput.parseDay(trimmed) else {
            add(field, .invalidDate)
            return nil
        }
        return day.iso
    }
}
