import Foundation
import Hummingbird
import LoreCore

/// Owners and review dates: marking a page reviewed, the owner-and-interval forms of pages and
/// categories, the content-health lists, and handing a departing person's pages to another.
struct StewardshipController {
    let services: AppServices

    func addRoutes(to router: Router<AppRequestContext>) {
        router.post("/a/:slug/reviewed", use: reviewed)
        router.get("/a/:slug/stewardship", use: articleForm)
        router.post("/a/:slug/stewardship", use: articleSave)
        router.get("/categories/:id/stewardship", use: categoryForm)
        router.post("/categories/:id/stewardship", use: categorySave)
        router.get("/content-health", use: health)
        router.get("/content-health.csv", use: healthCSV)
        router.post("/admin/users/:id/reassign", use: reassign)
    }

    static let intervals = [1, 3, 6, 12, 24, 36]

    @Sendable func reviewed(request: Request, context: AppRequestContext) async throws -> Response {
        let article = try await services.liveArticle(context)
        try await services.stewardship.markReviewed(articleId: article.id!, by: context.requirePrincipal())
        return .redirect(to: Paths.article(article.slug) + "?notice=reviewed")
    }

    struct FormView {
        let heading: String
        let intro: String
        let action: String
        let back: String
        let owners: [Choice]
        let intervals: [Choice]
        let fieldErrors: [String: String]
    }

    @Sendable func articleForm(request: Request, context: AppRequestContext) async throws -> Response {
        let article = try await services.liveArticle(context)
        let setting = try await services.stewardship.setting(ofArticle: article.id!, for: context.requirePrincipal())
        return try await form(title: article.title, back: Paths.article(article.slug), action: Paths.article(article.slug) + "/stewardship",
                              own: setting.own, inherited: setting.inherited, candidates: setting.candidates, error: nil, context, request)
    }

    @Sendable func articleSave(request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let article = try await services.liveArticle(context)
        let asked = try await Self.setting(from: request)
        do {
            try await services.stewardship.set(asked, ofArticle: article.id!, by: principal)
            return .redirect(to: Paths.article(article.slug) + "?notice=saved")
        } catch let error as ValidationError {
            let setting = try await services.stewardship.setting(ofArticle: article.id!, for: principal)
            return try await form(title: article.title, back: Paths.article(article.slug), action: Paths.article(article.slug) + "/stewardship",
                                  own: asked, inherited: setting.inherited, candidates: setting.candidates, error: error, context, request)
        }
    }

    @Sendable func categoryForm(request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let category = try await services.categories.category(id: context.parameters.number("id"), for: principal)
        let setting = try await services.stewardship.setting(ofCategory: category.id!, for: principal)
        return try await form(title: category.title, back: Paths.category(category.path), action: "/categories/\(category.id!)/stewardship",
                              own: setting.own, inherited: nil, candidates: setting.candidates, error: nil, context, request)
    }

    @Sendable func categorySave(request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let category = try await services.categories.category(id: context.parameters.number("id"), for: principal)
        let asked = try await Self.setting(from: request)
        do {
            try await services.stewardship.set(asked, ofCategory: category.id!, by: principal)
            return .redirect(to: Paths.category(category.path) + "?notice=saved")
        } catch let error as ValidationError {
            let setting = try await services.stewardship.setting(ofCategory: category.id!, for: principal)
            return try await form(title: category.title, back: Paths.category(category.path), action: "/categories/\(category.id!)/stewardship",
                                  own: asked, inherited: nil, candidates: setting.candidates, error: error, context, request)
        }
    }

    private static func setting(from request: Request) async throws -> StewardshipService.Setting {
        let form = try await FormData.read(from: request)
        return StewardshipService.Setting(ownerId: form.integer("owner"), reviewMonths: Int(request: form["reviewMonths"], in: .typed))
    }

    /// `inherited`: what an article gets from its category (nil for a category's own form).
    private func form(title: String, back: String, action: String, own: StewardshipService.Setting, inherited: StewardshipService.Setting?,
                      candidates: [StewardshipService.Candidate], error: ValidationError?, _ context: AppRequestContext,
                      _ request: Request) async throws -> Response {
        let t = context.translations
        let names = Dictionary(uniqueKeysWithValues: candidates.map { ($0.id, $0.name) })
        let inheritedOwner = inherited?.ownerId.flatMap { names[$0] }
        let ownerNone = inherited == nil ? t["owner_nobody"]
            : inheritedOwner.map { t.format("from_category", ["value": $0]) } ?? t["owner_nobody"]
        let intervalNone = inherited == nil ? t["review_never"]
            : inherited?.reviewMonths.map { t.format("from_category", ["value": t.plural("months", $0)]) } ?? t["review_never"]
        let view = FormView(
            heading: t.format("stewardship_title", ["title": title]),
            intro: t[inherited == nil ? "stewardship_category_intro" : "stewardship_article_intro"],
            action: action, back: back,
            owners: Choice.options(candidates.map { (String($0.id), $0.name) }, selected: own.ownerId.map(String.init) ?? "", none: ownerNone),
            intervals: Choice.options(Self.intervals.map { (String($0), t.plural("months", $0)) }, selected: own.reviewMonths.map(String.init) ?? "",
                                      none: intervalNone),
            fieldErrors: error.map { FormErrors($0, t: t, order: ["owner", "reviewMonths"]).fieldErrors } ?? [:])
        return try await services.renderPage("stewardship", view, title: view.heading, request: request, context: context,
                                             status: error == nil ? .ok : .unprocessableContent)
    }

    // MARK: Content health

    struct PageRow {
        let title: String
        let url: String
        let category: String
        let owner: String
        let detail: String
    }

    struct ListView {
        let id: String
        let title: String
        let hint: String
        let pages: [PageRow]
        var count: Int { pages.count }
    }

    struct HealthView {
        let lists: [ListView]
        let categoryOptions: String
        let csvURL: String
    }

    @Sendable func health(request: Request, context: AppRequestContext) async throws -> Response {
        let (health, tree, categoryId) = try await load(request, context)
        let t = context.translations
        let view = HealthView(
            lists: Self.lists(health, tree.byId, t),
            categoryOptions: CategoryOption.options(tree, selected: categoryId ?? 0),
            csvURL: "/content-health.csv" + (categoryId.map { "?category=\($0)" } ?? ""))
        let page = try await services.pages.page(view, title: t["content_health"], request: request, context: context,
                                                 breadcrumbs: PageBuilder.crumbs(home: t, lineage: [], last: t["content_health"]), tree: tree)
        return try services.views.render("content-health", page)
    }

    @Sendable func healthCSV(request: Request, context: AppRequestContext) async throws -> Response {
        let (health, tree, _) = try await load(request, context)
        let t = context.translations
        let rows = Self.lists(health, tree.byId, t).flatMap { list in
            list.pages.map { [list.title, $0.title, $0.url, $0.category, $0.owner, $0.detail] }
        }
        let data = CSVWriter.excelData(header: ["health_list", "health_page", "health_address", "category", "health_owner", "health_detail"].map { t[$0] },
                                       rows: rows, delimiter: t.language == .ru ? ";" : ",")
        return Response(status: .ok, headers: [
            .contentType: "text/csv; charset=utf-8", .contentDisposition: "attachment; filename=\"content-health.csv\"", .cacheControl: "no-store",
        ], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// For those who manage a category (what they manage); 404 for everyone else.
    private func load(_ request: Request, _ context: AppRequestContext) async throws
        -> (StewardshipService.Health, [CategoryNode], Int64?) {
        let principal = try context.requirePrincipal()
        let levels = try await services.categories.levels(for: principal)
        guard principal.isAdministrator || levels.values.contains(.manage) else { throw NotFound() }
        let tree = try await services.categories.tree(for: principal)
        let categoryId = Int64(request: request.uri.queryParameters.get("category"), in: .filterIds).flatMap { tree.byId[$0] != nil ? $0 : nil }
        return (try await services.stewardship.health(inCategory: categoryId, for: principal), tree, categoryId)
    }

    private static func lists(_ health: StewardshipService.Health, _ categories: [Int64: CategoryNode], _ t: Translations) -> [ListView] {
        func rows(_ pages: [StewardshipService.Page], _ detail: (StewardshipService.Page) -> String) -> [PageRow] {
            pages.map { page in
                PageRow(title: page.title, url: Paths.article(page.slug), category: categories[page.categoryId]?.category.title ?? "",
                        owner: page.ownerName ?? "—", detail: detail(page))
            }
        }
        let review = { (page: StewardshipService.Page) in page.nextReview.map { t.format("health_due", ["date": DisplayDate.day($0, t.language)]) } ?? "" }
        let changed = { (page: StewardshipService.Page) in t.format("health_changed", ["date": DisplayDate.day(page.updatedAt, t.language)]) }
        return [
            ListView(id: "overdue", title: t["health_overdue"], hint: t["health_overdue_hint"], pages: rows(health.overdue, review)),
            ListView(id: "without-owner", title: t["health_without_owner"], hint: t["health_without_owner_hint"], pages: rows(health.withoutOwner, changed)),
            ListView(id: "owner-left", title: t["health_owner_left"], hint: t["health_owner_left_hint"], pages: rows(health.ownerLeft, changed)),
            ListView(id: "untouched", title: t["health_untouched"], hint: t.format("health_untouched_hint", ["months": t.plural("months", StewardshipService.untouchedMonths)]),
                     pages: rows(health.untouched, changed)),
            ListView(id: "unread", title: t["health_unread"], hint: t.format("health_unread_hint", ["months": t.plural("months", StewardshipService.unreadMonths)]),
                     pages: rows(health.unread, changed)),
            ListView(id: "broken-links", title: t["health_broken_links"], hint: t["health_broken_links_hint"],
                     pages: rows(health.brokenLinks) { $0.brokenTargets.map { "[[\($0)]]" }.joined(separator: ", ") }),
            ListView(id: "orphans", title: t["health_orphans"], hint: t["health_orphans_hint"], pages: rows(health.orphans, changed)),
        ]
    }

    // MARK: Hand-over

    @Sendable func reassign(request: Request, context: AppRequestContext) async throws -> Response {
        let id = try context.parameters.number("id")
        let form = try await FormData.read(from: request)
        let successor = form.integer("successor") ?? 0
        do {
            try await services.stewardship.reassign(from: id, to: successor, by: context.requirePrincipal())
            return .redirect(to: "/admin/users/\(id)?notice=reassigned")
        } catch is ValidationError {
            return .redirect(to: "/admin/users/\(id)?notice=reassign_choose")
        }
    }
}
