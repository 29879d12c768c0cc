import Hummingbird
import LoreCore

/// Wraps a page's view model in the chrome every page shares.
struct PageBuilder: Sendable {
    let categories: CategoryService

    /// Notices are passed as `?notice=key` after a redirect; only known keys are shown.
    static let notices: Set<String> = [
        "saved", "unchanged", "trashed", "restored", "category_saved", "category_deleted", "category_not_empty", "password_set",
        "merged", "restored_revision", "purged", "role_deleted", "client_trashed", "step_done", "article_not_found", "clients_imported", "file_deleted", "token_revoked", "backup_made", "synonyms_saved",
        "address_taken", "redacted", "unredacted", "redact_current", "confirmed", "changed_since_opened", "reviewed", "reassigned", "reassign_choose", "submitted", "approved", "returned", "withdrawn",
        "mention_unseeing", "watching", "not_watching", "notifications_saved", "test_mail_queued", "mail_retried", "handed_over", "task_moved", "task_reassigned", "clients_merged", "client_field_deleted", "purchases_imported",
    ]

    func page<Content>(
        _ content: Content, title: String, request: Request, context: AppRequestContext,
        breadcrumbs: [Crumb] = [], currentCategoryId: Int64? = nil, tree knownTree: [CategoryNode]? = nil
    ) async throws -> Page<Content> {
        // Pages that already loaded the reader's tree pass it, so it is queried once per request.
        let tree: [CategoryNode]
        if let knownTree { tree = knownTree } else { tree = try await categories.tree(for: context.requirePrincipal()) }
        var page = bare(content, title: title, request: request, context: context)
        var chrome = page.chrome
        chrome.sidebar = SidebarHTML.items(tree, current: currentCategoryId)
        chrome.canSearch = !tree.isEmpty
        chrome.breadcrumbs = breadcrumbs
        page = Page(t: page.t, lang: page.lang, title: page.title, csrf: page.csrf, chrome: chrome, content: content)
        return page
    }

    /// A page without anything that needs the database, for error pages.
    func bare<Content>(_ content: Content, title: String, request: Request, context: AppRequestContext) -> Page<Content> {
        let t = context.translations
        // A notice may name people by username (`names`): nothing else an address could carry is shown.
        let names = String((request.uri.queryParameters.get("names") ?? "").prefix(200).filter { $0.isASCII && ($0.isLetter || $0.isNumber || "._-, ".contains($0)) })
        // And counts (`n`, `skipped`): digits only.
        func count(_ key: String) -> String { String((request.uri.queryParameters.get(key) ?? "").prefix(7).filter(\.isASCII).filter(\.isNumber)) }
        let notice = request.uri.queryParameters.get("notice").flatMap {
            Self.notices.contains($0) ? t.format("notice_\($0)", ["names": names, "n": count("n"), "skipped": count("skipped")]) : nil
        }
        let signedIn = !context.isGuest
        let chrome = Chrome(
            userName: signedIn ? context.principal?.displayName : nil,
            canWrite: signedIn,
            canCreateTopLevel: context.principal?.has(.rolesManage) ?? false,
            canManageUsers: context.principal?.has(.usersManage) ?? false,
            canReadAudit: context.principal?.has(.auditRead) ?? false,
            canBackUp: context.principal?.isAdministrator ?? false,
            canSeeClients: context.principal?.has(.clientsRead) ?? false,
            seeingAs: context.seeingAs.map { t.format("seeing_as", ["name": $0]) },
            languages: Language.allCases.map { language in
                .init(code: language.rawValue, label: language.rawValue.uppercased(), name: language.nativeName,
                      current: language == context.language)
            },
            currentPath: request.uri.path,
            notice: notice,
            undoURL: notice == nil ? nil : Self.undoURL(request),
            bell: signedIn && context.seeingAs == nil ? Self.bell(context) : nil)
        return Page(t: t, lang: context.language.rawValue, title: title, csrf: context.csrfToken, chrome: chrome, content: content)
    }

    /// A page or card just moved to the trash can come back from the notice: the address names
    /// which (`undo`, an article's id or a card's slug); restoring checks the rights as ever.
    static func undoURL(_ request: Request) -> String? {
        let parameters = request.uri.queryParameters
        guard let undo = parameters.get("undo"), !undo.isEmpty, undo.count <= 200 else { return nil }
        switch parameters.get("notice") {
        case "trashed": return undo.allSatisfy { $0.isASCII && $0.isNumber } ? "/trash/\(undo)/restore" : nil
        case "client_trashed": return Slug.isValid(undo) ? Paths.client(undo) + "/restore" : nil
        default: return nil
        }
    }

    /// The unread count beside the bell: filled in per request, also on kept pages.
    static func bell(_ context: AppRequestContext) -> String {
        let count = context.unreadNotifications
        guard count > 0 else { return "" }
        let shown = count > 99 ? "99+" : String(count)
        return "<span class=\"bell-count\">\(shown)</span><span class=\"visually-hidden\"> \(context.translations.plural("unread", count).htmlEscaped)</span>"
    }

    /// Home, then each category from the root: the trail to a page.
    static func crumbs(home t: Translations, lineage: [Category], last: String? = nil) -> [Crumb] {
        var crumbs = [Crumb(title: t["home_heading"], url: "/")]
        for (index, category) in lineage.enumerated() {
            let isLast = last == nil && index == lineage.count - 1
            crumbs.append(Crumb(title: category.title, url: isLast ? nil : Paths.category(category.path)))
        }
        if let last { crumbs.append(Crumb(title: last, url: nil)) }
        return crumbs
    }
}
