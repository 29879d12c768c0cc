import Foundation
import GRDB

/// One field of a card, a contact or an interaction changed: who, when, old → new.
/// Rows are only ever inserted.
public struct ClientChange: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public enum Subject: String, Codable, Sendable {
        case client
        case contact
        case interaction
    }

    public var id: Int64?
    public var clientId: Int64
    public var subject: Subject
    public var subjectId: Int64?
    /// The contact's name or the interaction's summary at the time, so the entry reads well after it is gone.
    public var subjectLabel: String
    public var field: String
    public var oldValue: String
    public var newValue: String
    public var authorId: Int64
    public var changedAt: Date

    public static let databaseTableName = "clientChange"

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
