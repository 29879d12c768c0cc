import GRDB

/// Computes, for every category and role, the level that applies there: the role's own grant on
/// the category, or else the nearest ancestor's. The result is stored in `effectiveGrant` so that
/// lists filter with a join instead of walking the tree.
enum EffectiveGrants {
    struct Grant: Equatable {
        let level: AccessLevel
        let sourceCategoryId: Int64
    }

    /// Rewrites `effectiveGrant`; call it in the transaction that changed grants or the tree.
    static func rebuild(_ db: Database) throws {
        let parents = try Dictionary(uniqueKeysWithValues: Row.fetchAll(db, sql: "SELECT id, parentId FROM category").map {
            (row: Row) -> (Int64, Int64?) in (row["id"], row["parentId"])
        })
        var own: [Int64: [Int64: AccessLevel]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT categoryId, roleId, level FROM categoryGrant") {
            own[row["categoryId"], default: [:]][row["roleId"]] = AccessLevel(rawValue: row["level"]) ?? AccessLevel.none
        }
        try db.execute(sql: "DELETE FROM effectiveGrant")
        for (categoryId, grants) in compute(parents: parents, own: own) {
            for (roleId, grant) in grants {
                try db.execute(
                    sql: "INSERT INTO effectiveGrant (categoryId, roleId, level, sourceCategoryId) VALUES (?, ?, ?, ?)",
                    arguments: [categoryId, roleId, grant.level.rawValue, grant.sourceCategoryId])
            }
        }
    }

    /// For each category, each role's grant from the category itself or its nearest ancestor with one.
    static func compute(parents: [Int64: Int64?], own: [Int64: [Int64: AccessLevel]]) -> [Int64: [Int64: Grant]] {
        var result: [Int64: [Int64: Grant]] = [:]
        func resolve(_ id: Int64, visiting: Set<Int64>) -> [Int64: Grant] {
            if let known = result[id] { return known }
            var grants: [Int64: Grant] = [:]
            if let parent = parents[id] ?? nil, !visiting.contains(parent) {
                grants = resolve(parent, visiting: visiting.union([id]))
            }
            for (roleId, level) in own[id] ?? [:] {
                grants[roleId] = Grant(level: level, sourceCategoryId: id)
            }
            result[id] = grants
            return grants
        }
        for id in parents.keys { _ = resolve(id, visiting: []) }
        return result
    }
}
