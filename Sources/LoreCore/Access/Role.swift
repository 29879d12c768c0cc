import Foundation
import GRDB

/// A named set of rights. Users hold one or more roles and their rights add up.
public struct Role: Codable, Sendable, Equatable, Identifiable, FetchableRecord, MutablePersistableRecord {
    /// The roles Lore itself relies on; they can be renamed but not deleted.
    public enum Kind: String, Codable, Sendable, CaseIterable {
        /// May do everything, everywhere.
        case administrator
        /// Given to every new user.
        case employee
        /// Stands for anyone not signed in; has no rights unless an administrator grants some.
        case guest

        public var defaultName: String {
            switch self {
            case .administrator: "Administrator"
            case .employee: "Employee"
            case .guest: "Guest"
            }
        }
    }

    public var id: Int64?
    public var name: String
    public var kind: Kind?
    public var createdAt: Date

    public static let databaseTableName = "role"

    public init(id: Int64? = nil, name: String, kind: Kind?, createdAt: Date) {
        self.id = id
        self.name = name
        self.kind = kind
        self.createdAt = createdAt
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

extension Role {
    /// The id of the role Lore relies on for `kind`; nil only in a database not yet set up.
    static func id(of kind: Kind, _ db: Database) throws -> Int64? {
        try Int64.fetchOne(db, sql: "SELECT id FROM role WHERE kind = ?", arguments: [kind.rawValue])
    }
}
