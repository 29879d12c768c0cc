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
        guard principal.has(.rolesManage) else { throw AccessDenied() }
        return try await database.writer.write { db in
            var validator = Validator()
            let name = validator.text("name", name, maxBytes: 100)
            try validator.check()
            if try Role.filter(Column("name").collating(.nocase) == name).fetchCount(db) > 0 {
                throw ValidationError(field: "name", .duplicate)
            }
            var role = Role(id: nil, name: name, kind: nil, createdAt: Date())
            try role.insert(db)
            for capability in capabilities {
                try db.execute(sql: "INSERT INTO roleCapability (roleId, capability) VALUES (?, ?)", arguments: [role.id, capability.rawValue])
            }
            try AuditLog.record(.roleCreated, actor: principal.userId, subject: name, address: "", db)
            return role
        }
    }

    /// The whole grid, for those who manage roles.
    public func accessGrid(by principal: Principal) async throws -> AccessGrid {
        guard principal.has(.rolesManage) else { throw NotFound() }
        let tree = try await CategoryService(database: database).tree(for: principal)
        return try await database.reader.read { db in
            let roles = try Role.order(Column("name")).fetchAll(db)
            var effective: [Int64: [Int64: (AccessLevel, Int64)]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT categoryId, roleId, level, sourceCategoryId FROM effectiveGrant") {
                effective[row["categoryId"], default: [:]][row["roleId"]] = (AccessLevel(rawValue: row["level"]) ?? .none, row["sourceCategoryId"])
            }
            var own: [Int64: [Int64: AccessLevel]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT categoryId, roleId, level FROM categoryGrant") {
                own[row["categoryId"], default: [:]][row["roleId"]] = AccessLevel(rawValue: row["level"]) ?? AccessLevel.none
            }
            var rows: [AccessGrid.Row] = []
            func visit(_ nodes: [CategoryNode], depth: Int) {
                for node in nodes {
                    guard let id = node.category.id else { continue }
                    let cells = roles.map { role -> AccessGrid.Cell in
                        guard let roleId = role.id else { return .init(level: .none, sourceCategoryId: nil, own: nil) }
                        if role.kind == .administrator { return .init(level: .manage, sourceCategoryId: nil, own: nil) }
                        let applied = effective[id]?[roleId]
                        return .init(level: applied?.0 ?? .none, sourceCategoryId: applied?.1, own: own[id]?[roleId])
                    }
                    rows.append(.init(category: node.category, depth: depth, cells: cells))
                    visit(node.children, depth: depth + 1)
                }
            }
            visit(tree, depth: 0)
            return AccessGrid(roles: roles, rows: rows)
        }
    }

    /// Sets one role's own grant on a category; `nil` removes it, so the category inherits again.
    public func setGrant(_ level: AccessLevel?, role roleId: Int64, category categoryId: Int64, by principal: Principal) async throws {
        try await setGrants([roleId: level], category: categoryId, by: principal)
    }

    /// Sets several roles' own grants on a category in one transaction (`nil`: inherit).
    public func setGrants(_ grants: [Int64: AccessLevel?], category categoryId: Int64, by principal: Principal) async throws {
        try await database.writer.write { db in
            let policy = AccessPolicy(principal)
            if !principal.has(.rolesManage) { try policy.require(.manage, inCategory: categoryId, db) }
            guard try Category.fetchOne(db, id: categoryId) != nil else { throw NotFound() }
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
                try AuditLog.record(.grantChanged, actor: principal.userId,
                                    subject: "category \(categoryId) role \(roleId): \(level.map { "\($0)" } ?? "inherit")", address: "", db)
            }
            try EffectiveGrants.rebuild(db)
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
            try AuditLog.record(.articleRestricted, actor: principal.userId,
                                subject: "article \(articleId): roles \(roleIds.sorted())", address: "", db)
        }
    }
}
