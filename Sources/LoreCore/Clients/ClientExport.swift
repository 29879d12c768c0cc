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

    /// `delimiter` follows the reader's Excel: `;` where the decimal separator is a comma (Russian), `,` elsewhere.
    /// `everyContact`: a row per person, the card's fields repeated (a card without people still has its row).
    public func export(_ filter: ClientFilter, delimiter: Character, everyContact: Bool = false, for principal: Principal) async throws
        -> (data: Data, count: Int) {
        let policy = AccessPolicy(principal)
        try policy.requireClients(.clientsExport)
        let filter = try await ClientQueries(database: database).resolved(filter, for: principal)
        return try await database.writer.write { db in
            let items = try ClientQueries(database: database).all(filter, policy: policy, db)
            let contacts = try Self.contacts(of: items.compactMap(\.client.id), db)
            let rows = items.flatMap { item in
                let people = item.client.id.flatMap { contacts[$0] } ?? []
                return (everyContact ? people : Array(people.prefix(1))).map { Self.row(item, contact: $0) }.nonEmpty
                    ?? [Self.row(item, contact: nil)]
            }
            try AuditLog.record(.clientsExported, by: principal,
                                subject: "\(filter.summary)\(everyContact ? ", every contact" : ""); \(rows.count) rows", db)
            return (CSVWriter.excelData(header: ClientColumn.allCases.map(\.header), rows: rows, delimiter: delimiter), rows.count)
        }
    }

    private static func row(_ item: ClientListItem, contact: ClientContact?) -> [String] {
        let client = item.client
        return ClientColumn.allCases.map { column in
            switch column {
            case .name: client.name
            case .kind: client.kind.rawValue
            case .status: client.status.rawValue
            case .segment: client.segment
            case .source: client.source
            case .frequency: client.frequency
            case .manager: item.managerName ?? ""
            case .legalName: client.legalName
            case .inn: client.inn
            case .kpp: client.kpp
            case .ogrn: client.ogrn
            case .legalAddress: client.legalAddress
            case .bankDetails: client.bankDetails
            case .address: client.address
            case .phones: client.phones
            case .emails: client.emails
            case .website: client.website
            case .officeHours: client.officeHours
            case .preferences: client.preferences
            case .tags: client.tags.joined(separator: ", ")
            case .notes: client.notes
            case .contactName: contact?.name ?? ""
            case .contactPosition: contact?.position ?? ""
            case .contactPhone: contact?.phones ?? ""
            case .contactEmail: contact?.email ?? ""
            }
        }
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
