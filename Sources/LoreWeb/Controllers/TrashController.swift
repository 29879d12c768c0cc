import Hummingbird
import LoreCore

/// Deleted articles, kept with their history until restored.
struct TrashController {
    let services: AppServices

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/trash", use: list)
        router.post("/trash/:id/restore", use: restore)
        router.post("/trash/:id/purge", use: purge)
    }

    struct TrashItem {
        let title: String
        let deletedLine: String
        let revisions: String
        let restoreURL: String
        /// Deleting for good, history and all, is for administrators.
        let purgeURL: String?
    }

    struct TrashView {
        let items: [TrashItem]
    }

    @Sendable func list(request: Request, context: AppRequestContext) async throws -> Response {
        if context.isGuest { throw NotFound() }
        let principal = try context.requirePrincipal()
        let t = context.translations
        let articles = try await services.queries.trash(for: principal)
        let names = try await services.queries.userNames(Set(articles.compactMap(\.deletedById)))
        let view = TrashView(items: articles.map { article in
            TrashItem(
                title: article.title,
                deletedLine: t.format("deleted_by", [
                    "date": article.deletedAt.map { DisplayDate.format($0, t.language) } ?? "",
                    "name": article.deletedById.flatMap { names[$0] } ?? "—",
                ]),
                revisions: t.plural("revision_count", article.revision),
                restoreURL: "/trash/\(article.id!)/restore",
                purgeURL: principal.isAdministrator ? "/trash/\(article.id!)/purge" : nil)
        })
        let page = try await services.pages.page(
            view, title: t["trash"], request: request, context: context,
            breadcrumbs: PageBuilder.crumbs(home: t, lineage: [], last: t["trash"]))
        return try services.views.render("trash", page)
    }

    @Sendable func restore(request: Request, context: AppRequestContext) async throws -> Response {
        let id = try context.parameters.number("id")
        let article = try await services.articles.restore(id: id, by: context.requirePrincipal())
        return .redirect(to: Paths.article(article.slug) + "?notice=restored")
    }

    @Sendable func purge(request: Request, context: AppRequestContext) async throws -> Response {
        let id = try context.parameters.number("id")
        try await services.articles.purge(id: id, by: context.requirePrincipal())
        try await services.attachments.removeUnusedFiles()
        return .redirect(to: "/trash?notice=purged")
    }
}
