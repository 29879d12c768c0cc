import Hummingbird
import LoreCore

/// Read and confirm, under the same rights as the pages: the caller's pages to confirm, their
/// confirmation of a page's current revision, and who confirmed a page (its managers and those
/// who report on reading).
struct ApiAcknowledgementController {
    let services: AppServices

    func addRoutes(to router: some RouterMethods<AppRequestContext>) {
        router.get("/api/v1/acknowledgements", use: pending)
        router.post("/api/v1/articles/:slug/acknowledgement", use: acknowledge)
        router.get("/api/v1/articles/:slug/acknowledgements", use: report)
    }

    @Sendable func pending(request: Request, context: AppRequestContext) async throws -> Response {
        let pending = try await services.acknowledgements.pending(for: context.requirePrincipal())
        return try ApiJSON.response(ApiItems(items: pending.map(ApiAcknowledgement.Pending.init)), request: request)
    }

    @Sendable func acknowledge(request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let article = try await services.liveArticle(context)
        let input = try await ApiBody.decode(ApiAcknowledgement.Input.self, from: request, schemas: services.apiSchemas)
        do {
            try await services.acknowledgements.acknowledge(articleId: article.id!, revision: input.revision, by: principal)
        } catch let changed as AcknowledgementService.PageChanged {
            throw ApiProblem(.conflict, "page_changed",
                             detail: "The page is at revision \(changed.revision) now: read it and confirm that revision.")
        }
        let status = try await services.acknowledgements.status(ofArticle: article.id!, for: principal)
        return try ApiJSON.response(ApiAcknowledgement.Status(status), request: request)
    }

    @Sendable func report(request: Request, context: AppRequestContext) async throws -> Response {
        let article = try await services.liveArticle(context)
        let query = request.uri.queryParameters
        let report = try await services.acknowledgements.report(
            ofArticle: article.id!, role: Int64(request: query.get("role"), in: .filterIds), department: query.get("department").map { String($0) },
            for: context.requirePrincipal())
        return try ApiJSON.response(ApiAcknowledgement.Report(report), request: request)
    }
}
