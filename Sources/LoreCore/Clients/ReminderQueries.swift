import Foundation
import GRDB

/// Builds ``Reminders`` from the registry.
public struct ReminderQueries: Sendable {
    let database: AppDatabase

    public init(database: AppDatabase) {
        self.database = database
    }

    /// The user's reminders: the next steps given to them, birthdays and quiet
    /// clients among those they are responsible for. Empty for those who may not see clients.
    public func reminders(for principal: Principal, quietAfterDays: Int, now: Date = Date()) async throws -> Reminders {
        let policy = AccessPolicy(principal)
        guard principal.has(.clientsRead), let userId = principal.userId else { return Reminders(steps: [], birthdays: [], quiet: []) }
        return try await database.reader.read { db in
            let today = DayDate(now)
            let horizon = today.adding(days: Reminders.horizonDays)
            let steps: SQLRequest<Row> = """
                SELECT c.slug, c.name, i.id, i.nextStep, i.nextStepDue FROM clientInteraction i JOIN client c ON c.id = i.clientId
                WHERE i.nextStepDoneAt IS NULL AND i.nextStepDue IS NOT NULL AND i.nextStepDue <= \(horizon.iso)
                  AND COALESCE(i.assigneeId, i.authorId) = \(userId)
                  AND c.deletedAt IS NULL AND \(policy.readableClients("c"))
                ORDER BY i.nextStepDue, c.name LIMIT 50
                """
            let stepList = try steps.fetchAll(db).compactMap { row -> Reminders.Step? in
                guard let due = DayDate(iso: row["nextStepDue"]) else { return nil }
                return Reminders.Step(clientSlug: row["slug"], clientName: row["name"], interactionId: row["id"],
                                      nextStep: row["nextStep"], due: due, isOverdue: due < today)
            }
            let contacts: SQLRequest<Row> = """
                SELECT c.slug, c.name AS clientName, p.name, p.birthday FROM clientContact p JOIN client c ON c.id = p.clientId
                WHERE p.birthday <> '' AND c.managerId = \(userId) AND c.deletedAt IS NULL AND \(policy.readableClients("c"))
                """
            let birthdays = try contacts.fetchAll(db).compactMap { row -> Reminders.Birthday? in
                guard let birthday = DateInput.parseBirthday(row["birthday"]) else { return nil }
                let days = birthday.daysUntilNext(from: today)
                guard days <= Reminders.horizonDays else { return nil }
                return Reminders.Birthday(clientSlug: row["slug"], clientName: row["clientName"], contactName: row["name"], inDays: days)
            }.sorted { $0.inDays < $1.inDays }
            let cutoff = now.addingTimeInterval(-Double(quietAfterDays) * 86_400)
            // A client that has bought at least twice is due by its own rhythm (its average interval
            // times the factor); the others when nobody has been in touch for `quietAfterDays`.
            let factor = ClientAnalysis.Thresholds().reactivationFactor
            let quiet: SQLRequest<Row> = """
                SELECT slug, name, lastContactAt FROM (
                  SELECT slug, name, \(ClientQueries.lastContact) AS lastContactAt,
                         (SELECT COUNT(*) FROM purchase p WHERE p.clientId = client.id) AS bought,
                         (SELECT (julianday(MAX(date)) - julianday(MIN(date))) / MAX(COUNT(*) - 1, 1) FROM purchase p WHERE p.clientId = client.id) AS rhythm,
                         (SELECT julianday(\(today.iso)) - julianday(MAX(date)) FROM purchase p WHERE p.clientId = client.id) AS since
                  FROM client
                  WHERE managerId = \(userId) AND status <> \(ClientStatus.former.rawValue) AND deletedAt IS NULL AND \(policy.readableClients()))
                WHERE (bought >= 2 AND since > rhythm * \(factor)) OR (bought < 2 AND (lastContactAt IS NULL OR lastContactAt < \(cutoff)))
                ORDER BY lastContactAt IS NOT NULL, lastContactAt LIMIT 20
                """
            let quietList = try quiet.fetchAll(db).map { row in
                Reminders.Quiet(clientSlug: row["slug"], clientName: row["name"], lastContactAt: row["lastContactAt"])
            }
            return Reminders(steps: stepList, birthdays: birthdays, quiet: quietList)
        }
    }
}
