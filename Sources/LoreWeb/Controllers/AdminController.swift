import Hummingbird
import LoreCore

/// Roles and the access grid, for those who manage roles. To everyone else these pages do not exist.
struct AdminController {
    let services: AppServices

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/admin/access", use: grid)
        router.get("/admin/access/:id", use: grantsForm)
        router.post("/admin/access/:id", use: saveGrants)
        router.get("/admin/roles", use: roles)
        router.post("/admin/roles", use: createRole)
    }

    struct CellView {
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
        let roles: [RoleGrantView]
    }

    struct RoleView {
        let name: String
        let builtIn: Bool
    }

    struct RolesView {
        let roles: [RoleView]
        let name: String
        let fieldErrors: [String: String]
        let errors: [FormErrors.Item]
    }

    @Sendable func grid(request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let t = context.translations
        let grid = try await services.roles.accessGrid(by: principal)
        let titles = Dictionary(uniqueKeysWithValues: grid.rows.compactMap { row in row.category.id.map { ($0, row.category.title) } })
        let view = GridView(roles: grid.roles.map(\.name), rows: grid.rows.map { row in
            RowView(
                title: row.category.title, indent: String(repeating: "\u{00A0}\u{00A0}\u{00A0}", count: row.depth),
                url: "/admin/access/\(row.category.id ?? 0)",
                cells: row.cells.map { cell in
                    let note: String
                    if cell.own != nil {
                        note = t["grant_own"]
                    } else if let source = cell.sourceCategoryId {
                        note = t.format("grant_inherited", ["category": titles[source] ?? "—"])
                    } else {
                        note = ""
                    }
                    return CellView(label: t["level_\(cell.level)"], note: note, isOwn: cell.own != nil)
                })
        })
        return try await services.renderPage("admin-access", view, title: t["access_rights"], request: request, context: context)
    }

    @Sendable func grantsForm(request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let t = context.translations
        let id = try context.parameters.require("id", as: Int64.self)
        let grid = try await services.roles.accessGrid(by: principal)
        guard let row = grid.rows.first(where: { $0.category.id == id }) else { throw NotFound() }
        let roles = zip(grid.roles, row.cells).compactMap { role, cell -> RoleGrantView? in
            guard let roleId = role.id, role.kind != .administrator else { return nil }
            let current = cell.own.map { "\($0)" } ?? "inherit"
            let values = ["inherit"] + AccessLevel.allCases.map { "\($0)" }
            return RoleGrantView(
                roleId: roleId, name: role.name, effective: t["level_\(cell.level)"],
                choices: values.map { GrantChoice(value: $0, label: t["level_\($0)"], selected: $0 == current) })
        }
        let view = GrantsView(category: row.category.title, action: "/admin/access/\(id)", roles: roles)
        return try await services.renderPage("admin-grants", view, title: t.format("grants_for", ["category": row.category.title]),
                                request: request, context: context)
    }

    @Sendable func saveGrants(request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        guard principal.has(.rolesManage) else { throw NotFound() }
        let id = try context.parameters.require("id", as: Int64.self)
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
        return .redirect(to: "/admin/access?notice=saved")
    }

    @Sendable func roles(request: Request, context: AppRequestContext) async throws -> Response {
        try await rolesPage(name: "", errors: .none, request: request, context: context)
    }

    @Sendable func createRole(request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        guard principal.has(.rolesManage) else { throw NotFound() }
        let form = try await FormData.read(from: request)
        do {
            _ = try await services.roles.create(name: form["name"], by: principal)
            return .redirect(to: "/admin/roles?notice=saved")
        } catch let error as ValidationError {
            return try await rolesPage(name: form["name"], errors: FormErrors(error, t: context.translations, order: ["name"]),
                                       request: request, context: context)
        }
    }

    private func rolesPage(name: String, errors: FormErrors, request: Request, context: AppRequestContext) async throws -> Response {
        guard try context.requirePrincipal().has(.rolesManage) else { throw NotFound() }
        let t = context.translations
        let roles = try await services.roles.roles()
        let view = RolesView(
            roles: roles.map { RoleView(name: $0.name, builtIn: $0.kind != nil) }, name: name,
            fieldErrors: errors.fieldErrors, errors: errors.errors)
        return try await services.renderPage("admin-roles", view, title: t["roles"], request: request, context: context,
                                status: errors.errors.isEmpty ? .ok : .unprocessableContent)
    }
}
