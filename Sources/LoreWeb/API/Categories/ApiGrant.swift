import LoreCore

/// One role's rights in a category: what applies, the category's own grant, and where an
/// inherited one comes from.
struct ApiGrant: Encodable, Sendable {
    let roleId: Int64
    let role: String
    let level: String
    @Null var own: String?
    @Null var inheritedFrom: Int64?

    static func list(_ grid: AccessGrid) -> [ApiGrant] {
        guard let row = grid.rows.first else { return [] }
        return zip(grid.roles, row.cells).map { role, cell in
            ApiGrant(roleId: role.id ?? 0, role: role.name, level: cell.level.apiName, own: cell.own?.apiName,
                     inheritedFrom: cell.own == nil ? cell.sourceCategoryId : nil)
        }
    }

    /// `{"grants": [{"roleId": 3, "level": "read"}]}`; a null level makes the role inherit again.
    struct Input: ApiInput, Sendable {
        static let schema = "GrantsInput"

        struct Item: Decodable, Sendable {
            let roleId: Int64
            let level: String?
        }

        let grants: [Item]

        func levels() throws -> [Int64: AccessLevel?] {
            var levels: [Int64: AccessLevel?] = [:]
            for (index, item) in grants.enumerated() {
                if let name = item.level, AccessLevel(apiName: name) == nil {
                    throw ApiProblem(.unprocessableContent, "validation_failed", errors: [
                        .init(field: "grants[\(index)].level", code: "not_found", message: "Use none, read, edit, manage or null."),
                    ])
                }
                // updateValue, as assigning nil through the subscript would remove the role instead.
                levels.updateValue(item.level.flatMap(AccessLevel.init(apiName:)), forKey: item.roleId)
            }
            return levels
        }
    }
}
