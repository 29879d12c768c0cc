import Foundation
import GRDB

/// One contact with a client on its timeline, and the next step it led to.
public struct ClientInteraction: Codable, Sendable, Equatable, Identifiable, FetchableRecord, MutablePersistableRecord {
    public var id: Int64?
    public var clientId: Int64
    public var kind: InteractionKind
    public var occurredAt: Date
    public var authorId: Int64
    public var contactId: Int64?
    public var summary: String
    public var outcome: String
    public var nextStep: String
    /// The day the next step is due (`YYYY-MM-DD`).
    public var nextStepDue: String?
    public var nextStepDoneAt: Date?

    public static let databaseTableName = "clientInteraction"

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    public var hasOpenStep: Bool { nextStepDue != nil && nextStepDoneAt == nil }
}

public enum InteractionKind: String, Codable, Sendable, CaseIterable {
    case call
    case meeting
    case email
    case message
}
