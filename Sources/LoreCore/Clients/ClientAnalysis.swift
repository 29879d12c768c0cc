import Foundation
import GRDB

/// Who buys how often and how much: each client's recency, frequency and monetary value over
/// the last year, its RFM segment and its ABC class by revenue, and whether it is due for
/// reactivation by its own buying rhythm.
public struct ClientAnalysis: Sendable {
    /// Where a score changes, shown with the results and adjustable.
    public struct Thresholds: Sendable, Equatable {
        /// Days since the last purchase at or under which recency scores 5, 4, 3, 2 (else 1).
        public var recencyDays = [30, 90, 180, 365]
        /// Purchases in the last year at or over which frequency scores 5, 4, 3, 2 (else 1).
        public var frequency = [12, 6, 3, 2]
        /// A client is due for reactivation when its time since the last purchase passes its
        /// average interval times this.
        public var reactivationFactor = 1.5

        public init() {}
    }

    public enum Segment: String, Sendable, CaseIterable {
        case champions, loyal, promising, needAttention, atRisk, hibernating, noPurchases
    }

    public enum ABC: String, Sendable, CaseIterable {
        case a, b, c
    }

    public struct Line: Sendable {
        public let clientId: Int64
        public let slug: String
        public let name: String
        public let managerId: Int64?
        public let lastPurchase: DayDate?
        public let purchasesInYear: Int
        /// Revenue in the last year, in hundredths.
        public let revenue: Int64
        public let recencyScore: Int
        public let frequencyScore: Int
        public let segment: Segment
        public let abc: ABC?
        /// Average days between purchases, from two purchases on.
        public let interval: Int?
        public let isDueForReactivation: Bool
    }

    let database: AppDatabase
    /// The client list shows every row's segment and class, which take all the cards' purchases:
    /// kept per scope of cards and day until something changes (10,000 cards cost 200 ms).
    private let kept = ChangeKeyedCache<String, [Line]>(limit: 1_000)

    public init(database: AppDatabase) {
        self.database = database
    }

    /// Every live card the principal may see. ABC classes are always among all of them, also
    /// when asking about one card (`only`).
    public func lines(for principal: Principal, only: Int64? = nil, thresholds: Thresholds = .init(), now: Date = Date()) async throws -> [Line] {
        let policy = AccessPolicy(principal)
        try policy.requireClients()
        let today = DayDate(now)
        // Who sees which cards is all of the principal that the lines depend on.
        let scope = "\(principal.seesAllClients ? 0 : principal.userId ?? -1)|\(today.iso)|\(thresholds)"
        let generation = database.changes.content
        let all: [Line]
        if let found = kept.value(for: scope, generation: generation) {
            all = found
        } else {
            all = try await lines(policy, today: today, thresholds: thresholds)
            kept.store(all, for: scope, generation: generation)
        }
        return all.filter { only == nil || $0.clientId == only }
    }

    private func lines(_ policy: AccessPolicy, today: DayDate, thresholds: Thresholds) async throws -> [Line] {
        let yearAgo = today.adding(days: -365).iso
        // Read into plain values: a read that returned rows would be GRDB's blocking one, which
        // holds a request thread while it waits for a connection (sixteen client lists at once
        // deadlocked the server that way).
        let rows = try await database.reader.read { db in
            try SQLRequest<Row>("""
                SELECT c.id, c.slug, c.name, c.managerId,
                       (SELECT MAX(date) FROM purchase p WHERE p.clientId = c.id) AS lastDate,
                       (SELECT COUNT(*) FROM purchase p WHERE p.clientId = c.id AND p.date > \(yearAgo)) AS yearCount,
                       (SELECT COALESCE(SUM(amount), 0) FROM purchase p WHERE p.clientId = c.id AND p.date > \(yearAgo)) AS revenue,
                       (SELECT COUNT(*) FROM purchase p WHERE p.clientId = c.id) AS allCount,
                       (SELECT MIN(date) FROM purchase p WHERE p.clientId = c.id) AS firstDate
                FROM client c WHERE c.deletedAt IS NULL AND \(policy.readableClients("c"))
                ORDER BY c.name COLLATE \(ClientQueries.byName)
                """).fetchAll(db).map(Purchases.init(row:))
        }
        let classes = Self.abc(rows.map { (id: $0.id, revenue: $0.revenue) })
        return rows.map { row in
            let last = row.lastDate.flatMap(DayDate.init(iso:))
            let first = row.firstDate.flatMap(DayDate.init(iso:))
            let count = row.yearCount, all = row.allCount
            let days = last.map { today.dayNumber - $0.dayNumber }
            let recency = days.map { d in 5 - (thresholds.recencyDays.firstIndex { d <= $0 } ?? 4) } ?? 0
            let frequency = 5 - (thresholds.frequency.firstIndex { count >= $0 } ?? 4)
            let interval = all >= 2 ? first.flatMap { f in last.map { ($0.dayNumber - f.dayNumber) / (all - 1) } } : nil
            let due = interval.flatMap { i in days.map { Double($0) > Double(max(i, 1)) * thresholds.reactivationFactor } } ?? false
            return Line(clientId: row.id, slug: row.slug, name: row.name, managerId: row.managerId, lastPurchase: last,
                        purchasesInYear: count, revenue: row.revenue, recencyScore: recency, frequencyScore: last == nil ? 0 : frequency,
                        segment: Self.segment(recency: recency, frequency: frequency, bought: last != nil), abc: classes[row.id],
                        interval: interval, isDueForReactivation: due)
        }
    }

    /// One card's purchases as the query sums them up.
    private struct Purchases: Sendable {
        let id: Int64, slug: String, name: String, managerId: Int64?
        let lastDate: String?, firstDate: String?
        let yearCount: Int, allCount: Int, revenue: Int64

        init(row: Row) {
            (id, slug, name, managerId) = (row["id"], row["slug"], row["name"], row["managerId"])
            (lastDate, firstDate) = (row["lastDate"], row["firstDate"])
            (yearCount, allCount, revenue) = (row["yearCount"], row["allCount"], row["revenue"])
        }
    }

    /// The usual RFM grid on recency and frequency.
    static func segment(recency: Int, frequency: Int, bought: Bool) -> Segment {
        guard bought else { return .noPurchases }
        switch (recency, frequency) {
        case (4...5, 4...5): return .champions
        case (3...5, 3...5): return .loyal
        case (4...5, _): return .promising
        case (1...2, 3...5): return .atRisk
        case (1...2, _): return .hibernating
        default: return .needAttention
        }
    }

    /// A: the biggest clients making the first 80 % of the year's revenue; B: the next 15 %; C:
    /// the rest with revenue. Clients with none have no class.
    static func abc(_ revenues: [(id: Int64, revenue: Int64)]) -> [Int64: ABC] {
        let buying = revenues.filter { $0.revenue > 0 }.sorted { $0.revenue > $1.revenue }
        let total = Double(buying.reduce(0) { $0 + $1.revenue })
        var running = 0.0
        var classes: [Int64: ABC] = [:]
        for client in buying {
            // A client is classed by where its revenue starts: the one crossing 80 % is still A.
            let share = running / total
            classes[client.id] = share < 0.8 ? .a : share < 0.95 ? .b : .c
            running += Double(client.revenue)
        }
        return classes
    }
}
