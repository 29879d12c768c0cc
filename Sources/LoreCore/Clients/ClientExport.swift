import Foundation
import GRDB

/// The client list as a spreadsheet for Excel: UTF-8 with a byte order mark (so Cyrillic opens
/// intact), one row per card with its first contact, and an audit entry saying who exported
/// what, in the same transaction.
public struct ClientExport: Sendable {
    let database: AppDatabase

    public init(database: AppDatabase) {
        self.database = database
    }

    /// `delimiter` follows the reader's Excel: `;` where the decimal separator is a comma (Russian), `,` elsewhere.
    public func export(_ filter: ClientFilter, delimiter: Character, for principal: Principal) async throws -> (data: Data, count: Int) {
        let policy = AccessPolicy(principal)
        try policy.requireClients(.clientsExport)
        return try await database.writer.write { db in
            let items = try ClientQueries(database: database).all(filter, policy: policy, db)
            let firstContacts = try Self.firstContacts(of: items.compactMap(\.client.id), db)
            let rows = items.map { item in Self.row(item, contact: item.client.id.flatMap { firstContacts[$0] }) }
            try AuditLog.record(.clientsExported, by: principal, subject: "\(filter.summary); \(rows.count) rows", db)
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

    private static func firstContacts(of clientIds: [Int64], _ db: Database) throws -> [Int64: ClientContact] {
        var first: [Int64: ClientContact] = [:]
        for contact in try ClientContact.filter(clientIds.contains(Column("clientId"))).order(Column("id")).fetchAll(db)
        where first[contact.clientId] == nil {
            first[contact.clientId] = contact
        }
        return first
    }
}
