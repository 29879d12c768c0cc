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
    /// Who does the next step: the writer unless they gave it to a colleague.
    public var assigneeId: Int64?
    /// The time of day it is due (`HH:MM`), when it has one.
    public var nextStepTime: String?
    public var nextStepKind: TaskKind?

    public static let databaseTableName = "clientInteraction"

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    public var hasOpenStep: Bool { nextStepDue != nil && nextStepDoneAt == nil }
}

/// What a next step is: shown on the tasks page.
public enum TaskKind: String, Codable, Sendable, CaseIterable {
    case call
    case meeting
    case email
    case other
}

extension ClientInteraction {
    /// Next steps for the team: who does them, when and what kind they are.
    static func addTasks(_ db: Database) throws {
        try db.alter(table: databaseTableName) { t in
            t.add(column: "assigneeId", .integer).references("user")
            t.add(column: "nextStepTime", .text)
            t.add(column: "nextStepKind", .text)
        }
        try db.execute(sql: "UPDATE clientInteraction SET assigneeId = authorId WHERE nextStepDue IS NOT NULL")
        try db.create(index: "clientInteraction_assigned_steps", on: databaseTableName, columns: ["assigneeId", "nextStepDue"],
                      condition: Column("nextStepDoneAt") == nil && Column("nextStepDue") != nil)
    }
}

public enum InteractionKind: String, Codable, Sendable, CaseIterable {
    case call
    case meeting
    case email
    case message
}
