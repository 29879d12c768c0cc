import Foundation
import GRDB

extension AppDatabase {
    /// Roles, per-category grants, article restrictions, sessions and the audit log.
    /// Existing data stays usable: the bootstrap account becomes an administrator and
    /// employees may edit every existing top-level category.
    static func addAccessRights(_ db: Database) throws {
        try db.alter(table: "user") { t in
            t.add(column: "isActive", .boolean).notNull().defaults(to: true)
        }
        try db.create(table: "role") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("name", .text).notNull().unique().collate(.nocase)
            t.column("kind", .text).unique()
            t.column("createdAt", .datetime).notNull()
        }
        try db.create(table: "userRole") { t in
            t.belongsTo("user", onDelete: .cascade).notNull()
            t.belongsTo("role", onDelete: .cascade).notNull()
            t.primaryKey(["userId", "roleId"])
        }
        try db.create(table: "roleCapability") { t in
            t.belongsTo("role", onDelete: .cascade).notNull()
            t.column("capability", .text).notNull()
            t.primaryKey(["roleId", "capability"])
        }
        try db.create(table: "categoryGrant") { t in
            t.belongsTo("category", onDelete: .cascade).notNull()
            t.belongsTo("role", onDelete: .cascade).notNull()
            t.column("level", .integer).notNull()
            t.primaryKey(["categoryId", "roleId"])
        }
        // Derived from categoryGrant and the tree, rewritten in the same transaction as any change
        // to either, so that every list can filter with a plain join.
        try db.create(table: "effectiveGrant") { t in
            t.belongsTo("category", onDelete: .cascade).notNull()
            t.belongsTo("role", onDelete: .cascade).notNull()
            t.column("level", .integer).notNull()
            t.column("sourceCategoryId", .integer).notNull()
            t.primaryKey(["categoryId", "roleId"])
        }
        try db.create(index: "effectiveGrant_on_role", on: "effectiveGrant", columns: ["roleId", "level"])
        try db.create(table: "articleRestriction") { t in
            t.belongsTo("article", onDelete: .cascade).notNull()
            t.belongsTo("role", onDelete: .cascade).notNull()
            t.primaryKey(["articleId", "roleId"])
        }
        try db.create(table: "session") { t in
            t.primaryKey("id", .text)
            t.belongsTo("user", onDelete: .cascade).notNull()
            t.column("csrfToken", .text).notNull()
            t.column("createdAt", .datetime).notNull()
            t.column("lastSeenAt", .datetime).notNull()
            t.column("expiresAt", .datetime).notNull()
            t.column("address", .text).notNull().defaults(to: "")
        }
        try db.create(table: "auditEntry") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("at", .datetime).notNull().indexed()
            t.belongsTo("actor", inTable: "user", onDelete: .setNull)
            t.column("action", .text).notNull().indexed()
            t.column("subject", .text).notNull().defaults(to: "")
            t.column("details", .text).notNull().defaults(to: "")
            t.column("address", .text).notNull().defaults(to: "")
        }

        let now = Date()
        for kind in Role.Kind.allCases {
            try db.execute(sql: "INSERT INTO role (name, kind, createdAt) VALUES (?, ?, ?)", arguments: [kind.defaultName, kind.rawValue, now])
        }
        let administrator = try Int64.fetchOne(db, sql: "SELECT id FROM role WHERE kind = 'administrator'")
        try db.execute(sql: "INSERT INTO userRole (userId, roleId) SELECT id, ? FROM user", arguments: [administrator])
        let employee = try Int64.fetchOne(db, sql: "SELECT id FROM role WHERE kind = 'employee'")
        try db.execute(sql: """
            INSERT INTO categoryGrant (categoryId, roleId, level)
            SELECT id, ?, ? FROM category WHERE parentId IS NULL
            """, arguments: [employee, AccessLevel.edit.rawValue])
        try EffectiveGrants.rebuild(db)
    }
}
