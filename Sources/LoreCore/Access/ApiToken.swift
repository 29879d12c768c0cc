import Foundation
import GRDB

/// A personal token for the JSON API, made by a user for a program that acts as them. Only its
/// digest is kept; the secret is shown once, when it is made. A token never does more than
/// its user may do, and a read-only one only reads.
public struct ApiToken: Codable, Sendable, Equatable, Identifiable, FetchableRecord, MutablePersistableRecord {
    public var id: Int64?
    public var userId: Int64
    public var name: String
    public var digest: String
    public var isReadOnly: Bool
    public var createdAt: Date
    public var expiresAt: Date?
    public var lastUsedAt: Date?
    public var revokedAt: Date?

    public static let databaseTableName = "apiToken"

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    /// Usable now: neither revoked nor expired.
    public func isValid(at now: Date = Date()) -> Bool {
        revokedAt == nil && (expiresAt.map { $0 > now } ?? true)
    }

    /// Every secret starts so, which lets a leaked one be recognised by secret scanners and in logs.
    public static let prefix = "lore_"
}
