import Foundation
import GRDB

/// A person at a client: how to reach them, when, and what is worth remembering about them.
public struct ClientContact: Codable, Sendable, Equatable, Identifiable, FetchableRecord, MutablePersistableRecord {
    public var id: Int64?
    public var clientId: Int64
    public var name: String
    public var position: String
    public var phones: String
    public var email: String
    public var messengers: String
    /// A ``ContactChannel`` raw value, or empty.
    public var preferredChannel: String
    public var callWhen: String
    public var doNotCall: String
    /// `YYYY-MM-DD`, or `--MM-DD` when the year is not known; empty when unknown.
    public var birthday: String
    public var notes: String
    /// Values of the fields administrators added (``CustomField``), by key.
    public var custom: [String: String] = [:]

    public static let databaseTableName = "clientContact"

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    /// An empty contact of a card, for a ``ContactDraft`` to fill in.
    static func blank(of clientId: Int64) -> ClientContact {
        ClientContact(clientId: clientId, name: "", position: "", phones: "", email: "", messengers: "", preferredChannel: "",
                      callWhen: "", doNotCall: "", birthday: "", notes: "")
    }
}

/// How a contact prefers to be reached.
public enum ContactChannel: String, Codable, Sendable, CaseIterable {
    case phone
    case email
    case sms
    case whatsapp
    case telegram
    case meeting
}
