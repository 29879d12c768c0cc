import Foundation
import GRDB

/// Owners and review dates: who answers for each page, when it was last reviewed, what is
/// overdue, and the content-health lists its managers work through. Every list holds only the
/// pages the principal may read (and, for health, manages).
public struct StewardshipService: Sendable {
    let database: AppDatabase

    public init(database: AppDatabase) {
        self.database = database
    }

    /// What the article page shows.
    public struct Line: Sendable, Equatable {
        public let stewardship: Stewardship
        public let ownerName: String?
        public let ownerIsActive: Bool
        public let reviewedByName: String?
        /// The owner or a manager of the page.
        public let canMarkReviewed: Bool
    }

    public func line(ofArticle id: Int64, for principal: Principal) async throws -> Line? {
        try await database.read(as: principal) { viewer in try viewer.stewardshipLine(ofArticle: id) }
    }

    /// Records a review now, without a new revision: for the page's owner and managers.
    public func markReviewed(articleId: Int64, by principal: Principal) async throws {
        let userId = try principal.authorId()
        let policy = AccessPolicy(principal)
        try await database.writer.write { db in
            guard let article = try policy.readableArticle(id: articleId, db)
            else { throw NotFound() }
            let stewardship = try Stewardship.of(articleId: articleId, categoryId: article.categoryId, createdAt: article.createdAt,
                                                 defaults: .load(db), db)
            if stewardship.ownerId != userId { try policy.require(.manage, onArticle: article, db) }
            try db.execute(sql: """
                INSERT INTO articleStewardship (articleId, reviewedAt, reviewedById) VALUES (?, ?, ?)
                ON CONFLICT (articleId) DO UPDATE SET reviewedAt = excluded.reviewedAt, reviewedById = excluded.reviewedById
                """, arguments: [articleId, Date(), userId])
        }
    }

    /// What a page or a category sets itself, for its managers' form.
    public struct Setting: Sendable, Equatable {
        public var ownerId: Int64?
        public var reviewMonths: Int?

        public init(ownerId: Int64?, reviewMonths: Int?) {
            self.ownerId = ownerId
            self.reviewMonths = reviewMonths
        }
    }

    /// A person who may own pages here: active and able to read them.
    public struct Candidate: Sendable, Equatable {
        public let id: Int64
        public let name: String
    }

    public func setting(ofArticle id: Int64, for principal: Principal) async throws -> (own: Setting, inherited: Setting, candidates: [Candidate]) {
        let policy = AccessPolicy(principal)
        return try await database.reader.read { db in
            guard let article = try Article.filter(key: id).filter(Article.live).fetchOne(db) else { throw NotFound() }
            try policy.require(.manage, onArticle: article, db)
            let row = try Row.fetchOne(db, sql: "SELECT ownerId, reviewMonths FROM articleStewardship WHERE articleId = ?", arguments: [id])
            let inherited = try Stewardship.Defaults.load(db).inherited(by: article.categoryId)
            return (Setting(ownerId: row?["ownerId"], reviewMonths: row?["reviewMonths"]),
                    Setting(ownerId: inherited.ownerId, reviewMonths: inherited.reviewMonths), try Self.candidates(for: article, db))
        }
    }

    /// Sets the page's own owner and interval (nil: the category's).
    public func set(_ setting: Setting, ofArticle id: Int64, by principal: Principal) async throws {
        let policy = AccessPolicy(principal)
        try await database.writer.write { db in
            guard let article = try Article.filter(key: id).filter(Article.live).fetchOne(db) else { throw NotFound() }
            try policy.require(.manage, onArticle: article, db)
            try Self.validate(setting, candidates: try Self.candidates(for: article, db))
            try db.execute(sql: """
                INSERT INTO articleStewardship (articleId, ownerId, reviewMonths) VALUES (?, ?, ?)
                ON CONFLICT (articleId) DO UPDATE SET ownerId = excluded.ownerId, reviewMonths = excluded.reviewMonths
                """, arguments: [id, setting.ownerId, setting.reviewMonths])
        }
    }

    /// A category's defaults for the pages in it and below, for its managers.
    public func setting(ofCategory id: Int64, for principal: Principal) async throws -> (own: Setting, candidates: [Candidate]) {
        let policy = AccessPolicy(principal)
        return try await database.reader.read { db in
            try policy.require(.manage, inCategory: id, db)
            let row = try Row.fetchOne(db, sql: "SELECT ownerId, reviewMonths FROM categoryStewardship WHERE categoryId = ?", arguments: [id])
            return (Setting(ownerId: row?["ownerId"], reviewMonths: row?["reviewMonths"]), try Self.activeUsers(db))
        }
    }

    public func set(_ setting: Setting, ofCategory id: Int64, by principal: Principal) async throws {
        let policy = AccessPolicy(principal)
        try await database.writer.write { db in
            try policy.require(.manage, inCategory: id, db)
            try Self.validate(setting, candidates: try Self.activeUsers(db))
            try db.execute(sql: """
                INSERT INTO categoryStewardship (categoryId, ownerId, reviewMonths) VALUES (?, ?, ?)
                ON CONFLICT (categoryId) DO UPDATE SET ownerId = excluded.ownerId, reviewMonths = excluded.reviewMonths
                """, arguments: [id, setting.ownerId, setting.reviewMonths])
        }
    }

    // MARK: Lists

    /// A page in a content-health list.
    public struct Page: Sendable, Equatable {
        public let slug: String
        public let title: String
        public let categoryId: Int64
        public let ownerName: String?
        public let updatedAt: Date
        public let nextReview: Date?
        /// For broken links: the targets that lead nowhere.
        public var brokenTargets: [String] = []
    }

    /// The content-health lists, of the pages in categories the principal manages.
    public struct Health: Sendable {
        public var overdue: [Page] = []
        public var withoutOwner: [Page] = []
        public var ownerLeft: [Page] = []
        public var untouched: [Page] = []
        /// Not read by anyone for ``StewardshipService/unreadMonths`` (counted since Lore began counting views).
        public var unread: [Page] = []
        public var brokenLinks: [Page] = []
        public var orphans: [Page] = []
    }

    /// Pages not edited for this long are listed as untouched.
    public static let untouchedMonths = 12
    public static let unreadMonths = 6

    public func health(inCategory categoryId: Int64? = nil, for principal: Principal, now: Date = Date()) async throws -> Health {
        let policy = AccessPolicy(principal)
        return try await database.reader.read { db in
            var condition: SQL = "a.deletedAt IS NULL AND \(policy.readableArticles("a")) AND \(policy.categories("a.categoryId", atLeast: .manage))"
            if let categoryId { condition += " AND \(Category.inSubtree("a.categoryId", of: categoryId))" }
            let request: SQLRequest<Row> = """
                SELECT a.id, a.slug, a.title, a.categoryId, a.createdAt, a.updatedAt, s.ownerId, s.reviewMonths, s.reviewedAt, s.reviewedById,
                       (SELECT lastViewedAt FROM articleView v WHERE v.articleId = a.id) AS lastViewedAt,
                       EXISTS (SELECT 1 FROM articleLink l WHERE l.kind = 'article'
                               AND (l.targetKey = a.slug OR l.targetKey = a.titleKey
                                    OR l.targetKey IN (SELECT slug FROM slugRedirect WHERE articleId = a.id))
                               AND l.sourceId IN (SELECT id FROM article WHERE deletedAt IS NULL AND id != a.id)) AS linked
                FROM article a LEFT JOIN articleStewardship s ON s.articleId = a.id
                WHERE \(condition) ORDER BY a.title
                """
            let defaults = try Stewardship.Defaults.load(db)
            let users = Dictionary(uniqueKeysWithValues: try User.fetchAll(db).compactMap { user in user.id.map { ($0, user) } })
            let untouchedSince = Calendar(identifier: .gregorian).date(byAdding: .month, value: -Self.untouchedMonths, to: now) ?? now
            let unreadSince = Calendar(identifier: .gregorian).date(byAdding: .month, value: -Self.unreadMonths, to: now) ?? now
            var health = Health()
            var ids: [Int64: Int] = [:]
            var pages: [Page] = []
            for row in try request.fetchAll(db) {
                let stewardship = Stewardship.resolve(row, categoryId: row["categoryId"], createdAt: row["createdAt"], defaults: defaults)
                let owner = stewardship.ownerId.flatMap { users[$0] }
                let page = Page(slug: row["slug"], title: row["title"], categoryId: row["categoryId"], ownerName: owner?.displayName,
                                updatedAt: row["updatedAt"], nextReview: stewardship.nextReview)
                ids[row["id"]] = pages.count
                pages.append(page)
                if stewardship.needsReview(now: now) { health.overdue.append(page) }
                if owner == nil { health.withoutOwner.append(page) } else if owner?.isActive == false { health.ownerLeft.append(page) }
                if page.updatedAt < untouchedSince { health.untouched.append(page) }
                if (row["lastViewedAt"] as Date? ?? row["createdAt"]) < unreadSince { health.unread.append(page) }
                if row["linked"] == false { health.orphans.append(page) }
            }
            health.brokenLinks = try Self.brokenLinks(ids, pages, db)
            return health
        }
    }

    /// Pages whose `[[links]]` lead to no live page (wiki links to clients are not checked here).
    private static func brokenLinks(_ ids: [Int64: Int], _ pages: [Page], _ db: Database) throws -> [Page] {
        guard !ids.isEmpty else { return [] }
        let rows = try Row.fetchAll(db, sql: """
            SELECT l.sourceId, l.targetKey FROM articleLink l
            WHERE l.kind = 'article' AND l.sourceId IN (SELECT value FROM json_each(?))
              AND NOT EXISTS (SELECT 1 FROM article t WHERE t.deletedAt IS NULL AND (t.slug = l.targetKey OR t.titleKey = l.targetKey))
              AND NOT EXISTS (SELECT 1 FROM slugRedirect r JOIN article t ON t.id = r.articleId AND t.deletedAt IS NULL WHERE r.slug = l.targetKey)
            ORDER BY l.sourceId, l.targetKey
            """, arguments: ["[" + ids.keys.map(String.init).joined(separator: ",") + "]"])
        var broken: [Int64: [String]] = [:]
        for row in rows { broken[row["sourceId"], default: []].append(row["targetKey"]) }
        return broken.compactMap { id, targets in
            ids[id].map { index in
                var page = pages[index]
                page.brokenTargets = targets
                return page
            }
        }.sorted { $0.title < $1.title }
    }

    /// The principal's own pages due for review, for their home page: pages they own
    /// themselves, and pages that inherit them as owner from a category.
    public func myOverdue(for principal: Principal, now: Date = Date()) async throws -> [Page] {
        guard let userId = principal.userId else { return [] }
        let policy = AccessPolicy(principal)
        return try await database.reader.read { db in
            let defaults = try Stewardship.Defaults.load(db)
            let ownedCategories = defaults.own.filter { $0.value.ownerId == userId }.keys.sorted()
            var owned: SQL = "s.ownerId = \(userId)"
            for categoryId in ownedCategories { owned += " OR (s.ownerId IS NULL AND \(Category.inSubtree("a.categoryId", of: categoryId)))" }
            let request: SQLRequest<Row> = """
                SELECT a.slug, a.title, a.categoryId, a.createdAt, a.updatedAt, s.ownerId, s.reviewMonths, s.reviewedAt, s.reviewedById
                FROM article a LEFT JOIN articleStewardship s ON s.articleId = a.id
                WHERE a.deletedAt IS NULL AND (\(owned)) AND \(policy.readableArticles("a")) ORDER BY a.title
                """
            return try request.fetchAll(db).compactMap { row -> Page? in
                let stewardship = Stewardship.resolve(row, categoryId: row["categoryId"], createdAt: row["createdAt"], defaults: defaults)
                guard stewardship.ownerId == userId, stewardship.needsReview(now: now) else { return nil }
                return Page(slug: row["slug"], title: row["title"], categoryId: row["categoryId"], ownerName: principal.displayName,
                            updatedAt: row["updatedAt"], nextReview: stewardship.nextReview)
            }
        }
    }

    /// Hands every page and category a person owns to another, in one step (when they leave).
    /// For those who manage users; returns how many pages and categories changed hands.
    @discardableResult
    public func reassign(from userId: Int64, to successorId: Int64, by principal: Principal) async throws -> Int {
        guard principal.has(.usersManage) else { throw NotFound() }
        return try await database.writer.write { db in
            guard let user = try User.fetchOne(db, key: userId) else { throw NotFound() }
            guard let successor = try User.filter(key: successorId).filter(Column("isActive") == true).fetchOne(db), successorId != userId else {
                throw ValidationError(field: "successor", .notFound)
            }
            try db.execute(sql: "UPDATE articleStewardship SET ownerId = ? WHERE ownerId = ?", arguments: [successorId, userId])
            var changed = db.changesCount
            try db.execute(sql: "UPDATE categoryStewardship SET ownerId = ? WHERE ownerId = ?", arguments: [successorId, userId])
            changed += db.changesCount
            try AuditLog.record(.ownershipReassigned, by: principal, subject: "\(user.username) → \(successor.username): \(changed)", db)
            return changed
        }
    }

    /// How many pages and categories a person owns (their own setting, not inherited).
    public func ownedCount(of userId: Int64) async throws -> Int {
        try await database.reader.read { db in
            try Int.fetchOne(db, sql: """
                SELECT (SELECT COUNT(*) FROM articleStewardship s JOIN article a ON a.id = s.articleId AND a.deletedAt IS NULL WHERE s.ownerId = ?)
                     + (SELECT COUNT(*) FROM categoryStewardship WHERE ownerId = ?)
                """, arguments: [userId, userId]) ?? 0
        }
    }

    // MARK: Helpers

    private static func validate(_ setting: Setting, candidates: [Candidate]) throws {
        if let months = setting.reviewMonths, !(1...Stewardship.maxReviewMonths).contains(months) {
            throw ValidationError(field: "reviewMonths", .invalidText)
        }
        if let owner = setting.ownerId, !candidates.contains(where: { $0.id == owner }) {
            throw ValidationError(field: "owner", .notFound)
        }
    }

    /// Active people who may read the article.
    private static func candidates(for article: Article, _ db: Database) throws -> [Candidate] {
        try User.filter(Column("isActive") == true).order(Column("displayName")).fetchAll(db).compactMap { user in
            guard let id = user.id, let principal = try PrincipalLoader.principal(userId: id, db),
                  try AccessPolicy(principal).canRead(article, db) else { return nil }
            return Candidate(id: id, name: user.displayName)
        }
    }

    private static func activeUsers(_ db: Database) throws -> [Candidate] {
        try User.filter(Column("isActive") == true).order(Column("displayName")).fetchAll(db).compactMap { user in
            user.id.map { Candidate(id: $0, name: user.displayName) }
        }
    }
}
