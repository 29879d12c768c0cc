import GRDB

/// Own and effective grants read in two queries, so a grid of any size costs the same.
struct GrantTable {
    private var effective: [Int64: [Int64: (level: AccessLevel, source: Int64)]] = [:]
    private var own: [Int64: [Int64: AccessLevel]] = [:]

    /// All categories' grants, or one category's when `category` is given.
    init(_ db: Database, category: Int64?) throws {
        let only: SQL = category.map { "WHERE categoryId = \($0)" } ?? ""
        for row in try SQLRequest<Row>(literal: "SELECT categoryId, roleId, level, sourceCategoryId FROM effectiveGrant \(only)").fetchAll(db) {
            effective[row["categoryId"], default: [:]][row["roleId"]] = (AccessLevel(rawValue: row["level"]) ?? .none, row["sourceCategoryId"])
        }
        for row in try SQLRequest<Row>(literal: "SELECT categoryId, roleId, level FROM categoryGrant \(only)").fetchAll(db) {
            own[row["categoryId"], default: [:]][row["roleId"]] = AccessLevel(rawValue: row["level"]) ?? AccessLevel.none
        }
    }

    func cell(role: Role, category: Int64) -> AccessGrid.Cell {
        guard let roleId = role.id else { return .init(level: .none, sourceCategoryId: nil, own: nil) }
        if role.kind == .administrator { return .init(level: .manage, sourceCategoryId: nil, own: nil) }
        let applied = effective[category]?[roleId]
        return .init(level: applied?.level ?? .none, sourceCategoryId: applied?.source, own: own[category]?[roleId])
    }
}
