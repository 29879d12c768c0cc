import Hummingbird
import LoreCore

/// The audit log, for those with audit.read: newest first, filtered by action or by user.
struct AuditController {
    let services: AppServices

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/admin/audit", use: list)
    }

    struct EntryView {
        let at: String
        let actor: String
        let action: String
        let subject: String
        let address: String
    }

    struct ActionChoice {
        let value: String
        let selected: Bool
    }

    struct AuditView {
        let entries: [EntryView]
        let actions: [ActionChoice]
        let user: String
    }

    @Sendable func list(request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let t = context.translations
        let query = request.uri.queryParameters
        let action = query.get("action") ?? ""
        let user = query.get("user") ?? ""
        let entries = try await AuditLog(database: services.database).entries(action: action, actor: user, by: principal)
        let view = AuditView(
            entries: entries.map { entry in
                EntryView(at: DisplayDate.format(entry.at, t.language), actor: entry.actor ?? "—", action: entry.action,
                          subject: entry.subject, address: entry.address)
            },
            actions: AuditLog.actions.map { ActionChoice(value: $0, selected: $0 == action) },
            user: user)
        return try await services.renderPage("admin-audit", view, title: t["audit_log"], request: request, context: context)
    }
}
