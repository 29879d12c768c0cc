import Foundation
import GRDB

/// Reading the client registry: the list, a card, the trash. Everything is narrowed in SQL to
/// the clients the principal may see; a principal without clients.read gets ``NotFound``.
public struct ClientQueries: Sendable {
    let database: AppDatabase
    /// Every card shown is recorded, and past the daily limit refused (see ``ClientReadLedger``).
    public let reads: ClientReadLedger
    /// Segments and classes, kept between requests.
    public let analysis: ClientAnalysis

    public init(database: AppDatabase, reads: ClientReadLedger? = nil) {
        self.database = database
        self.reads = reads ?? ClientReadLedger(database: database)
        self.analysis = ClientAnalysis(database: database)
    }

    /// One page of the list and how many clients match in all.
    public func list(_ filter: ClientFilter, page: Int = 1, perPage: Int = 50,
                     for principal: Principal) async throws -> (items: [ClientListItem], total: Int) {
        let policy = AccessPolicy(principal)
        try policy.requireClients()
        let filter = try await resolved(filter, for: principal)
        let found = try await database.reader.read { db in
            let conditions = Self.conditions(filter, policy)
            let total = try SQLRequest<Int>("SELECT COUNT(*) FROM client WHERE \(conditions)").fetchOne(db) ?? 0
            let items = try Self.items(conditions, order: Self.order(filter), limit: perPage, offset: Paging.offset(page: page, perPage: perPage), db)
            return (items, total)
        }
        try await reads.record(found.0.compactMap(\.client.id), by: principal)
        return found
    }

    /// Matching clients in id order after `afterId`: the pages a program walks the registry
    /// with, which new and changed cards never shift.
    public func page(_ filter: ClientFilter, after afterId: Int64?, limit: Int, for principal: Principal) async throws -> [ClientListItem] {
        let policy = AccessPolicy(principal)
        try policy.requireClients()
        let items = try await database.reader.read { db in
            try Self.items(Self.conditions(filter, policy) + " AND client.id > \(afterId ?? 0)", order: "client.id", limit: limit, offset: 0, db)
        }
        try await reads.record(items.compactMap(\.client.id), by: principal)
        return items
    }

    /// Every matching client, for an export: the caller has checked clients.export.
    func all(_ filter: ClientFilter, policy: AccessPolicy, _ db: Database) throws -> [ClientListItem] {
        try Self.items(Self.conditions(filter, policy), order: Self.order(filter), limit: nil, offset: 0, db)
    }

    /// Where a merged-away card's address leads: the slug of the card it went into, when the
    /// principal may see that one.
    public func mergedCard(slug: String, for principal: Principal) async throws -> String? {
        let policy = AccessPolicy(principal)
        return try await database.reader.read { db in try MergedCards.kept(for: [slug], policy: policy, db)[slug]?.slug }
    }

    public func card(slug: String, for principal: Principal) async throws -> ClientCard {
        let card = try await database.read(as: principal) { viewer in try viewer.clientCard(slug: slug) }
        try await reads.record([card.client.id].compactMap { $0 }, by: principal)
        return card
    }

    /// Cards in the trash, for those who may delete (and so restore) them.
    public func trash(for principal: Principal) async throws -> [Client] {
        let policy = AccessPolicy(principal)
        try policy.requireClients(.clientsDelete)
        return try await database.reader.read { db in
            try Client.filter(Column("deletedAt") != nil).filter(policy.readableClients())
                .order(Column("deletedAt").desc).fetchAll(db)
        }
    }

    /// The cards an article concerns, for its page: none for those who may not see clients.
    public func clients(concerning article: Article, for principal: Principal) async throws -> [Client] {
        try await database.read(as: principal) { viewer in try viewer.clients(concerning: article) }
    }

    /// The fields of cards and people, custom ones included: open to anyone, as the rights
    /// guard values, not the names of fields.
    public func schema() async throws -> ClientSchema {
        try await database.reader.read { try ClientSchema.load($0) }
    }

    /// The values in use, for the list's filters and the form's suggestions.
    public func segments(for principal: Principal) async throws -> [String] {
        let policy = AccessPolicy(principal)
        try policy.requireClients()
        return try await database.reader.read { db in
            try SQLRequest<String>("""
                SELECT DISTINCT segment FROM client WHERE segment <> '' AND deletedAt IS NULL AND \(policy.readableClients())
                ORDER BY segment COLLATE \(ClientQueries.byName)
                """).fetchAll(db)
        }
    }

    public func tags(for principal: Principal) async throws -> [String] {
        let policy = AccessPolicy(principal)
        try policy.requireClients()
        return try await database.reader.read { db in
            try SQLRequest<String>("""
                SELECT DISTINCT t.value FROM client, json_each(client.tags) t WHERE client.deletedAt IS NULL AND \(policy.readableClients())
                ORDER BY t.value COLLATE \(ClientQueries.byName)
                """).fetchAll(db)
        }
    }

    /// The people a card can be given to: active users, by name.
    /// Active people, and those who left but still manage live cards (`hasLeft`): the filter
    /// still finds their cards, and a card's form keeps them until someone picks another.
    public func managers(for principal: Principal) async throws -> [(id: Int64, name: String, hasLeft: Bool)] {
        try AccessPolicy(principal).requireClients()
        return try await database.reader.read { db in
            try SQLRequest<Row>("""
                SELECT id, displayName, NOT isActive AS hasLeft FROM user
                WHERE isActive OR id IN (SELECT managerId FROM client WHERE deletedAt IS NULL)
                ORDER BY displayName COLLATE \(ClientQueries.byName)
                """).fetchAll(db)
                .map { (id: $0["id"], name: $0["displayName"], hasLeft: $0["hasLeft"]) }
        }
    }

    /// How many live cards the principal may see have each status: counted, not read (no card
    /// is opened, so nothing counts against the daily read limit).
    public func statusCounts(for principal: Principal) async throws -> [ClientStatus: Int] {
        let policy = AccessPolicy(principal)
        try policy.requireClients()
        return try await database.reader.read { db in
            var counts: [ClientStatus: Int] = [:]
            for row in try SQLRequest<Row>("SELECT status, COUNT(*) AS n FROM client WHERE deletedAt IS NULL AND \(policy.readableClients()) GROUP BY status").fetchAll(db) {
                if let status = ClientStatus(rawValue: row["status"]) { counts[status] = row["n"] }
            }
            return counts
        }
    }

    /// Addresses and names of live cards the principal may see, by name, at most `limit`: for
    /// choosing a card (names only, so no card counts as read).
    public func names(for principal: Principal, limit: Int = 2000) async throws -> [(slug: String, name: String)] {
        let policy = AccessPolicy(principal)
        try policy.requireClients()
        return try await database.reader.read { db in
            try SQLRequest<Row>("""
                SELECT slug, name FROM client WHERE deletedAt IS NULL AND \(policy.readableClients())
                ORDER BY name COLLATE \(ClientQueries.byName) LIMIT \(max(1, min(limit, 10_000)))
                """).fetchAll(db).map { (slug: $0["slug"], name: $0["name"]) }
        }
    }

    /// The purchases logged on a card the principal may see, newest first.
    public func purchases(ofClient id: Int64, for principal: Principal) async throws -> [Purchase] {
        let policy = AccessPolicy(principal)
        try policy.requireClients()
        return try await database.reader.read { db in
            guard try Client.filter(key: id).filter(policy.readableClients()).fetchCount(db) == 1 else { throw NotFound() }
            return try Self.latestPurchases(ofClient: id, db)
        }
    }

    /// A card's latest purchases (of a card already checked), newest first.
    static func latestPurchases(ofClient id: Int64, _ db: Database) throws -> [Purchase] {
        try Purchase.filter(Column("clientId") == id).order(Column("date").desc, Column("id").desc).limit(200).fetchAll(db)
    }

    /// Cards the principal may see that look like the same client as `draft` (see
    /// ``ClientLookup/sameClient(as:)``), other than the one being edited.
    public func duplicates(of draft: ClientDraft, excluding id: Int64?, for principal: Principal) async throws -> [Client] {
        let policy = AccessPolicy(principal)
        try policy.requireClients()
        return try await database.reader.read { db in
            try Client.filter(literal: "client.deletedAt IS NULL AND \(policy.readableClients()) AND \(ClientLookup.sameClient(as: draft))")
                .filter(Column("id") != (id ?? 0)).order(Column("name")).limit(5).fetchAll(db)
        }
    }

    /// The filter with its RFM and ABC choices turned into the cards they leave: segments are
    /// computed from purchases, not stored.
    func resolved(_ filter: ClientFilter, for principal: Principal) async throws -> ClientFilter {
        guard filter.rfm != nil || filter.abc != nil else { return filter }
        var resolved = filter
        resolved.onlyIds = Set(try await analysis.lines(for: principal)
            .filter { (filter.rfm == nil || $0.segment == filter.rfm) && (filter.abc == nil || $0.abc == filter.abc) }.map(\.clientId))
        return resolved
    }

    // MARK: SQL

    static func conditions(_ filter: ClientFilter, _ policy: AccessPolicy) -> SQL {
        var sql: SQL = "client.deletedAt IS NULL AND \(policy.readableClients())"
        if let text = filter.text { sql += " AND \(ClientLookup.condition(text))" }
        if let status = filter.status { sql += " AND client.status = \(status.rawValue)" }
        if let segment = filter.segment { sql += " AND client.segment = \(segment)" }
        if let managerId = filter.managerId { sql += " AND client.managerId = \(managerId)" }
        if let tag = filter.tag { sql += " AND EXISTS (SELECT 1 FROM json_each(client.tags) WHERE value = \(tag))" }
        for match in filter.custom {
            let path = "$.\"" + match.key + "\""
            let table: SQL = match.ofContact ? "p" : "client"
            let condition: SQL = match.exact ? "json_extract(\(table).custom, \(path)) = \(match.value)"
                : "lore_lower(json_extract(\(table).custom, \(path))) LIKE \(ClientLookup.containing(match.value)) ESCAPE '\\'"
            sql += match.ofContact ? " AND EXISTS (SELECT 1 FROM clientContact p WHERE p.clientId = client.id AND \(condition))" : " AND \(condition)"
        }
        if let ids = filter.onlyIds {
            sql += " AND client.id IN (SELECT value FROM json_each(\("[" + ids.map(String.init).joined(separator: ",") + "]")))"
        }
        switch filter.lastContact {
        case .within(let days):
            sql += " AND \(lastContact) >= \(Date().addingTimeInterval(-Double(days) * 86_400))"
        case .notWithin(let days):
            sql += " AND (\(lastContact) IS NULL OR \(lastContact) < \(Date().addingTimeInterval(-Double(days) * 86_400)))"
        case nil:
            break
        }
        return sql
    }

    /// Names sort as people expect in any alphabet (SQLite's NOCASE folds only Latin letters).
    static let byName: SQL = SQL(sql: DatabaseCollation.localizedCaseInsensitiveCompare.name)

    static let lastContact: SQL = "(SELECT MAX(occurredAt) FROM clientInteraction i WHERE i.clientId = client.id)"

    private static func order(_ filter: ClientFilter) -> SQL {
        let direction: SQL = filter.descending ? "DESC" : "ASC"
        return switch filter.sort {
        case .name: "client.name COLLATE \(ClientQueries.byName) \(direction)"
        case .status: "CASE client.status \(statusOrder) END \(direction), client.name COLLATE \(ClientQueries.byName)"
        case .lastContact: "lastContactAt IS NULL, lastContactAt \(direction), client.name COLLATE \(ClientQueries.byName)"
        case .updated: "client.updatedAt \(direction)"
        }
    }

    private static func items(_ conditions: SQL, order: SQL, limit: Int?, offset: Int, _ db: Database) throws -> [ClientListItem] {
        let page: SQL = limit.map { "LIMIT \($0) OFFSET \(offset)" } ?? ""
        let request: SQLRequest<Row> = """
            SELECT client.*, u.displayName AS managerName, \(lastContact) AS lastContactAt
            FROM client LEFT JOIN user u ON u.id = client.managerId
            WHERE \(conditions) ORDER BY \(order) \(page)
            """
        return try request.fetchAll(db).map { row in
            ClientListItem(client: try Client(row: row), managerName: row["managerName"], lastContactAt: row["lastContactAt"])
        }
    }

    /// Statuses in the order a relationship goes through them.
    private static var statusOrder: SQL {
        ClientStatus.allCases.enumerated().reduce("") { sql, pair in sql + " WHEN \(pair.element.rawValue) THEN \(pair.offset)" }
    }

    static func knowledge(about client: Client, _ policy: AccessPolicy, _ db: Database) throws -> [ClientCard.Knowledge] {
        guard let id = client.id else { return [] }
        let request: SQLRequest<Row> = """
            SELECT a.slug, a.title, a.categoryId, MAX(l.byHand) AS byHand
            FROM (SELECT sourceId AS articleId, 0 AS byHand FROM articleLink
                  WHERE kind = 'client' AND (targetKey = \(client.slug) OR targetKey IN (\(MergedCards.absorbedSlugs(into: id))))
                  UNION ALL SELECT articleId, 1 FROM clientArticleLink WHERE clientId = \(id)) l
            JOIN article a ON a.id = l.articleId
            WHERE a.deletedAt IS NULL AND \(policy.readableArticles("a"))
            GROUP BY a.id ORDER BY a.title COLLATE \(ClientQueries.byName)
            """
        return try request.fetchAll(db).map { row in
            ClientCard.Knowledge(slug: row["slug"], title: row["title"], categoryId: row["categoryId"], linkedByHand: row["byHand"])
        }
    }
}
