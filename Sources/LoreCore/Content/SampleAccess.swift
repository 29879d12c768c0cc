import Foundation
import GRDB

/// The roles, rights and demo accounts that come with the sample content, so that a newcomer
/// sees access rights at work on the first start: HR's internal notes are for HR only, sales
/// material for sales, regulations are edited by HR and read by everyone.
public struct SampleAccess: Sendable {
    public struct DemoUser: Sendable {
        public let username: String
        public let displayName: String
        public let roles: [String]
        /// Generated at first start and shown once.
        public let password: String
    }

    struct Grant {
        let path: String
        let role: String
        let level: AccessLevel
    }

    static let roles = ["HR", "Sales"]
    /// Sales keeps the client registry; deleting cards stays with administrators.
    static let capabilities: [String: Set<Capability>] = [
        "Sales": [.clientsRead, .clientsEdit, .clientsExport],
        // HR keeps the acknowledgement sheets of every regulation.
        "HR": [.acknowledgementsReport],
    ]
    static let grants = [
        Grant(path: "personal/otdel-personala", role: Role.Kind.employee.defaultName, level: .none),
        Grant(path: "personal/otdel-personala", role: "HR", level: .manage),
        Grant(path: "personal", role: "HR", level: .manage),
        Grant(path: "prodazhi", role: Role.Kind.employee.defaultName, level: .none),
        Grant(path: "prodazhi", role: "Sales", level: .edit),
        Grant(path: "konkurenty", role: Role.Kind.employee.defaultName, level: .none),
        Grant(path: "konkurenty", role: "Sales", level: .read),
        // The sales scripts' template points at the team's own scripts: for Sales only, like them.
        Grant(path: "templates/prodazhi", role: Role.Kind.employee.defaultName, level: .none),
        Grant(path: "templates/prodazhi", role: "Sales", level: .edit),
        Grant(path: "reglamenty", role: Role.Kind.employee.defaultName, level: .read),
        Grant(path: "reglamenty", role: "HR", level: .edit),
    ]
    static let users = [
        (username: "marina", displayName: "Марина Соколова", email: "marina.sokolova@lore.example", roles: ["HR"]),
        (username: "sergey", displayName: "Сергей Волков", email: "sergey.volkov@lore.example", roles: ["Sales"]),
        (username: "olga", displayName: "Ольга Кузнецова", email: "olga.kuznetsova@lore.example", roles: ["Sales"]),
        (username: "dmitry", displayName: "Дмитрий Орлов", email: "dmitry.orlov@lore.example", roles: ["Sales"]),
        (username: "ivan", displayName: "Иван Петров", email: "ivan.petrov@lore.example", roles: [String]()),
    ]
    /// Marina and the sales team have worked here for months or years; Ivan is the newcomer whose reading plan
    /// starts at his first sign-in.
    static let profiles = [
        "marina": (position: "Менеджер по персоналу", department: "Отдел персонала", since: 200),
        "sergey": (position: "Менеджер по продажам", department: "Отдел продаж", since: 120),
        "olga": (position: "Менеджер по продажам", department: "Отдел продаж, Москва", since: 400),
        "dmitry": (position: "Руководитель отдела продаж", department: "Отдел продаж", since: 2_900),
        "ivan": (position: "Специалист службы поддержки", department: "Служба поддержки", since: nil as Int?),
    ]
    /// Every employee reads and confirms the regulations within two weeks; the requirement
    /// started 20 days ago, so those who have not confirmed are overdue.
    static let regulationsPath = "reglamenty"
    static let readingDueDays = 14
    static let readingStartedDaysAgo = 20

    let database: AppDatabase
    let passwordCost: UInt8
    /// The imported content folder, whose pages' earlier versions (``SampleHistory``) need the demo accounts.
    let content: URL?

    public init(database: AppDatabase, passwordCost: UInt8 = 12, content: URL? = nil) {
        self.database = database
        self.passwordCost = passwordCost
        self.content = content
    }

    /// Creates the roles, grants and demo users; categories missing from the content are skipped.
    /// The demo users get `password` when given, otherwise each a random one.
    public func apply(by administrator: Principal, password fixedPassword: String? = nil) async throws -> [DemoUser] {
        let roleService = RoleService(database: database)
        var roleIds: [String: Int64] = [:]
        for role in try await roleService.roles() { roleIds[role.name] = role.id }
        for name in Self.roles where roleIds[name] == nil {
            roleIds[name] = try await roleService.create(name: name, by: administrator).id
        }
        for (name, capabilities) in Self.capabilities {
            guard let roleId = roleIds[name] else { continue }
            try await roleService.update(id: roleId, name: name, capabilities: capabilities, by: administrator)
        }
        let categories = CategoryService(database: database)
        for grant in Self.grants {
            guard let category = try? await categories.category(path: grant.path, for: administrator),
                  let categoryId = category.id, let roleId = roleIds[grant.role] else { continue }
            try await roleService.setGrant(grant.level, role: roleId, category: categoryId, by: administrator)
        }
        let accounts = UserAdministration(database: database, passwordCost: passwordCost)
        var created: [DemoUser] = []
        for user in Self.users {
            let password = fixedPassword ?? UserService.randomPassword()
            _ = try await accounts.create(
                username: user.username, displayName: user.displayName, email: user.email, password: .given(password),
                roleIds: Set(user.roles.compactMap { roleIds[$0] }), by: administrator)
            created.append(DemoUser(username: user.username, displayName: user.displayName, roles: user.roles, password: password))
        }
        if let content { try await SampleHistory(database: database).apply(content: content) }
        try await assignOwners()
        try await requireApproval()
        if let employee = try await roleService.roles().first(where: { $0.kind == .employee })?.id,
           let regulations = try? await categories.category(path: Self.regulationsPath, for: administrator), let categoryId = regulations.id {
            try await requireReading(in: categoryId, by: employee, administrator: try administrator.authorId())
        }
        return created
    }

    /// Who answers for which part of the sample, and how often it is reviewed.
    static let owners = [(path: "reglamenty", owner: "marina", months: 12), (path: "personal", owner: "marina", months: 6),
                         (path: "prodazhi", owner: "sergey", months: 6)]
    /// Reviewed long ago (overdue now) and lately, so the first start shows both.
    static let reviews = [(slug: "rezhim-rabochego-vremeni", monthsAgo: 13), (slug: "informatsionnaya-bezopasnost", monthsAgo: 2)]

    private func assignOwners() async throws {
        let now = Date()
        try await database.writer.write { db in
            for owner in Self.owners {
                try db.execute(sql: """
                    INSERT INTO categoryStewardship (categoryId, ownerId, reviewMonths)
                    SELECT category.id, user.id, ? FROM category, user WHERE category.path = ? AND user.username = ?
                    """, arguments: [owner.months, owner.path, owner.owner])
            }
            for review in Self.reviews {
                let at = Calendar(identifier: .gregorian).date(byAdding: .month, value: -review.monthsAgo, to: now) ?? now
                try db.execute(sql: """
                    INSERT INTO articleStewardship (articleId, reviewedAt, reviewedById)
                    SELECT article.id, ?, user.id FROM article, user WHERE article.slug = ? AND user.username = 'marina'
                    """, arguments: [at, review.slug])
            }
        }
    }

    /// Regulations change only with the approval of their managers; Marina's change to the
    /// remote-work rules waits for it, so that nobody else sees its new paragraph yet.
    static let approvalPath = "reglamenty"
    static let pendingSlug = "udalennaya-rabota"
    static let pendingParagraph = """

        ## С 1 января 2027 года

        Удалённо можно работать до трёх дней в неделю по согласованию с руководителем; \
        компенсация связи — 1 500 ₽ в месяц.
        """

    private func requireApproval() async throws {
        let now = Date()
        try await database.writer.write { db in
            try db.execute(sql: "INSERT INTO approvalRule (categoryId, required) SELECT id, 1 FROM category WHERE path = ?",
                           arguments: [Self.approvalPath])
            try db.execute(sql: """
                INSERT INTO pendingChange (articleId, categoryId, authorId, baseRevision, title, slug, body, summary, state, comment, createdAt, updatedAt)
                SELECT article.id, article.categoryId, user.id, article.revision, article.title, article.slug, article.body || ?,
                       'Новые правила с 2027 года', 'pending', '', ?, ?
                FROM article, user WHERE article.slug = ? AND user.username = 'marina'
                """, arguments: [Self.pendingParagraph, now.addingTimeInterval(-2 * 86_400), now.addingTimeInterval(-2 * 86_400), Self.pendingSlug])
        }
    }

    /// The regulations to read and confirm, with Marina having confirmed them all and Sergey
    /// the first only; written as the history would have left them.
    private func requireReading(in categoryId: Int64, by employee: Int64, administrator: Int64) async throws {
        let day: TimeInterval = 86_400
        let now = Date()
        try await database.writer.write { db in
            for (username, profile) in Self.profiles {
                try db.execute(sql: "UPDATE user SET position = ?, department = ?, firstSignInAt = ? WHERE username = ?", arguments: [
                    profile.position, profile.department, profile.since.map { now.addingTimeInterval(-Double($0) * day) }, username,
                ])
            }
            let started = now.addingTimeInterval(-Double(Self.readingStartedDaysAgo) * day)
            let request: SQLRequest<Row> = """
                SELECT id, revision FROM article WHERE deletedAt IS NULL AND \(Category.inSubtree("categoryId", of: categoryId))
                ORDER BY position, title
                """
            let articles = try request.fetchAll(db)
            for (index, article) in articles.enumerated() {
                let id: Int64 = article["id"]
                let revision: Int = article["revision"]
                try ReadingRequirement(articleId: id, dueDays: Self.readingDueDays, sinceRevision: revision, sinceAt: started,
                                       setById: administrator, setAt: started).insert(db)
                try db.execute(sql: "INSERT INTO readingRequirementRole (articleId, roleId) VALUES (?, ?)", arguments: [id, employee])
                for (username, daysAgo) in [("marina", 15), ("sergey", 12)] where username == "marina" || index == 0 {
                    try db.execute(sql: """
                        INSERT INTO acknowledgement (userId, articleId, revision, at, address)
                        SELECT id, ?, ?, ?, '10.0.0.12' FROM user WHERE username = ?
                        """, arguments: [id, revision, now.addingTimeInterval(-Double(daysAgo) * day), username])
                }
            }
        }
    }
}
