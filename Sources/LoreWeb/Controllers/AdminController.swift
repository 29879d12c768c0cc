import Hummingbird
import LoreCore

/// The access grid, for those who manage roles, and one category's grants, also for those who
/// manage that category. To everyone else these pages do not exist.
struct AdminController {
    let services: AppServices

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/admin/access", use: grid)
        router.get("/admin/access/:id", use: grantsForm)
        router.post("/admin/access/:id", use: saveGrants)
    }

    struct CellView {
        /// The role of the cell's column, which names it when the grid is a card per category on a phone.
        let role: String
        let label: String
        let note: String
        let isOwn: Bool
    }

    struct RowView {
        let title: String
        let indent: String
        let url: String
        let cells: [CellView]
    }

    struct GridView {
        let roles: [String]
        let rows: [RowView]
    }

    struct GrantChoice {
        let value: String
        let label: String
        let selected: Bool
    }

    struct RoleGrantView {
        let roleId: Int64
        let name: String
        let effective: String
        let choices: [GrantChoice]
    }

    struct GrantsView {
        let category: String
        let action: String
        let back: String
        let roles: [RoleGrantView]
    }

    @Sendable func grid(request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let t = context.translations
        let grid = try await services.roles.accessGrid(by: principal)
        let titles = Dictionary(uniqueKeysWithValues: grid.rows.compactMap { row in row.category.id.map { ($0, row.category.title) } })
        let roleNames = grid.roles.map(t.name(of:))
        let view = GridView(roles: roleNames, rows: grid.rows.map { row in
            RowView(
                title: row.category.title, indent: String(repeating: "\u{00A0}\u{00A0}\u{00A0}", count: row.depth),
                url: "/admin/access/\(row.category.id ?? 0)",
                cells: zip(row.cells, roleNames).map { cell, role in
                    let note: String
                    if cell.own != nil {
                        note = t["grant_own"]
                    } else if let source = cell.sourceCategoryId {
                        note = t.format("grant_inherited", ["category": titles[source] ?? "—"])
                    } else {
                        note = ""
                    }
                    return CellView(role: role, label: t["level_\(cell.level)"], note: note, isOwn: cell.own != nil)
                })
        })
        return try await services.renderPage("admin-access", view, title: t["access_rights"], request: request, context: context)
    }

    @Sendable func grantsForm(request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let t = context.translations
        let id = try context.parameters.number("id")
        let grid = try await services.roles.grants(category: id, by: principal)
        guard let row = grid.rows.first else { throw NotFound() }
        let roles = zip(grid.roles, row.cells).compactMap { role, cell -> RoleGrantView? in
            guard let roleId = role.id, role.kind != .administrator else { return nil }
            let current = cell.own.map { "\($0)" } ?? "inherit"
            let values = ["inherit"] + AccessLevel.allCases.map { "\($0)" }
            return RoleGrantView(
                roleId: roleId, name: t.name(of: role), effective: t["level_\(cell.level)"],
                choices: values.map { GrantChoice(value: $0, label: t["level_\($0)"], selected: $0 == current) })
        }
        let back = principal.has(.rolesManage) ? "/admin/access" : try await categoryURL(id, for: principal)
        let view = GrantsView(category: row.category.title, action: "/admin/access/\(id)", back: back, roles: roles)
        return try await services.renderPage("admin-grants", view, title: t.format("grants_for", ["category": row.category.title]),
                                request: request, context: context)
    }

    @Sendable func saveGrants(request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let id = try context.parameters.number("id")
        let form = try await FormData.read(from: request)
        var grants: [Int64: AccessLevel?] = [:]
        for role in try await services.roles.roles() where role.kind != .administrator {
            guard let roleId = role.id else { continue }
            let value = form["role-\(roleId)"]
            if value == "inherit" {
                grants[roleId] = .some(nil)
            } else if let level = AccessLevel.allCases.first(where: { "\($0)" == value }) {
                grants[roleId] = .some(level)
            }
        }
        try await services.roles.setGrants(grants, category: id, by: principal)
        let back = principal.has(.rolesManage) ? "/admin/access" : try await categoryURL(id, for: principal)
        return .redirect(to: back + "?notice=saved")
    }

    private func categoryURL(_ id: Int64, for principal: Principal) async throws -> String {
        Paths.category(try await services.categories.category(id: id, for: principal).path)
    }
}
