import Foundation
import GRDB

/// A client card or a person on it as someone typed it: each field's text by its schema key
/// (`draft.inn`, `draft["custom.region"]`). ``apply(to:schema:_:)`` checks every field and
/// reports all problems at once, so a form comes back with everything typed kept.
@dynamicMemberLookup
public struct FieldDraft<Record: SchemaRecord>: Sendable, Equatable {
    public var values: [String: String]

    /// The built-in fields' defaults.
    public init() {
        values = Dictionary(uniqueKeysWithValues: Record.builtInFields.filter { !$0.defaultValue.isEmpty }.map { ($0.key, $0.defaultValue) })
    }

    /// The record's stored values, custom ones included.
    public init(_ record: Record) {
        values = Dictionary(uniqueKeysWithValues: Record.builtInFields.map { ($0.key, $0.value(of: record)) })
        for (key, value) in record.custom { values["custom." + key] = value }
    }

    public subscript(key: String) -> String {
        get { values[key] ?? "" }
        set { values[key] = newValue }
    }

    public subscript(dynamicMember key: String) -> String {
        get { self[key] }
        set { self[key] = newValue }
    }

    /// Writes the checked values of `fields` into `record`; throws ``ValidationError`` naming every bad field.
    func apply(to record: inout Record, fields: [SchemaField<Record>], isNew: Bool, _ db: Database) throws {
        var v = Validator()
        for field in fields {
            let current = isNew ? nil : field.value(of: record)
            let value = try field.kind.checked(field.key, self[field.key], current: current, &v, db)
            field.write(&record, value)
        }
        try v.check()
    }
}

public typealias ClientDraft = FieldDraft<Client>
public typealias ContactDraft = FieldDraft<ClientContact>

extension FieldDraft: Decodable {
    /// From JSON (the API, the sample cards): a string for each field, a list for tags, and
    /// administrators' fields inside `custom` (text, a number or true/false). What is left out
    /// stays at its default; other properties are the caller's to read.
    public init(from decoder: any Decoder) throws {
        self.init()
        let container = try decoder.container(keyedBy: AnyKey.self)
        let fields = Dictionary(Record.builtInFields.map { ($0.key, $0) }) { first, _ in first }
        for key in container.allKeys {
            if key.stringValue == "custom" {
                let custom = try container.decodeIfPresent([String: Scalar].self, forKey: key) ?? [:]
                for (name, value) in custom { values["custom." + name] = value.text }
            } else if let field = fields[key.stringValue] {
                // A value of the wrong JSON type is refused, as the API's document promises.
                let text = field.kind == .tags ? try container.decodeIfPresent([String].self, forKey: key)?.joined(separator: ", ")
                    : try container.decodeIfPresent(String.self, forKey: key)
                if let text { values[key.stringValue] = text }
            }
        }
    }

    /// A JSON string, number or yes/no, as text.
    private struct Scalar: Decodable {
        let text: String

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() {
                text = ""
            } else if let bool = try? container.decode(Bool.self) {
                text = bool ? "yes" : "no"
            } else if let number = try? container.decode(Decimal.self) {
                text = "\(number)"
            } else {
                text = try container.decode(String.self)
            }
        }
    }
}

/// A JSON key known only at run time.
public struct AnyKey: CodingKey, Sendable {
    public let stringValue: String
    public var intValue: Int? { nil }

    public init(_ string: String) {
        stringValue = string
    }

    public init?(stringValue: String) {
        self.stringValue = stringValue
    }

    public init?(intValue: Int) {
        nil
    }
}
