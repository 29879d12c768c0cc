import Foundation
import GRDB

/// Who read which client card, and a daily limit on how many distinct cards someone without
/// `clients.export` may read. Reading is not exporting, but paging through every card by the
/// API took seconds and left no trace: a departing manager could take the client base without
/// the right to. Every path that shows cards records them here (the list, a card, the API,
/// search); past the limit, further cards are refused with a message, and administrators
/// see an alert. Reads are kept 90 days.
public struct ClientReadLedger: Sendable {
    public static let defaultDailyLimit = 200
    static let keptDays = 90

    let database: AppDatabase
    public let dailyLimit: Int

    public init(database: AppDatabase, dailyLimit: Int = defaultDailyLimit) {
        self.database = database
        self.dailyLimit = dailyLimit
    }

    /// Notes that the principal is shown these cards now; throws ``ClientReadLimitReached``
    /// (and shows nothing) when they are cards beyond today's limit.
    public func record(_ clientIds: [Int64], by principal: Principal, now: Date = Date()) async throws {
        guard let userId = principal.userId, !clientIds.isEmpty else { return }
        let day = DayDate(now).iso
        let limited = !principal.has(.clientsExport) && dailyLimit > 0
        let refusedFirstTime = try await database.writer.write { db -> Bool? in
            if limited {
                let already = Set(try Int64.fetchAll(db, sql: "SELECT clientId FROM clientRead WHERE userId = ? AND day = ?",
                                                     arguments: [userId, day]))
                let fresh = Set(clientIds).subtracting(already)
                if !fresh.isEmpty, already.count + fresh.count > dailyLimit {
                    let alerted = try Bool.fetchOne(db, sql: """
                        SELECT EXISTS (SELECT 1 FROM auditEntry WHERE action = ? AND actorId = ? AND at >= ?)
                        """, arguments: [AuditLog.Action.clientReadLimit.rawValue, userId, Calendar.current.startOfDay(for: now)]) ?? false
                    return !alerted
                }
            }
            for clientId in Set(clientIds) {
                try db.execute(sql: """
                    INSERT INTO clientRead (userId, clientId, day, lastAt) VALUES (?, ?, ?, ?)
                    ON CONFLICT (userId, clientId, day) DO UPDATE SET lastAt = excluded.lastAt
                    """, arguments: [userId, clientId, day, now])
            }
            try db.execute(sql: "DELETE FROM clientRead WHERE day < ?",
                           arguments: [DayDate(now.addingTimeInterval(-Double(Self.keptDays) * 86_400)).iso])
            return nil
        }
        guard let firstTime = refusedFirstTime else { return }
        // In a transaction of its own: the refusal above wrote nothing.
        if firstTime {
            try await AuditLog(database: database).record(.clientReadLimit, actor: userId, subject: "\(dailyLimit) cards", address: principal.address)
        }
        throw ClientReadLimitReached(limit: dailyLimit)
    }

    /// Who opened a card in the last 90 days, most recent first: for those who may export clients.
    static func readers(of clientId: Int64, _ db: Database) throws -> [Reader] {
        try Row.fetchAll(db, sql: """
            SELECT user.displayName, MAX(clientRead.lastAt) AS lastAt, COUNT(*) AS days FROM clientRead
            JOIN user ON user.id = clientRead.userId WHERE clientRead.clientId = ?
            GROUP BY clientRead.userId ORDER BY lastAt DESC LIMIT 50
            """, arguments: [clientId]).map { Reader(name: $0["displayName"], lastAt: $0["lastAt"], days: $0["days"]) }
    }

    /// Those who reached the limit in the last week, for administrators' home page.
    public func alerts(for principal: Principal, now: Date = Date()) async throws -> [Alert] {
        guard principal.isAdministrator else { return [] }
        return try await database.reader.read { db in
            try Row.fetchAll(db, sql: """
                SELECT user.displayName, auditEntry.at FROM auditEntry JOIN user ON user.id = auditEntry.actorId
                WHERE auditEntry.action = ? AND auditEntry.at >= ? ORDER BY auditEntry.id DESC LIMIT 20
                """, arguments: [AuditLog.Action.clientReadLimit.rawValue, now.addingTimeInterval(-7 * 86_400)])
                .map { Alert(name: $0["displayName"], at: $0["at"]) }
        }
    }

    public struct Reader: Sendable, Equatable {
        public let name: String
        public let lastAt: Date
        /// On how many days they opened it.
        public let days: Int
    }

    public struct Alert: Sendable, Equatable {
        public let name: String
        public let at: Date
    }
}

/// More distinct client cards today than ``ClientReadLedger/dailyLimit`` allows without `clients.export`.
public struct ClientReadLimitReached: Error, Sendable, Equatable {
    public let limit: Int
}
