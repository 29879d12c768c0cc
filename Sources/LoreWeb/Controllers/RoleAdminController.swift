import Hummingbird
import LoreCore

/// Roles: create, rename, choose capabilities, delete. Only for those who manage roles; to
/// everyone else these pages do not exist.
struct RoleAdminController {
    let services: AppServices

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/admin/roles", use: list)
        router.post("/admin/roles", use: create)
        router.get("/admin/roles/:id", use: edit)
        router.post("/admin/roles/:id", use: update)
        router.post("/admin/roles/:id/delete", use: delete)
    }

    struct RoleView {
        let name: String
        let url: String
        let builtIn: Bool
    }

    struct ListView {
        let roles: [RoleView]
        let name: String
        let fieldErrors: [String: String]
        let errors: [FormErrors.Item]
    }

    struct CapabilityView {
        let value: String
        let label: String
        let checked: Bool
    }

    struct EditView {
        let name: String
        let action: String
        let deleteURL: String
        let builtIn: Bool
        let capabilityNote: String
        let capabilities: [CapabilityView]
        let members: String
        let fieldErrors: [String: String]
        let errors: [FormErrors.Item]
    }

    @Sendable func list(request: Request, context: AppRequestContext) async throws -> Response {
        try await listPage(name: "", errors: .none, request: request, context: context)
    }

    @Sendable func create(request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        guard principal.has(.rolesManage) else { throw NotFound() }
        let form = try await FormData.read(from: request)
        do {
            let role = try await services.roles.create(name: form["name"], by: principal)
            return .redirect(to: "/admin/roles/\(role.id ?? 0)?notice=saved")
        } catch let error as ValidationError {
            return try await listPage(name: form["name"], errors: FormErrors(error, t: context.translations, order: ["name"]),
                                      request: request, context: context)
        }
    }

    @Sendable func edit(request: Request, context: AppRequestContext) async throws -> Response {
        let id = try context.parameters.number("id")
        let details = try await services.roles.details(id: id, by: try context.requirePrincipal())
        return try await editPage(details, name: details.role.name, capabilities: details.capabilities, errors: .none,
                                  request: request, context: context)
    }

    @Sendable func update(request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let id = try context.parameters.number("id")
        let details = try await services.roles.details(id: id, by: principal)
        let form = try await FormData.read(from: request)
        let capabilities = Set(Capability.allCases.filter { form["capability-\($0.rawValue)"] == "on" })
        do {
            try await services.roles.update(id: id, name: form["name"], capabilities: capabilities, by: principal)
            return .redirect(to: "/admin/roles?notice=saved")
        } catch let error as ValidationError {
            return try await editPage(details, name: form["name"], capabilities: capabilities,
                                      errors: FormErrors(error, t: context.translations, order: ["name"]), request: request, context: context)
        }
    }

    @Sendable func delete(request: Request, context: AppRequestContext) async throws -> Response {
        let id = try context.parameters.number("id")
        try await services.roles.delete(id: id, by: try context.requirePrincipal())
        return .redirect(to: "/admin/roles?notice=role_deleted")
    }

    private func listPage(name: String, errors: FormErrors, request: Request, context: AppRequestContext) async throws -> Response {
        guard try context.requirePrincipal().has(.rolesManage) else { throw NotFound() }
        let t = context.translations
        let roles = try await services.roles.roles()
        let view = ListView(
            roles: roles.map { RoleView(name: t.name(of: $0), url: "/admin/roles/\($0.id ?? 0)", builtIn: $0.kind != nil) },
            name: name, fieldErrors: errors.fieldErrors, errors: errors.errors)
        return try await services.renderPage("admin-roles", view, title: t["roles"], request: request, context: context,
                                             status: errors.errors.isEmpty ? .ok : .unprocessableContent)
    }

    private func editPage(_ details: RoleDetails, name: String, capabilities: Set<Capability>, errors: FormErrors,
                          request: Request, context: AppRequestContext) async throws -> Response {
        let t = context.translations
        let kind = details.role.kind
        let note = switch kind {
        case .administrator: t["capabilities_administrator"]
        case .guest: t["capabilities_guest"]
        default: ""
        }
        let view = EditView(
            name: name, action: "/admin/roles/\(details.role.id ?? 0)", deleteURL: "/admin/roles/\(details.role.id ?? 0)/delete",
            builtIn: kind != nil, capabilityNote: note,
            capabilities: kind == .administrator || kind == .guest ? [] : Capability.allCases.map {
                CapabilityView(value: $0.rawValue, label: t["capability_\($0.rawValue)"], checked: capabilities.contains($0))
            },
            members: t.plural("role_members", details.activeMembers),
            fieldErrors: errors.fieldErrors, errors: errors.errors)
        return try await services.renderPage("admin-role", view, title: t.format("role_heading", ["name": t.name(of: details.role)]),
                                             request: request, context: context,
                                             status: errors.errors.isEmpty ? .ok : .unprocessableContent)
    }
}
