import Foundation
import GRDB

/// A person who signs in. Every write records which user made it.
public struct User: Codable, Sendable, Equatable, Identifiable, FetchableRecord, MutablePersistableRecord {
    public var id: Int64?
    public var username: String
    public var email: String?
    public var displayName: String
    public var passwordHash: String
    public var createdAt: Date
    /// Deactivated accounts cannot sign in; they are never deleted, as history names them.
    public var isActive: Bool
    /// The job title, as an acknowledgement sheet («лист ознакомления») names it.
    public var position: String = ""
    public var department: String = ""
    /// A newcomer's pages to read and confirm are due counting from here.
    public var firstSignInAt: Date?
    /// The interface language they last used: e-mails are written in it.
    public var language: String = "ru"
    /// Follow the pages and cards they write or comment on.
    public var autoWatch: Bool = true

    public static let databaseTableName = "user"

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

extension User {
    /// Display names by id, for "changed by" lines: every signed-in reader may see who wrote what.
    static func displayNames(_ ids: Set<Int64>, _ db: Database) throws -> [Int64: String] {
        try Dictionary(uniqueKeysWithValues: User.filter(keys: Array(ids)).fetchAll(db).compactMap { user in
            user.id.map { ($0, user.displayName) }
        })
    }
}
