import Foundation
import GRDB

/// Read and confirm: a page's managers require chosen roles to confirm that they read it; each
/// person who holds such a role and may read the page confirms the current revision with one
/// button; a significant change asks everyone again. Nobody is ever asked about, or shown in a
/// report for, a page they may not read.
public struct AcknowledgementService: Sendable {
    let database: AppDatabase

    public init(database: AppDatabase) {
        self.database = database
    }

    // MARK: The reader

    /// What the page asks of the reader: nil when it asks nothing of them.
    public struct Status: Sendable, Equatable {
        /// The reader's roles the page names.
        public let roles: [String]
        /// Nil until the reader first signs in.
        public let due: Date?
        public let isOverdue: Bool
        /// The reader has confirmed a revision the requirement still counts.
        public let isConfirmed: Bool
        /// The last revision the reader confirmed, and when.
        public let confirmedRevision: Int?
        public let confirmedAt: Date?
        /// The page's current revision, the one a confirmation now records.
        public let revision: Int
    }

    public func status(ofArticle id: Int64, for principal: Principal, now: Date = Date()) async throws -> Status? {
        try await database.read(as: principal) { viewer in
            guard let article = try viewer.policy.readableArticle(id: id, viewer.db) else { return nil }
            return try viewer.readingStatus(of: article, now: now)
        }
    }

    /// The page changed after the reader opened it: they confirm only what they saw.
    public struct PageChanged: Error, Equatable, Sendable {
        public let revision: Int
    }

    /// Records that the principal read `revision`, the page's current one. Asked of nobody else.
    public func acknowledge(articleId: Int64, revision: Int, by principal: Principal) async throws {
        let userId = try principal.authorId()
        let policy = AccessPolicy(principal)
        try await database.writer.write { db in
            guard let article = try policy.readableArticle(id: articleId, db)
            else { throw NotFound() }
            guard try ReadingRequirement.fetchOne(db, key: articleId) != nil,
                  try !Self.roleNames(of: articleId, among: principal.roleIds, db).isEmpty else { throw AccessDenied() }
            guard revision == article.revision else { throw PageChanged(revision: article.revision) }
            let already = try Acknowledgement.filter(Column("userId") == userId && Column("articleId") == articleId
                                                     && Column("revision") == revision).fetchCount(db)
            guard already == 0 else { return }
            var acknowledgement = Acknowledgement(id: nil, userId: userId, articleId: articleId, revision: revision, at: Date(),
                                                  address: principal.address)
            try acknowledgement.insert(db)
        }
    }

    /// A page the reader must still confirm, for their home page.
    public struct Pending: Sendable, Equatable {
        public let slug: String
        public let title: String
        public let due: Date?
        public let isOverdue: Bool
        /// They confirmed an earlier revision: the page changed significantly since.
        public let confirmedRevision: Int?
    }

    /// Every page the principal must still confirm, soonest due first: a newcomer's reading plan.
    public func pending(for principal: Principal, now: Date = Date()) async throws -> [Pending] {
        guard let userId = principal.userId, !principal.roleIds.isEmpty else { return [] }
        let policy = AccessPolicy(principal)
        return try await database.reader.read { db in
            let firstSignIn = try Date?.fetchOne(db, sql: "SELECT firstSignInAt FROM user WHERE id = ?", arguments: [userId]) ?? nil
            let request: SQLRequest<Row> = """
                SELECT article.slug, article.title, r.*,
                       (SELECT MAX(revision) FROM acknowledgement k WHERE k.articleId = article.id AND k.userId = \(userId)) AS confirmed
                FROM readingRequirement r CROSS JOIN article ON article.id = r.articleId
                WHERE article.deletedAt IS NULL AND \(policy.readableArticles())
                  AND EXISTS (SELECT 1 FROM readingRequirementRole q WHERE q.articleId = r.articleId
                              AND q.roleId IN (SELECT value FROM json_each(\(Self.json(principal.roleIds)))))
                """
            return try request.fetchAll(db).compactMap { row -> Pending? in
                let requirement = try ReadingRequirement(row: row)
                let confirmed: Int? = row["confirmed"]
                guard (confirmed ?? 0) < requirement.sinceRevision else { return nil }
                let due = requirement.due(firstSignIn: firstSignIn)
                return Pending(slug: row["slug"], title: row["title"], due: due, isOverdue: due.map { $0 < now } == true,
                               confirmedRevision: confirmed)
            }.sorted { ($0.due ?? .distantFuture, $0.title) < ($1.due ?? .distantFuture, $1.title) }
        }
    }

    // MARK: The page's managers

    /// Who must confirm the page and in how many days.
    public struct Setting: Sendable, Equatable {
        public let roleIds: Set<Int64>
        public let dueDays: Int
        public let sinceRevision: Int?

        public init(roleIds: Set<Int64>, dueDays: Int, sinceRevision: Int? = nil) {
            self.roleIds = roleIds
            self.dueDays = dueDays
            self.sinceRevision = sinceRevision
        }
    }

    public static let defaultDueDays = 14

    public func setting(ofArticle id: Int64, for principal: Principal) async throws -> Setting {
        let policy = AccessPolicy(principal)
        return try await database.reader.read { db in
            guard let article = try Article.filter(key: id).filter(Article.live).fetchOne(db) else { throw NotFound() }
            try policy.require(.manage, onArticle: article, db)
            let requirement = try ReadingRequirement.fetchOne(db, key: id)
            let roles = try Int64.fetchAll(db, sql: "SELECT roleId FROM readingRequirementRole WHERE articleId = ?", arguments: [id])
            return Setting(roleIds: Set(roles), dueDays: requirement?.dueDays ?? Self.defaultDueDays, sinceRevision: requirement?.sinceRevision)
        }
    }

    /// Requires the roles (none: nothing is required any more) to confirm the page within
    /// `dueDays`. Confirmations already given keep counting; a newly required page counts from now.
    public func require(_ setting: Setting, ofArticle id: Int64, by principal: Principal) async throws {
        let author = try principal.authorId()
        let policy = AccessPolicy(principal)
        try await database.writer.write { db in
            guard let article = try Article.filter(key: id).filter(Article.live).fetchOne(db) else { throw NotFound() }
            try policy.require(.manage, onArticle: article, db)
            guard (1...ReadingRequirement.maxDueDays).contains(setting.dueDays) else { throw ValidationError(field: "dueDays", .invalidText) }
            let known = Set(try Int64.fetchAll(db, sql: "SELECT id FROM role WHERE kind IS NOT 'guest'"))
            guard setting.roleIds.isSubset(of: known) else { throw ValidationError(field: "roles", .notFound) }
            try db.execute(sql: "DELETE FROM readingRequirementRole WHERE articleId = ?", arguments: [id])
            guard !setting.roleIds.isEmpty else {
                try db.execute(sql: "DELETE FROM readingRequirement WHERE articleId = ?", arguments: [id])
                try AuditLog.record(.readingRequirementChanged, by: principal, subject: "\(article.slug): none", db)
                return
            }
            var requirement = try ReadingRequirement.fetchOne(db, key: id)
                ?? ReadingRequirement(articleId: id, dueDays: setting.dueDays, sinceRevision: article.revision, sinceAt: Date(),
                                      setById: author, setAt: Date())
            requirement.dueDays = setting.dueDays
            requirement.setById = author
            requirement.setAt = Date()
            try requirement.save(db)
            for roleId in setting.roleIds.sorted() {
                try db.execute(sql: "INSERT INTO readingRequirementRole (articleId, roleId) VALUES (?, ?)", arguments: [id, roleId])
            }
            let names = try Self.roleNames(of: id, among: Array(setting.roleIds), db)
            try AuditLog.record(.readingRequirementChanged, by: principal,
                                subject: "\(article.slug): \(names.joined(separator: ", ")), \(setting.dueDays) d", db)
        }
    }

    /// A significant change: everyone confirms `revision` again, within the same number of days.
    static func askAgain(articleId: Int64, revision: Int, _ db: Database) throws {
        try db.execute(sql: "UPDATE readingRequirement SET sinceRevision = ?, sinceAt = ? WHERE articleId = ?",
                       arguments: [revision, Date(), articleId])
    }

    // MARK: Reports

    /// Where a person stands with a page.
    public enum State: String, Sendable {
        case confirmed
        /// Confirmed an earlier revision; the page changed significantly since.
        case outdated
        case pending
        case overdue
    }

    /// One person asked to confirm the page.
    public struct Reader: Sendable, Equatable {
        public let userId: Int64
        public let name: String
        public let position: String
        public let department: String
        public let roles: [String]
        public let confirmedRevision: Int?
        public let confirmedAt: Date?
        public let due: Date?
        public let state: State
    }

    public struct Report: Sendable {
        public let article: Article
        public let roles: [String]
        public let dueDays: Int
        public let sinceRevision: Int
        public let readers: [Reader]
        /// Every department among the people asked, for the filter.
        public let departments: [String]
    }

    /// Who must confirm the page and where each stands, by name; for the page's managers and
    /// for holders of `acknowledgements.report` who may read it. `role` and `department` narrow it.
    public func report(ofArticle id: Int64, role: Int64? = nil, department: String? = nil, for principal: Principal,
                       now: Date = Date()) async throws -> Report {
        let policy = AccessPolicy(principal)
        return try await database.reader.read { db in
            guard let article = try Article.filter(key: id).filter(Article.live).fetchOne(db) else { throw NotFound() }
            if !principal.has(.acknowledgementsReport) { try policy.require(.manage, onArticle: article, db) }
            guard try policy.canRead(article, db), let requirement = try ReadingRequirement.fetchOne(db, key: id) else { throw NotFound() }
            let roleIds = try Int64.fetchAll(db, sql: "SELECT roleId FROM readingRequirementRole WHERE articleId = ?", arguments: [id])
            var readers: [Reader] = []
            var departments = Set<String>()
            for user in try Self.usersHolding(roleIds, db) {
                guard let userId = user.id, let reader = try PrincipalLoader.principal(userId: userId, db),
                      try AccessPolicy(reader).canRead(article, db) else { continue }
                let theirRoles = try Self.roleNames(of: id, among: reader.roleIds, db)
                if !user.department.isEmpty { departments.insert(user.department) }
                if let role, !reader.roleIds.contains(role) { continue }
                if let department, !department.isEmpty, user.department != department { continue }
                let last = try Self.lastConfirmation(of: userId, articleId: id, db)
                let due = requirement.due(firstSignIn: user.firstSignInAt)
                readers.append(Reader(userId: userId, name: user.displayName, position: user.position, department: user.department,
                                roles: theirRoles, confirmedRevision: last?.revision, confirmedAt: last?.at, due: due,
                                state: Self.state(last, requirement, due: due, now: now)))
            }
            return Report(article: article, roles: try Self.roleNames(of: id, among: roleIds, db), dueDays: requirement.dueDays,
                          sinceRevision: requirement.sinceRevision,
                          readers: readers.sorted { $0.name.localizedStandardCompare($1.name) == .orderedAscending },
                          departments: departments.sorted())
        }
    }

    /// One person's pages to confirm, among those the viewer may report on.
    public struct PersonLine: Sendable, Equatable {
        public let slug: String
        public let title: String
        public let confirmedRevision: Int?
        public let confirmedAt: Date?
        public let due: Date?
        public let state: State
    }

    public func report(ofUser userId: Int64, for principal: Principal, now: Date = Date()) async throws -> (user: User, lines: [PersonLine]) {
        guard principal.has(.acknowledgementsReport) || principal.userId == userId else { throw NotFound() }
        let viewer = AccessPolicy(principal)
        return try await database.reader.read { db in
            guard let user = try User.fetchOne(db, id: userId), let person = try PrincipalLoader.principal(userId: userId, db)
            else { throw NotFound() }
            let theirs = AccessPolicy(person)
            let request: SQLRequest<Row> = """
                SELECT article.*, r.dueDays, r.sinceRevision, r.sinceAt, r.setById, r.setAt, r.articleId
                FROM readingRequirement r CROSS JOIN article ON article.id = r.articleId
                WHERE article.deletedAt IS NULL AND \(viewer.readableArticles()) AND \(theirs.readableArticles())
                  AND EXISTS (SELECT 1 FROM readingRequirementRole q WHERE q.articleId = r.articleId
                              AND q.roleId IN (SELECT value FROM json_each(\(Self.json(person.roleIds)))))
                ORDER BY article.title
                """
            return (user, try request.fetchAll(db).map { row in
                let requirement = try ReadingRequirement(row: row)
                let last = try Self.lastConfirmation(of: userId, articleId: requirement.articleId, db)
                let due = requirement.due(firstSignIn: user.firstSignInAt)
                return PersonLine(slug: row["slug"], title: row["title"], confirmedRevision: last?.revision, confirmedAt: last?.at,
                                  due: due, state: Self.state(last, requirement, due: due, now: now))
            })
        }
    }

    // MARK: Helpers

    static func lastConfirmation(of userId: Int64, articleId: Int64, _ db: Database) throws -> Acknowledgement? {
        try Acknowledgement.filter(Column("userId") == userId && Column("articleId") == articleId)
            .order(Column("revision").desc, Column("at").desc).fetchOne(db)
    }

    private static func state(_ last: Acknowledgement?, _ requirement: ReadingRequirement, due: Date?, now: Date) -> State {
        if let last, last.revision >= requirement.sinceRevision { return .confirmed }
        if let due, due < now { return .overdue }
        return last == nil ? .pending : .outdated
    }

    /// The names of the roles the article requires, among `roleIds`.
    static func roleNames(of articleId: Int64, among roleIds: [Int64], _ db: Database) throws -> [String] {
        try String.fetchAll(db, sql: """
            SELECT role.name FROM readingRequirementRole q JOIN role ON role.id = q.roleId
            WHERE q.articleId = ? AND q.roleId IN (SELECT value FROM json_each(?)) ORDER BY role.name
            """, arguments: [articleId, json(roleIds)])
    }

    private static func usersHolding(_ roleIds: [Int64], _ db: Database) throws -> [User] {
        try User.fetchAll(db, sql: """
            SELECT * FROM user WHERE isActive AND id IN (SELECT userId FROM userRole WHERE roleId IN (SELECT value FROM json_each(?)))
            """, arguments: [json(roleIds)])
    }

    private static func json(_ ids: [Int64]) -> String {
        "[" + ids.map(String.init).joined(separator: ",") + "]"
    }
}
