import Foundation
import GRDB

/// Roles, what they may do per category, and who holds them.
public struct RoleService: Sendable {
    let database: AppDatabase

    public init(database: AppDatabase) {
        self.database = database
    }

    public func roles() async throws -> [Role] {
        try await database.reader.read { db in try Role.order(Column("name")).fetchAll(db) }
    }

    public func role(kind: Role.Kind) async throws -> Role {
        try await database.reader.read { db in
            guard let role = try Role.filter(Column("kind") == kind.rawValue).fetchOne(db) else { throw NotFound() }
            return role
        }
    }

    public func create(name: String, capabilities: Set<Capability> = [], by principal: Principal) async throws -> Role {
        guard principal.has(.rolesManage) else { throw NotFound() }
        return try await database.writer.write { db in
            var role = Role(id: nil, name: try Self.validName(name, excluding: nil, db), kind: nil, createdAt: Date())
            try role.insert(db)
            try Self.setCapabilities(capabilities, of: role, db)
            try AuditLog.record(.roleCreated, by: principal, subject: role.name, db)
            return role
        }
    }

    /// One role with its capabilities and how many users hold it, for those who manage roles.
    public func details(id: Int64, by principal: Principal) async throws -> RoleDetails {
        guard principal.has(.rolesManage) else { throw NotFound() }
        return try await database.reader.read { db in
            guard let role = try Role.fetchOne(db, id: id) else { throw NotFound() }
            let capabilities = try String.fetchAll(db, sql: "SELECT capability FROM roleCapability WHERE roleId = ?", arguments: [id])
            let members = try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM userRole JOIN user ON user.id = userRole.userId WHERE roleId = ? AND user.isActive
                """, arguments: [id]) ?? 0
            return RoleDetails(role: role, capabilities: Set(capabilities.compactMap(Capability.init(rawValue:))), activeMembers: members)
        }
    }

    /// Renames a role and sets its capabilities. Administrators hold every capability whatever
    /// is stored, and Guest may hold none: a capability must never reach someone unknown.
    public func update(id: Int64, name: String, capabilities: Set<Capability>, by principal: Principal) async throws {
        guard principal.has(.rolesManage) else { throw NotFound() }
        try await database.writer.write { db in
            guard var role = try Role.fetchOne(db, id: id) else { throw NotFound() }
            let name = try Self.validName(name, excluding: id, db)
            let before = role.name
            role.name = name
            try role.update(db)
            try Self.setCapabilities(capabilities, of: role, db)
            let change = before == name ? name : "\(before) → \(name)"
            try AuditLog.record(.roleChanged, by: principal, subject: "\(change): \(capabilities.map(\.rawValue).sorted().joined(separator: ", "))", db)
        }
    }

    /// Deletes a role of the company's own: its holders lose it and its grants go. An article
    /// restricted to this role alone stays restricted — to administrators — rather than
    /// silently opening to its whole category.
    public func delete(id: Int64, by principal: Principal) async throws {
        guard principal.has(.rolesManage) else { throw NotFound() }
        try await database.writer.write { db in
            guard let role = try Role.fetchOne(db, id: id) else { throw NotFound() }
            if role.kind != nil { throw AccessDenied() }
            guard let administrator = try Role.id(of: .administrator, db) else { throw NotFound() }
            try db.execute(sql: """
                INSERT INTO articleRestriction (articleId, roleId)
                SELECT articleId, ? FROM articleRestriction r WHERE roleId = ?
                AND NOT EXISTS (SELECT 1 FROM articleRestriction o WHERE o.articleId = r.articleId AND o.roleId <> r.roleId)
                """, arguments: [administrator, id])
            _ = try Role.deleteOne(db, id: id)
            try EffectiveGrants.rebuild(db)
            try AuditLog.record(.roleDeleted, by: principal, subject: role.name, db)
        }
    }

    private static func validName(_ name: String, excluding id: Int64?, _ db: Database) throws -> String {
        var validator = Validator()
        let name = validator.text("name", name, maxBytes: 100)
        try validator.check()
        var duplicates = Role.filter(Column("name").collating(.nocase) == name)
        if let id { duplicates = duplicates.filter(Column("id") != id) }
        if try duplicates.fetchCount(db) > 0 { throw ValidationError(field: "name", .duplicate) }
        return name
    }

    private static func setCapabilities(_ capabilities: Set<Capability>, of role: Role, _ db: Database) throws {
        guard let id = role.id else { return }
        try db.execute(sql: "DELETE FROM roleCapability WHERE roleId = ?", arguments: [id])
        guard role.kind != .administrator, role.kind != .guest else { return }
        for capability in capabilities.sorted(by: { $0.rawValue < $1.rawValue }) {
            try db.execute(sql: "INSERT INTO roleCapability (roleId, capability) VALUES (?, ?)", arguments: [id, capability.rawValue])
        }
    }

    /// The whole grid, for those who manage roles.
    public func accessGrid(by principal: Principal) async throws -> AccessGrid {
        guard principal.has(.rolesManage) else { throw NotFound() }
        let tree = try await CategoryService(database: database).tree(for: principal)
        return try await database.reader.read { db in
            let roles = try Role.order(Column("name")).fetchAll(db)
            let grants = try GrantTable(db, category: nil)
            var rows: [AccessGrid.Row] = []
            func visit(_ nodes: [CategoryNode], depth: Int) {
                for node in nodes {
                    guard let id = node.category.id else { continue }
                    rows.append(.init(category: node.category, depth: depth, cells: roles.map { grants.cell(role: $0, category: id) }))
                    visit(node.children, depth: depth + 1)
                }
            }
            visit(tree, depth: 0)
            return AccessGrid(roles: roles, rows: rows)
        }
    }

    /// One category's row of the grid, for those who manage roles or manage that category.
    public func grants(category categoryId: Int64, by principal: Principal) async throws -> AccessGrid {
        try await database.reader.read { db in
            if !principal.has(.rolesManage) { try AccessPolicy(principal).require(.manage, inCategory: categoryId, db) }
            guard let category = try Category.fetchOne(db, id: categoryId) else { throw NotFound() }
            let roles = try Role.order(Column("name")).fetchAll(db)
            let grants = try GrantTable(db, category: categoryId)
            return AccessGrid(roles: roles, rows: [.init(category: category, depth: 0,
                                                         cells: roles.map { grants.cell(role: $0, category: categoryId) })])
        }
    }

    /// Sets one role's own grant on a category; `nil` removes it, so the category inherits again.
    public func setGrant(_ level: AccessLevel?, role roleId: Int64, category categoryId: Int64, by principal: Principal) async throws {
        try await setGrants([roleId: level], category: categoryId, by: principal)
    }

    /// Sets several roles' own grants on a category in one transaction (`nil`: inherit).
    public func setGrants(_ grants: [Int64: AccessLevel?], category categoryId: Int64, by principal: Principal) async throws {
        try await database.writer.write { [database] db in
            let policy = AccessPolicy(principal)
            if !principal.has(.rolesManage) { try policy.require(.manage, inCategory: categoryId, db) }
            guard let category = try Category.fetchOne(db, id: categoryId) else { throw NotFound() }
            for (roleId, level) in grants.sorted(by: { $0.key < $1.key }) {
                guard try Role.fetchOne(db, id: roleId) != nil else { throw ValidationError(field: "role", .notFound) }
                if let level {
                    try db.execute(sql: """
                        INSERT INTO categoryGrant (categoryId, roleId, level) VALUES (?, ?, ?)
                        ON CONFLICT (categoryId, roleId) DO UPDATE SET level = excluded.level
                        """, arguments: [categoryId, roleId, level.rawValue])
                } else {
                    try db.execute(sql: "DELETE FROM categoryGrant WHERE categoryId = ? AND roleId = ?", arguments: [categoryId, roleId])
                }
                try AuditLog.record(.grantChanged, by: principal,
                                    subject: "category \(categoryId) role \(roleId): \(level.map { "\($0)" } ?? "inherit")", db)
            }
            try EffectiveGrants.rebuild(db)
            // Once per person, however many of their roles changed. Nothing about the category
            // itself: it may be one they can no longer see.
            let holders = try Int64.fetchAll(db, sql: "SELECT DISTINCT userId FROM userRole WHERE roleId IN (SELECT value FROM json_each(?))",
                                             arguments: ["[" + grants.keys.map(String.init).joined(separator: ",") + "]"])
            try Notifier(mail: database.mail).send(NotificationEvent(kind: .access, event: "grants", subject: nil, actorId: principal.userId, suffix: "/"),
                                                   to: Set(holders), db)
            // Grants of its own decide how much of the path above its articles are indexed with.
            try SearchIndex.updateArticles(inCategoryTree: category.path, db)
        }
    }

    /// The roles an article is restricted to; empty when its category's rights alone apply.
    public func restriction(of articleId: Int64) async throws -> Set<Int64> {
        try await database.reader.read { db in
            Set(try Int64.fetchAll(db, sql: "SELECT roleId FROM articleRestriction WHERE articleId = ?", arguments: [articleId]))
        }
    }

    /// Limits who may read an article to the given roles (on top of its category's rights);
    /// an empty set lifts the limit.
    public func restrict(article articleId: Int64, to roleIds: Set<Int64>, by principal: Principal) async throws {
        try await database.writer.write { db in
            guard let article = try Article.fetchOne(db, id: articleId) else { throw NotFound() }
            try AccessPolicy(principal).require(.manage, onArticle: article, db)
            try db.execute(sql: "DELETE FROM articleRestriction WHERE articleId = ?", arguments: [articleId])
            for roleId in roleIds {
                try db.execute(sql: "INSERT INTO articleRestriction (articleId, roleId) VALUES (?, ?)", arguments: [articleId, roleId])
            }
            try AuditLog.record(.articleRestricted, by: principal,
                                subject: "article \(articleId): roles \(roleIds.sorted())", db)
        }
    }
}
