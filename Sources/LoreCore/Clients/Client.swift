import Foundation
import GRDB

/// A client card: who the client is, how to reach them, how the relationship stands.
/// Its people are ``ClientContact`` rows, its timeline ``ClientInteraction`` rows, and every
/// change to any of them a ``ClientChange`` row.
public struct Client: Codable, Sendable, Equatable, Identifiable, FetchableRecord, MutablePersistableRecord {
    public var id: Int64?
    public var slug: String
    public var name: String
    public var kind: ClientKind
    public var status: ClientStatus
    public var segment: String
    public var source: String
    /// Empty when unknown.
    public var frequency: String
    public var managerId: Int64?
    public var legalName: String
    public var inn: String
    public var kpp: String
    public var ogrn: String
    public var legalAddress: String
    public var bankDetails: String
    public var address: String
    public var phones: String
    public var emails: String
    public var website: String
    public var officeHours: String
    public var preferences: String
    public var tags: [String]
    /// Markdown; `notesHTML` is rendered from it at save time, like an article's body.
    public var notes: String
    public var notesHTML: String
    /// Values of the fields administrators added (``CustomField``), by key.
    public var custom: [String: String] = [:]
    public var version: Int
    public var createdById: Int64
    public var createdAt: Date
    public var updatedById: Int64
    public var updatedAt: Date
    public var deletedAt: Date?
    public var deletedById: Int64?

    public static let databaseTableName = "client"

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    public var isDeleted: Bool { deletedAt != nil }

    /// An empty card, for a ``ClientDraft`` to fill in.
    static func blank(by authorId: Int64, at now: Date) -> Client {
        Client(slug: "", name: "", kind: .company, status: .lead, segment: "", source: "", frequency: "", managerId: nil,
               legalName: "", inn: "", kpp: "", ogrn: "", legalAddress: "", bankDetails: "", address: "", phones: "", emails: "",
               website: "", officeHours: "", preferences: "", tags: [], notes: "", notesHTML: "", version: 1,
               createdById: authorId, createdAt: now, updatedById: authorId, updatedAt: now)
    }

    static let live = Column("deletedAt") == nil
}

public enum ClientKind: String, Codable, Sendable, CaseIterable {
    case company
    case person
}

/// Where the relationship stands, from first contact to parting.
public enum ClientStatus: String, Codable, Sendable, CaseIterable {
    case lead
    case active
    case regular
    case dormant
    case former
}

/// How often the client buys.
public enum PurchaseFrequency: String, Codable, Sendable, CaseIterable {
    case oneOff
    case occasional
    case regular
}
