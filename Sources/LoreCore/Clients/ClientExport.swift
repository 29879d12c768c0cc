import Foundation
import GRDB

/// The client list as a spreadsheet for Excel: UTF-8 with a byte order mark (so Cyrillic opens
/// intact), one row per card with its first contact (or one row per contact), and an audit
/// entry saying who exported what, in the same transaction.
public struct ClientExport: Sendable {
    let database: AppDatabase

    public init(database: AppDatabase) {
        self.database = database
    }

    public enum Format: Sendable, Equatable {
        /// `delimiter` follows the reader's Excel: `;` where the decimal separator is a comma (Russian), `,` elsewhere.
        case csv(delimiter: Character)
        case xlsx
    }

    /// `everyContact`: a row per person, the card's fields repeated (a card without people still has its row).
    public func export(_ filter: ClientFilter, format: Format, everyContact: Bool = false, for principal: Principal) async throws
        -> (data: Data, count: Int) {
        let policy = AccessPolicy(principal)
        try policy.requireClients(.clientsExport)
        let filter = try await ClientQueries(database: database).resolved(filter, for: principal)
        return try await database.writer.write { db in
            let schema = try ClientSchema.load(db)
            let items = try ClientQueries(database: database).all(filter, policy: policy, db)
            let contacts = try Self.contacts(of: items.compactMap(\.client.id), db)
            let rows = items.flatMap { item in
                let people = item.client.id.flatMap { contacts[$0] } ?? []
                return (everyContact ? people : Array(people.prefix(1))).map { Self.row(item, contact: $0, schema) }.nonEmpty
                    ?? [Self.row(item, contact: nil, schema)]
            }
            try AuditLog.record(.clientsExported, by: principal,
                                subject: "\(filter.summary)\(everyContact ? ", every contact" : "")\(format == .xlsx ? ", xlsx" : ""); \(rows.count) rows", db)
            let header = schema.columns.map(schema.header(of:))
            switch format {
            case .csv(let delimiter): return (CSVWriter.excelData(header: header, rows: rows, delimiter: delimiter), rows.count)
            case .xlsx: return (try XLSXWriter.data(sheet: "Clients", header: header, rows: rows), rows.count)
            }
        }
    }

    /// The card's fields, the manager by name, then the person's fields (empty without one).
    private static func row(_ item: ClientListItem, contact: ClientContact?, _ schema: ClientSchema) -> [String] {
        schema.client.map { $0.kind == .user ? item.managerName ?? "" : $0.value(of: item.client) }
            + schema.contact.map { field in contact.map(field.value(of:)) ?? "" }
    }

    /// Each card's people, in the order they were added.
    private static func contacts(of clientIds: [Int64], _ db: Database) throws -> [Int64: [ClientContact]] {
        Dictionary(grouping: try ClientContact.filter(clientIds.contains(Column("clientId"))).order(Column("id")).fetchAll(db), by: \.clientId)
    }
}

private extension Array {
    /// Nil for an empty array, so `?? fallback` reads naturally.
    var nonEmpty: Self? { isEmpty ? nil : self }
}
