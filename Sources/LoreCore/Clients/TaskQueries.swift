import Foundation
import GRDB

/// The Tasks page: open next steps on the cards one may see — one's own, those one gave to
/// colleagues, the overdue ones, and for those who supervise the team everyone's by person.
public struct TaskQueries: Sendable {
    let database: AppDatabase

    public init(database: AppDatabase) {
        self.database = database
    }

    public enum View: String, Sendable, CaseIterable {
        case mine, assigned, overdue, team
    }

    public struct Task: Sendable {
        public let interactionId: Int64
        public let clientSlug: String
        public let clientName: String
        public let step: String
        public let due: DayDate
        public let time: String?
        public let kind: TaskKind?
        public let assigneeId: Int64?
        public let assigneeName: String
        public let authorName: String
        public let isOverdue: Bool
    }

    /// `team` needs clients.supervise (others get their own); the oldest due first.
    public func tasks(_ view: View, for principal: Principal, now: Date = Date()) async throws -> [Task] {
        let policy = AccessPolicy(principal)
        try policy.requireClients()
        let userId = try principal.authorId()
        let today = DayDate(now).iso
        let assignee: SQL = "COALESCE(i.assigneeId, i.authorId)"
        let narrowed: SQL
        switch view {
        case .mine: narrowed = "\(assignee) = \(userId)"
        case .assigned: narrowed = "i.authorId = \(userId) AND \(assignee) <> \(userId)"
        case .overdue: narrowed = principal.has(.clientsSupervise) ? "i.nextStepDue < \(today)" : "\(assignee) = \(userId) AND i.nextStepDue < \(today)"
        case .team: narrowed = principal.has(.clientsSupervise) ? "1" : "\(assignee) = \(userId)"
        }
        return try await database.reader.read { db in
            let request: SQLRequest<Row> = """
                SELECT i.id, i.nextStep, i.nextStepDue, i.nextStepTime, i.nextStepKind, \(assignee) AS assigneeId,
                       c.slug, c.name, a.displayName AS assigneeName, w.displayName AS authorName
                FROM clientInteraction i JOIN client c ON c.id = i.clientId
                LEFT JOIN user a ON a.id = \(assignee) LEFT JOIN user w ON w.id = i.authorId
                WHERE i.nextStepDoneAt IS NULL AND i.nextStepDue IS NOT NULL AND c.deletedAt IS NULL
                  AND \(policy.readableClients("c")) AND \(narrowed)
                ORDER BY i.nextStepDue, i.nextStepTime IS NULL, i.nextStepTime, c.name LIMIT 500
                """
            return try request.fetchAll(db).compactMap { row in
                guard let due = DayDate(iso: row["nextStepDue"]) else { return nil }
                return Task(interactionId: row["id"], clientSlug: row["slug"], clientName: row["name"], step: row["nextStep"], due: due,
                            time: row["nextStepTime"], kind: (row["nextStepKind"] as String?).flatMap(TaskKind.init(rawValue:)),
                            assigneeId: row["assigneeId"], assigneeName: row["assigneeName"] ?? "", authorName: row["authorName"] ?? "",
                            isOverdue: due < DayDate(now))
            }
        }
    }
}
