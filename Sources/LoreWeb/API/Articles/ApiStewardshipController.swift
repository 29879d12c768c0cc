import Hummingbird
import LoreCore

/// Owners and review dates, under the same rights as the pages: anyone who reads a page sees
/// its owner and review dates; its owner and managers record a review; managers change them.
struct ApiStewardshipController {
    let services: AppServices

    func addRoutes(to router: some RouterMethods<AppRequestContext>) {
        router.get("/api/v1/articles/:slug/stewardship", use: get)
        router.put("/api/v1/articles/:slug/stewardship", use: set)
        router.post("/api/v1/articles/:slug/review", use: review)
    }

    @Sendable func get(request: Request, context: AppRequestContext) async throws -> Response {
        let article = try await services.liveArticle(context)
        return try await answer(article, request, context)
    }

    @Sendable func set(request: Request, context: AppRequestContext) async throws -> Response {
        let article = try await services.liveArticle(context)
        let input = try await ApiBody.decode(ApiStewardship.Input.self, from: request, schemas: services.apiSchemas)
        try await services.stewardship.set(.init(ownerId: input.ownerId, reviewMonths: input.reviewMonths), ofArticle: article.id!,
                                           by: context.requirePrincipal())
        return try await answer(article, request, context)
    }

    @Sendable func review(request: Request, context: AppRequestContext) async throws -> Response {
        let article = try await services.liveArticle(context)
        try await services.stewardship.markReviewed(articleId: article.id!, by: context.requirePrincipal())
        return try await answer(article, request, context)
    }

    private func answer(_ article: Article, _ request: Request, _ context: AppRequestContext) async throws -> Response {
        guard let line = try await services.stewardship.line(ofArticle: article.id!, for: context.requirePrincipal()) else { throw NotFound() }
        return try ApiJSON.response(ApiStewardship(line), request: request)
    }
}
