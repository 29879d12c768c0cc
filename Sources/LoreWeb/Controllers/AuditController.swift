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

    /// An entry's subject in words: a change of rights ("Role Sales: Read in «Sales»", the
    /// category unnamed where the log's reader may not read it), a role's capabilities, counts;
    /// other subjects (names, addresses) as recorded.
    static func subject(_ entry: AuditLog.Entry, t: Translations, categories: [Int64: String], roles: [Int64: String]) -> String {
        let subject = entry.subject
        switch AuditLog.Action(rawValue: entry.action) {
        case .grantChanged:
            guard let match = subject.wholeMatch(of: /category (\d+) role (\d+): ([a-z]+)/),
                  let categoryId = Int64(match.1), let roleId = Int64(match.2) else { return subject }
            let level = t["level_\(match.3)"]
            let role = roles[roleId] ?? String(roleId)
            guard let category = categories[categoryId] else { return t.format("audit_grant_hidden", ["role": role, "level": level]) }
            return t.format("audit_grant", ["role": role, "level": level, "category": category])
        case .roleChanged:
            guard let match = subject.wholeMatch(of: /(.+): ([a-z.]+(?:, [a-z.]+)*)?/) else { return subject }
            let capabilities = match.2.map { $0.split(separator: ", ").map { t["capability_\($0)"] }.joined(separator: "; ") }
            return t.format("audit_role_capabilities", ["role": String(match.1), "capabilities": capabilities ?? t["audit_no_capabilities"]])
        case .ownershipReassigned:
            guard let match = subject.wholeMatch(of: /(.+) → (.+): (\d+)/), let count = Int(match.3) else { return subject }
            return t.format("audit_ownership", ["from": String(match.1), "to": String(match.2), "pages": t.plural("audit_pages", count)])
        case .clientReadLimit:
            guard let match = subject.wholeMatch(of: /(\d+) cards/), let count = Int(match.1) else { return subject }
            return t.plural("audit_cards_a_day", count)
        case .purchasesImported:
            guard let match = subject.wholeMatch(of: /(\d+) added, (\d+) already logged/) else { return subject }
            return t.format("audit_purchases", ["added": String(match.1), "skipped": String(match.2)])
        case .synonymsChanged:
            return Int(subject).map { t.plural("synonyms_groups", $0) } ?? subject
        default:
            return subject
        }
    }
}
