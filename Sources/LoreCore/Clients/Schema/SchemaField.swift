import Foundation

/// One field of a client card or of a person on it, declared once: the forms, the card, checks,
/// spreadsheet import and export, the JSON API and the field-by-field history all read it
/// from here. `Record` is ``Client`` or ``ClientContact``.
public struct SchemaField<Record: SchemaRecord>: Sendable {
    /// The form's input name, the JSON property, the history's field name.
    public let key: String
    public let label: FieldLabel
    public let kind: FieldKind
    public let section: FieldSection
    public let hint: FieldLabel?
    /// The spreadsheet header written on export, which import reads back.
    public let header: String
    /// Other headers people use for the column, lowercased.
    public let aliases: [String]
    /// Values as spreadsheets write them ("постоянный"), lowercased, to the stored value.
    public let importValues: [String: String]
    /// Shown in the card's heading rather than among its details.
    public let inHeading: Bool
    public let defaultValue: String
    /// Set for fields an administrator added: the key inside the record's `custom` values.
    public let customKey: String?
    let read: @Sendable (Record) -> String
    let write: @Sendable (inout Record, String) -> Void

    init(_ key: String, _ label: FieldLabel, _ kind: FieldKind, _ section: FieldSection, header: String, aliases: [String] = [],
         hint: FieldLabel? = nil, importValues: [String: String] = [:], inHeading: Bool = false, defaultValue: String = "",
         customKey: String? = nil, read: @escaping @Sendable (Record) -> String, write: @escaping @Sendable (inout Record, String) -> Void) {
        self.key = key
        self.label = label
        self.kind = kind
        self.section = section
        self.header = header
        self.aliases = aliases
        self.hint = hint
        self.importValues = importValues
        self.inHeading = inHeading
        self.defaultValue = defaultValue
        self.customKey = customKey
        self.read = read
        self.write = write
    }

    /// A plain text column of the record.
    init(_ key: String, _ label: FieldLabel, _ kind: FieldKind, _ section: FieldSection, _ path: WritableKeyPath<Record, String> & Sendable,
         header: String, aliases: [String] = [], hint: FieldLabel? = nil, importValues: [String: String] = [:], inHeading: Bool = false) {
        self.init(key, label, kind, section, header: header, aliases: aliases, hint: hint, importValues: importValues, inHeading: inHeading,
                  read: { $0[keyPath: path] }, write: { $0[keyPath: path] = $1 })
    }

    /// A field an administrator added, kept in the record's `custom` values.
    init(custom definition: CustomField) {
        let slug = definition.key
        self.init("custom." + slug, FieldLabel(ru: definition.labelRu, en: definition.labelEn), definition.kind.fieldKind(definition.choices),
                  .custom, header: definition.labelEn.isEmpty ? definition.labelRu : definition.labelEn,
                  aliases: [definition.labelRu.lowercased(), definition.labelEn.lowercased(), slug].filter { !$0.isEmpty },
                  customKey: slug, read: { $0.custom[slug] ?? "" },
                  write: { record, value in record.custom[slug] = value.isEmpty ? nil : value })
    }

    public var isCustom: Bool { customKey != nil }

    /// The field's text on `record`, as a form shows it.
    public func value(of record: Record) -> String { read(record) }
}

/// A record whose fields a ``ClientSchema`` describes.
public protocol SchemaRecord: Sendable {
    static var builtInFields: [SchemaField<Self>] { get }
    /// Values of the fields administrators added, by their key.
    var custom: [String: String] { get set }
}
