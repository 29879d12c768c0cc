import Hummingbird
import LoreCore

/// Restricting one article to some roles, for those who manage its category.
struct ArticleAccessController {
    let services: AppServices

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/a/:slug/access", use: form)
        router.post("/a/:slug/access", use: save)
    }

    struct RoleChoice {
        let id: Int64
        let name: String
        let checked: Bool
    }

    struct AccessView {
        let title: String
        let action: String
        let articleURL: String
        let roles: [RoleChoice]
    }

    @Sendable func form(request: Request, context: AppRequestContext) async throws -> Response {
        let article = try await managedArticle(context)
        let restricted = try await services.roles.restriction(of: article.id!)
        let roles = try await services.roles.roles().filter { $0.kind != .administrator }
        let t = context.translations
        let view = AccessView(
            title: article.title, action: Paths.article(article.slug) + "/access", articleURL: Paths.article(article.slug),
            roles: roles.compactMap { role in role.id.map { RoleChoice(id: $0, name: t.name(of: role), checked: restricted.contains($0)) } })
        return try await services.renderPage("article-access", view, title: t.format("article_access_heading", ["title": article.title]),
                                             request: request, context: context)
    }

    @Sendable func save(request: Request, context: AppRequestContext) async throws -> Response {
        let article = try await managedArticle(context)
        let form = try await FormData.read(from: request)
        let chosen = try await services.roles.roles().compactMap { role in role.id.flatMap { form["role-\($0)"] == "on" ? $0 : nil } }
        try await services.roles.restrict(article: article.id!, to: Set(chosen), by: context.requirePrincipal())
        return .redirect(to: Paths.article(article.slug) + "?notice=saved")
    }

    /// The article, when the principal may manage its category; otherwise the same answers as elsewhere.
    private func managedArticle(_ context: AppRequestContext) async throws -> Article {
        let principal = try context.requirePrincipal()
        let article = try await services.liveArticle(context)
        if try await services.categories.level(inCategory: article.categoryId, for: principal) < .manage { throw AccessDenied() }
        return article
    }
}
