import Foundation
import GRDB

/// The fields of client cards and of the people on them: the built-in ones declared in
/// ``Client/builtInFields`` and ``ClientContact/builtInFields``, then those administrators added.
public struct ClientSchema: Sendable {
    public let client: [SchemaField<Client>]
    public let contact: [SchemaField<ClientContact>]
    public let customFields: [CustomField]

    public init(custom: [CustomField]) {
        customFields = custom
        client = Client.builtInFields + custom.filter { $0.target == .client }.map(SchemaField.init(custom:))
        contact = ClientContact.builtInFields + custom.filter { $0.target == .contact }.map(SchemaField.init(custom:))
    }

    public static let builtIn = ClientSchema(custom: [])

    static func load(_ db: Database) throws -> ClientSchema {
        ClientSchema(custom: try CustomField.order(Column("target"), Column("position"), Column("id")).fetchAll(db))
    }

    public func clientField(_ key: String) -> SchemaField<Client>? { client.first { $0.key == key } }
    public func contactField(_ key: String) -> SchemaField<ClientContact>? { contact.first { $0.key == key } }

    /// Every spreadsheet column: the card's fields, then its person's.
    public var columns: [ClientColumn] {
        client.map { ClientColumn(key: $0.key, ofContact: false) } + contact.map { ClientColumn(key: $0.key, ofContact: true) }
    }

    public func header(of column: ClientColumn) -> String {
        (column.ofContact ? contactField(column.key)?.header : clientField(column.key)?.header) ?? column.rawValue
    }

    public func label(of column: ClientColumn) -> FieldLabel? {
        column.ofContact ? contactField(column.key).map { FieldLabel(ru: "Контакт: " + $0.label.ru, en: "Contact: " + $0.label.english) }
            : clientField(column.key)?.label
    }

    /// The column a spreadsheet header names, if any: by the header Lore writes, the column's
    /// own name, then the names people use, matched whatever their case.
    public func column(named header: String) -> ClientColumn? {
        let name = header.trimmingCharacters(in: .whitespaces).lowercased()
        let exact = columns.first { $0.rawValue.lowercased() == name || self.header(of: $0).lowercased() == name }
        return exact ?? columns.first { column in
            (column.ofContact ? contactField(column.key)?.aliases : clientField(column.key)?.aliases)?.contains(name) ?? false
        }
    }

    /// A column from the import form's choice.
    public func column(rawValue: String) -> ClientColumn? {
        columns.first { $0.rawValue == rawValue }
    }
}
