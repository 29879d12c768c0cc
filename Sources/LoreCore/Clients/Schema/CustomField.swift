import Foundation
import GRDB

/// A field an administrator added to client cards or to the people on them. Its values live in
/// the record's `custom` JSON under ``key``; the field takes part in forms, the card, filters,
/// import and export, the API and history like a built-in one.
public struct CustomField: Codable, Sendable, Equatable, Identifiable, FetchableRecord, MutablePersistableRecord {
    public enum Target: String, Codable, Sendable, CaseIterable {
        case client
        case contact
    }

    public enum Kind: String, Codable, Sendable, CaseIterable {
        case text
        case number
        case date
        case choice
        case yesNo

        func fieldKind(_ choices: [String]) -> FieldKind {
            switch self {
            case .text: .line
            case .number: .number
            case .date: .date
            case .choice: .choice(choices, labels: nil, optional: true)
            case .yesNo: .yesNo
            }
        }
    }

    public var id: Int64?
    public var target: Target
    /// Latin letters, digits and underscores; fixed once made, as spreadsheets and programs use it.
    public var key: String
    public var labelRu: String
    public var labelEn: String
    public var kind: Kind
    /// The values a choice offers, in order.
    public var choices: [String]
    public var position: Int
    public var createdAt: Date

    public static let databaseTableName = "clientField"

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
