import Foundation
import Hummingbird
import LoreCore

/// The bell's page, opening and marking notifications, one's notification settings, watching
/// pages and cards, the people `@` suggests, and the unsubscribe links in e-mails.
struct NotificationController {
    let services: AppServices
    let unsubscribe: UnsubscribeLink

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/notifications", use: list)
        router.get("/notifications/:id", use: open)
        router.post("/notifications/read", use: markRead)
        router.post("/me/notifications", use: saveSettings)
        router.post("/watch", use: watch)
        router.get("/people/suggest", use: people)
        router.get("/unsubscribe/:token", use: unsubscribeForm)
        router.post("/unsubscribe/:token", use: unsubscribeNow)
    }

    struct ItemView {
        let id: Int64
        let text: String
        let excerpt: String
        let when: String
        let url: String
        let isUnread: Bool
    }

    struct ListView {
        let items: [ItemView]
        let kinds: [Choice]
        let unreadOnly: Bool
        let hasUnread: Bool
        let previousURL: String?
        let nextURL: String?
    }

    @Sendable func list(request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        guard !principal.isGuest else { throw NotFound() }
        let t = context.translations
        let query = FormData.query(of: request)
        let kind = NotificationKind(rawValue: query["kind"])
        let unreadOnly = query["unread"] == "1"
        let page = try PageNumber.parse(query["page"])
        let (found, hasMore) = try await services.notifications.list(for: principal, kind: kind, unreadOnly: unreadOnly, page: page)
        func url(_ page: Int) -> String {
            var parts = ["page=\(page)"]
            if let kind { parts.append("kind=\(kind.rawValue)") }
            if unreadOnly { parts.append("unread=1") }
            return "/notifications?" + parts.joined(separator: "&")
        }
        let view = ListView(
            items: found.map { shown in
                ItemView(id: shown.entry.id ?? 0, text: NotificationLine.text(shown, t), excerpt: shown.entry.excerpt,
                         when: DisplayDate.format(shown.entry.updatedAt, context.language), url: "/notifications/\(shown.entry.id ?? 0)",
                         isUnread: shown.entry.readAt == nil)
            },
            kinds: Choice.options(NotificationKind.self, prefix: "notification_kind", selected: kind?.rawValue ?? "", none: t["notifications_all"], t: t),
            unreadOnly: unreadOnly, hasUnread: context.unreadNotifications > 0,
            previousURL: page > 1 ? url(page - 1) : nil, nextURL: hasMore ? url(page + 1) : nil)
        return try await services.renderPage("notifications", view, title: t["notifications"], request: request, context: context)
    }

    /// Marks it read and goes where it points.
    @Sendable func open(request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        guard !principal.isGuest, let link = try await services.notifications.open(context.parameters.number("id"), by: principal) else {
            throw NotFound()
        }
        return .redirect(to: link)
    }

    @Sendable func markRead(request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let form = try await FormData.read(from: request)
        if let id = form.integer("id") {
            try await services.notifications.markRead([id], by: principal)
        } else {
            try await services.notifications.markAllRead(by: principal)
        }
        return .redirect(to: LocalPath.sanitized(form["back"].isEmpty ? "/notifications" : form["back"]))
    }

    @Sendable func saveSettings(request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let form = try await FormData.read(from: request)
        var choices: [NotificationKind: NotificationSetting.Choice] = [:]
        for kind in NotificationKind.allCases {
            let delivery = NotificationSetting.Delivery(rawValue: form["delivery_\(kind.rawValue)"]) ?? kind.defaultSetting.delivery
            choices[kind] = .init(delivery: delivery, digest: form["digest_\(kind.rawValue)"] == "on")
        }
        try await services.notifications.save(.init(choices: choices, autoWatch: form["autoWatch"] == "on"), by: principal)
        return .redirect(to: "/me?notice=notifications_saved#notifications")
    }

    @Sendable func watch(request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let form = try await FormData.read(from: request)
        guard let subject = NotificationSubject(key: form["subject"]), !principal.isGuest else { throw NotFound() }
        let watching = form["watching"] != "0"
        try await services.notifications.watch(watching, subject, by: principal)
        let back = LocalPath.sanitized(form["back"])
        return .redirect(to: back + (back.contains("?") ? "&" : "?") + "notice=" + (watching ? "watching" : "not_watching"))
    }

    struct Person: Encodable {
        let username: String
        let name: String
    }

    /// Colleagues whose username or name starts with what was typed after `@`.
    @Sendable func people(request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        guard !principal.isGuest else { throw NotFound() }
        let typed = String(FormData.query(of: request)["q"].prefix(50))
        return try .json(try await services.users.suggest(typed).map { Person(username: $0.username, name: $0.displayName) })
    }

    struct UnsubscribeView {
        let action: String
        let kind: String
        let done: Bool
    }

    /// Asks first: mail scanners follow links, and must not unsubscribe anyone.
    @Sendable func unsubscribeForm(request: Request, context: AppRequestContext) async throws -> Response {
        let token = try context.parameters.require("token")
        guard let (_, kind) = try await unsubscribe.verify(token) else { throw NotFound() }
        let t = context.translations
        let view = UnsubscribeView(action: "/unsubscribe/\(token)", kind: t["notification_kind_\(kind.rawValue)"], done: false)
        return try await services.renderPage("unsubscribe", view, title: t["mail_unsubscribe"], request: request, context: context)
    }

    /// The signed token is the authority here, not a session: also the one-click POST of RFC 8058.
    @Sendable func unsubscribeNow(request: Request, context: AppRequestContext) async throws -> Response {
        let token = try context.parameters.require("token")
        guard let (userId, kind) = try await unsubscribe.verify(token) else { throw NotFound() }
        try await services.notifications.unsubscribe(userId: userId, from: kind)
        let t = context.translations
        let view = UnsubscribeView(action: "", kind: t["notification_kind_\(kind.rawValue)"], done: true)
        return try await services.renderPage("unsubscribe", view, title: t["mail_unsubscribe"], request: request, context: context)
    }
}
