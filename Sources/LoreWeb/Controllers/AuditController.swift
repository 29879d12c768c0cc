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
        /// The action in words; its code beside it, as filters and exports use it.
        let action: String
        let code: String
        let subject: String
        let address: String
    }

    struct ActionChoice {
        let value: String
        let label: String
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
        // Category titles only where the reader of the log may read the category.
        let titles = Dictionary(try await services.categories.tree(for: principal).flattened.compactMap { node in
            node.category.id.map { ($0, node.category.title) }
        }) { first, _ in first }
        let roles = Dictionary(try await services.roles.roles().compactMap { role in role.id.map { ($0, t.name(of: role)) } }) { first, _ in first }
        let view = AuditView(
            entries: entries.map { entry in
                EntryView(at: DisplayDate.format(entry.at, t.language), actor: entry.actorName ?? entry.actor ?? "—",
                          action: Self.label(entry.action, t), code: entry.action,
                          subject: Self.subject(entry, t: t, categories: titles, roles: roles), address: entry.address)
            },
            actions: AuditLog.actions.map { ActionChoice(value: $0, label: Self.label($0, t), selected: $0 == action) },
            user: user)
        return try await services.renderPage("admin-audit", view, title: t["audit_log"], request: request, context: context)
    }

    static func label(_ action: String, _ t: Translations) -> String {
        t["audit_action_" + action.replacingOccurrences(of: ".", with: "_")]
    }

    /// A change of rights in words ("Role Sales: Read in «Sales»"); other entries as recorded.
    static func subject(_ entry: AuditLog.Entry, t: Translations, categories: [Int64: String], roles: [Int64: String]) -> String {
        guard entry.action == AuditLog.Action.grantChanged.rawValue,
              let match = entry.subject.wholeMatch(of: /category (\d+) role (\d+): ([a-z]+)/),
              let categoryId = Int64(match.1), let roleId = Int64(match.2) else { return entry.subject }
        let level = t["level_\(match.3)"]
        let role = roles[roleId] ?? String(roleId)
        guard let category = categories[categoryId] else { return t.format("audit_grant_hidden", ["role": role, "level": level]) }
        return t.format("audit_grant", ["role": role, "level": level, "category": category])
    }
}
