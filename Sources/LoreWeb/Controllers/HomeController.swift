import Foundation
import Hummingbird
import LoreCore

/// The home page and the language switch.
struct HomeController {
    let services: AppServices
    let reactivationDays: Int

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/", use: home)
        router.post("/language", use: setLanguage)
    }

    struct CategoryCard {
        let title: String
        let url: String
        let description: String
        let countLabel: String
    }

    struct HomeView {
        let categories: [CategoryCard]
        let recent: [ArticleListItem]
        let reminders: ReminderView?
        /// For administrators: who reached the daily limit on client cards this week.
        let alerts: [String]
        /// "To read and confirm: 3 pages", nil when there is nothing.
        let readingHeading: String?
        let reading: [ReadingItem]
        /// "Due for review: 2 pages of yours", for owners.
        let reviewsHeading: String?
        let reviews: [ReadingItem]
        /// A link to the content-health lists, for those who manage a category.
        let showsHealth: Bool
        /// "Waiting for your approval: 2 changes", for approvers.
        let approvals: String?
    }

    /// Shared by readers with the same rights — except for the reminders, which are each
    /// person's own and change with the day.
    @Sendable func home(request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let reminders = principal.has(.clientsRead) && !principal.isGuest
        let alerts = try await services.clientQueries.reads.alerts(for: principal).map { alert in
            context.translations.format("client_read_alert", ["name": alert.name, "date": DisplayDate.format(alert.at, context.language)])
        }
        // Pages to confirm are each person's own, as confirming them changes no shared page.
        let reading = try await services.acknowledgements.pending(for: principal)
        let reviews = try await services.stewardship.myOverdue(for: principal)
        let approvals = context.isGuest ? 0 : try await services.approvals.changes(for: principal).toApprove.count
        var extra = reminders ? "|home of \(principal.userId ?? 0) on \(DayDate(Date()).iso)" : ""
        if !alerts.isEmpty { extra += "|alerts " + alerts.joined(separator: "|") }
        if !reading.isEmpty {
            extra += "|reading " + reading.map { "\($0.slug) \(Int($0.due?.timeIntervalSince1970 ?? 0)) \($0.isOverdue)" }.joined(separator: ",")
        }
        if !reviews.isEmpty { extra += "|reviews of \(principal.userId ?? 0) on \(DayDate(Date()).iso)" }
        if approvals > 0 { extra += "|approvals of \(principal.userId ?? 0): \(approvals)" }
        return try await services.pageCache.page("/", extra: extra, request: request, context: context) { key, generation in
            try await page(alerts: alerts, reading: reading, reviews: reviews, approvals: approvals, caching: key, generation: generation,
                           request: request, context: context)
        }
    }

    struct ReadingItem {
        let title: String
        let url: String
        let due: String
        let isOverdue: Bool
        /// Confirmed before; the page changed significantly since.
        let again: Bool
    }

    private func page(alerts: [String], reading: [AcknowledgementService.Pending], reviews: [StewardshipService.Page], approvals: Int,
                      caching key: PageCache.Key?, generation: Int, request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let t = context.translations
        let tree = try await services.categories.tree(for: principal)
        if tree.isEmpty, context.isGuest { return .redirect(to: "/login") }
        let recent = try await services.queries.recentlyChanged(limit: 12, for: principal)
        let titles = tree.byId.mapValues(\.category.title)
        let showsHealth = principal.isAdministrator ? true : try await services.categories.levels(for: principal).values.contains(.manage)
        let view = HomeView(
            categories: tree.map { node in
                CategoryCard(
                    title: node.category.title, url: Paths.category(node.category.path),
                    description: node.category.description, countLabel: t.articleCount(node.totalArticleCount))
            },
            recent: try await ArticleListItem.items(recent, queries: services.queries, t: t, categoryTitles: titles),
            reminders: principal.has(.clientsRead) && !principal.isGuest
                ? ReminderView(try await services.reminders.reminders(for: principal, quietAfterDays: reactivationDays), t: t,
                               language: context.language)
                : nil,
            alerts: alerts,
            readingHeading: reading.isEmpty ? nil : t.plural("reading_pending", reading.count),
            reading: reading.map { item in
                ReadingItem(title: item.title, url: Paths.article(item.slug), due: AcknowledgementController.due(item.due, t),
                            isOverdue: item.isOverdue, again: item.confirmedRevision != nil)
            },
            reviewsHeading: reviews.isEmpty ? nil : t.plural("home_reviews", reviews.count),
            reviews: reviews.map { page in
                ReadingItem(title: page.title, url: Paths.article(page.slug), due: page.nextReview.map { DisplayDate.day($0, t.language) } ?? "",
                            isOverdue: true, again: false)
            },
            showsHealth: showsHealth,
            approvals: approvals == 0 ? nil : t.plural("home_approvals", approvals))
        let page = try await services.pages.page(view, title: t["home_heading"], request: request, context: context, tree: tree)
        return try services.views.render("home", page, caching: key, in: services.pageCache, generation: generation, context: context)
    }

    /// Remembers the chosen language for a year and returns to the page the switch was on.
    @Sendable func setLanguage(request: Request, context: AppRequestContext) async throws -> Response {
        let form = try await FormData.read(from: request)
        var response = Response.redirect(to: LocalPath.sanitized(form["back"]), type: .normal)
        if let language = Language(rawValue: form["lang"]) {
            response.setCookie(.init(
                name: LanguageMiddleware.cookieName, value: language.rawValue, maxAge: 365 * 24 * 3600,
                path: "/", httpOnly: true, sameSite: .lax))
            if let userId = context.principal?.userId, context.seeingAs == nil {
                try await services.users.rememberLanguage(language.rawValue, of: userId)
            }
        }
        return response
    }
}
