import Foundation
import GRDB

/// Checklists that people tick: every reader of a page ticks its task list's items for
/// themselves (an onboarding checklist for each new hire, without copying the page), and the
/// page's managers see everyone's progress. A tick is kept by the item's key (see
/// ``TaskListItems``); an item nobody ticked has the state the page's text gives it.
public struct ChecklistService: Sendable {
    let database: AppDatabase

    public init(database: AppDatabase) {
        self.database = database
    }

    /// One reader's checklist on a page.
    public struct State: Sendable, Equatable {
        /// Each item's state for this reader, by key, in the page's order.
        public let items: [(key: String, checked: Bool)]
        public var done: Int { items.filter(\.checked).count }
        public var total: Int { items.count }
        /// Guests read but do not tick.
        public let canTick: Bool

        public static func == (a: State, b: State) -> Bool {
            a.items.map(\.key) == b.items.map(\.key) && a.items.map(\.checked) == b.items.map(\.checked) && a.canTick == b.canTick
        }
    }

    /// One person's progress, for the page's managers.
    public struct Progress: Sendable, Equatable {
        public let name: String
        public let done: Int
        public let total: Int
        public let lastTickAt: Date
    }

    public func state(slug: String, for principal: Principal) async throws -> State {
        try await database.reader.read { db in
            let article = try Self.readable(slug, principal, db)
            return try Self.state(of: article, userId: principal.userId, db)
        }
    }

    /// Ticks or unticks one item for the principal; an item the page does not have is not found.
    public func tick(slug: String, item: String, checked: Bool, by principal: Principal) async throws -> State {
        try await database.writer.write { db in
            let article = try Self.readable(slug, principal, db)
            guard let userId = principal.userId, let articleId = article.id,
                  Self.items(inHTML: article.html).contains(where: { $0.key == item }) else { throw NotFound() }
            try db.execute(sql: """
                INSERT INTO checklistTick (userId, articleId, itemKey, checked, at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (userId, articleId, itemKey) DO UPDATE SET checked = excluded.checked, at = excluded.at
                """, arguments: [userId, articleId, item, checked, Date()])
            return try Self.state(of: article, userId: userId, db)
        }
    }

    /// Everyone who ticked something on the page, most recent first: for its managers only.
    public func progress(slug: String, by principal: Principal) async throws -> [Progress] {
        try await database.reader.read { db in
            let article = try Self.readable(slug, principal, db)
            guard let articleId = article.id else { throw NotFound() }
            // Those who may read the page learn that it has a checklist anyway: they are refused, not told it is missing.
            guard try AccessPolicy(principal).level(inCategory: article.categoryId, db) >= .manage else { throw AccessDenied() }
            let people = try Row.fetchAll(db, sql: """
                SELECT t.userId, u.displayName, max(t.at) AS lastAt FROM checklistTick t JOIN user u ON u.id = t.userId
                WHERE t.articleId = ? GROUP BY t.userId ORDER BY lastAt DESC
                """, arguments: [articleId])
            return try people.map { row in
                let state = try Self.state(of: article, userId: row["userId"], db)
                return Progress(name: row["displayName"], done: state.done, total: state.total, lastTickAt: row["lastAt"])
            }
        }
    }

    static func state(of article: Article, userId: Int64?, _ db: Database) throws -> State {
        var own: [String: Bool] = [:]
        if let userId, let articleId = article.id {
            for row in try Row.fetchAll(db, sql: "SELECT itemKey, checked FROM checklistTick WHERE userId = ? AND articleId = ?",
                                        arguments: [userId, articleId]) {
                own[row["itemKey"]] = row["checked"]
            }
        }
        return State(items: items(inHTML: article.html).map { ($0.key, own[$0.key] ?? $0.checked) }, canTick: userId != nil)
    }

    /// The live article the principal may read, or not found.
    private static func readable(_ slug: String, _ principal: Principal, _ db: Database) throws -> Article {
        let request: SQLRequest<Article> = """
            SELECT article.* FROM article WHERE slug = \(slug) AND deletedAt IS NULL AND \(AccessPolicy(principal).readableArticles())
            """
        guard let article = try request.fetchOne(db) else { throw NotFound() }
        return article
    }

    /// The task list items of rendered HTML, in order: their keys and the state the text gives.
    /// It reads only the boxes ``TaskListItems`` writes.
    static func items(inHTML html: String) -> [(key: String, checked: Bool)] {
        var items: [(key: String, checked: Bool)] = []
        var rest = html[...]
        while let start = rest.range(of: "<input ") {
            guard let end = rest[start.upperBound...].firstIndex(of: ">") else { break }
            let tag = rest[start.upperBound..<end]
            if let key = tag.range(of: "data-item=\"") {
                let value = tag[key.upperBound...].prefix(16)
                if value.count == 16, value.allSatisfy(\.isHexDigit) { items.append((String(value), tag.hasPrefix("checked=\"\" "))) }
            }
            rest = rest[end...]
        }
        return items
    }
}
