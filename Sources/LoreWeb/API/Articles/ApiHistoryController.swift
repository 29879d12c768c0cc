import Hummingbird
import LoreCore

/// An article's history: its revisions, one revision, and the comparison of two. Shown only to
/// those who may see the history, like the web pages.
struct ApiHistoryController {
    let services: AppServices

    func addRoutes(to router: some RouterMethods<AppRequestContext>) {
        router.get("/api/v1/articles/:slug/revisions", use: list)
        router.get("/api/v1/articles/:slug/revisions/:number", use: get)
        router.get("/api/v1/articles/:slug/diff", use: diff)
    }

    @Sendable func list(request: Request, context: AppRequestContext) async throws -> Response {
        let cursor = try ApiCursor(request.uri.queryParameters, kind: "revision")
        let article = try await services.liveArticle(context)
        let fetched = try await services.history.history(of: article, before: cursor.position.map { Int($0) }, limit: cursor.fetchLimit,
                                                          for: context.requirePrincipal())
        let (revisions, next) = cursor.page(fetched) { Int64($0.number) }
        return try ApiJSON.response(ApiPage(items: revisions.map(ApiRevision.Summary.init), nextCursor: next), request: request)
    }

    @Sendable func get(request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let article = try await services.liveArticle(context)
        let number = try context.parameters.number("number", as: Int.self)
        let revision = try await services.history.revision(number, of: article, for: principal)
        let names = try await services.queries.userNames([revision.authorId])
        let html = try await services.articles.preview(revision.body, article: article.id, revision: number, for: principal).html
        return try ApiJSON.response(ApiRevision(revision, author: names[revision.authorId] ?? "", html: html),
                                    version: "r\(revision.number)", request: request)
    }

    @Sendable func diff(request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let query = request.uri.queryParameters
        func number(_ name: String) throws -> Int {
            guard let value = try? PageNumber.revision(query.get(name)) else {
                throw ApiProblem.invalidParameter(name, "\(name) must be a revision number.")
            }
            return value
        }
        let from = try number("from"), to = try number("to")
        let article = try await services.liveArticle(context)
        // Compared in the order they were written, whichever way round they were asked for.
        let older = try await services.history.revision(min(from, to), of: article, for: principal)
        let newer = try await services.history.revision(max(from, to), of: article, for: principal)
        return try ApiJSON.response(ApiDiff(older: older, newer: newer), request: request)
    }
}
