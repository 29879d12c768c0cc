import Foundation
import GRDB

/// Contacts logged per person per week: how much each manager is in touch with clients.
public struct ClientActivity: Sendable {
    let database: AppDatabase

    public init(database: AppDatabase) {
        self.database = database
    }

    public struct Row: Sendable {
        public let name: String
        /// Oldest week first.
        public let counts: [Int]
    }

    /// The last `weeks` weeks (Monday to Sunday), on the cards the principal may see.
    public func contactsPerWeek(weeks: Int = 8, for principal: Principal, now: Date = Date()) async throws -> (starts: [DayDate], rows: [Row]) {
        let policy = AccessPolicy(principal)
        try policy.requireClients()
        let today = DayDate(now)
        // Day 0, 1 January 1970, was a Thursday.
        let monday = today.adding(days: -((today.dayNumber + 3) % 7))
        let starts = (0..<weeks).map { monday.adding(days: -7 * (weeks - 1 - $0)) }
        let from = starts[0].noon.addingTimeInterval(-12 * 3600)
        let found = try await database.reader.read { db in
            try SQLRequest<Row_>("""
                SELECT u.displayName AS name, i.occurredAt FROM clientInteraction i JOIN client c ON c.id = i.clientId
                JOIN user u ON u.id = i.authorId
                WHERE i.occurredAt >= \(from) AND c.deletedAt IS NULL AND \(policy.readableClients("c"))
                """).fetchAll(db)
        }
        var counts: [String: [Int]] = [:]
        for row in found {
            let day = DayDate(row.occurredAt)
            guard let week = starts.lastIndex(where: { $0 <= day }) else { continue }
            counts[row.name, default: Array(repeating: 0, count: weeks)][week] += 1
        }
        return (starts, counts.sorted { $0.key < $1.key }.map { Row(name: $0.key, counts: $0.value) })
    }

    private struct Row_: FetchableRecord, Decodable {
        let name: String
        let occurredAt: Date
    }
}
