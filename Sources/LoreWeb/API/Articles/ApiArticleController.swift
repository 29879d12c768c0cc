import Foundation
import Hummingbird
import LoreCore

/// Articles: listing, reading, creating, changing (based on a revision, merged or refused as
/// in the web editor), moving, the trash.
struct ApiArticleController {
    let services: AppServices

    func addRoutes(to router: some RouterMethods<AppRequestContext>) {
        router.get("/api/v1/articles", use: list)
        router.post("/api/v1/articles", use: create)
        router.get("/api/v1/articles/:slug", use: get)
        router.put("/api/v1/articles/:slug", use: update)
        router.delete("/api/v1/articles/:slug", use: delete)
        router.post("/api/v1/articles/:slug/move", use: move)
        router.post("/api/v1/articles/:slug/restore", use: restore)
        router.get("/api/v1/trash", use: trash)
    }

    @Sendable func list(request: Request, context: AppRequestContext) async throws -> Response {
        let query = request.uri.queryParameters
        let cursor = try ApiCursor(query, kind: "article")
        let category = try query.get("category").map { text in
            guard let id = Int64(request: text, in: .filterIds) else { throw ApiProblem.invalidParameter("category", "category must be a category id.") }
            return id
        }
        let since = try query.get("updatedSince").map { text in
            // Any RFC 3339 moment, as the document's `date-time` allows: fractions and offsets too.
            let fractional = ISO8601DateFormatter()
            fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
            guard let date = ISO8601DateFormatter().date(from: text) ?? fractional.date(from: text) else {
                throw ApiProblem.invalidParameter("updatedSince", "updatedSince must be a date and time such as 2026-11-23T09:00:00Z.")
            }
            return date
        }
        let fetched = try await services.queries.page(inCategory: category, updatedSince: since, after: cursor.position,
                                                      limit: cursor.fetchLimit, for: context.requirePrincipal())
        let (articles, next) = cursor.page(fetched) { $0.id }
        return try ApiJSON.response(ApiPage(items: try await summaries(articles), nextCursor: next), request: request)
    }

    @Sendable func get(request: Request, context: AppRequestContext) async throws -> Response {
        let article = try await services.liveArticle(context)
        return try ApiJSON.response(try await present(article, context), version: ApiArticle.version(article), request: request)
    }

    @Sendable func create(request: Request, context: AppRequestContext) async throws -> Response {
        let input = try await ApiBody.decode(ApiArticle.Input.self, from: request, schemas: services.apiSchemas)
        let article: Article
        do {
            article = try await Self.sayingWhatIsMissing(input) { try await services.articles.create(input.draft, by: context.requirePrincipal()) }
        } catch is ApprovalRequired {
            return try await waiting(input.draft, article: nil, base: nil, request, context)
        }
        return try ApiJSON.created(try await present(article, context), at: "/api/v1/articles/\(article.slug)",
                                   version: ApiArticle.version(article), request: request)
    }

    @Sendable func update(request: Request, context: AppRequestContext) async throws -> Response {
        let base = try ApiPrecondition.version(request, prefix: "r")
        let article = try await services.liveArticle(context)
        let input = try await ApiBody.decode(ApiArticle.Input.self, from: request, schemas: services.apiSchemas)
        guard base <= article.revision else {
            throw ApiProblem(.badRequest, "invalid_precondition", detail: "The article has no revision \(base) yet.")
        }
        do {
            let saved = try await Self.sayingWhatIsMissing(input) {
                try await services.articles.save(id: article.id ?? 0, input.draft, baseRevision: base, by: context.requirePrincipal())
            }
            return try ApiJSON.response(try await present(saved, context, merged: base != article.revision),
                                        version: ApiArticle.version(saved), request: request)
        } catch let conflict as EditConflict {
            throw ApiEditConflict.problem(conflict, current: try await present(conflict.current, context), sent: input)
        } catch is ApprovalRequired {
            return try await waiting(input.draft, article: article, base: base, request, context)
        }
    }

    /// Where changes wait for approval, the change is kept for it and the answer (202) says so:
    /// everyone else keeps reading the published page.
    private func waiting(_ draft: ArticleDraft, article: Article?, base: Int?, _ request: Request, _ context: AppRequestContext)
        async throws -> Response {
        let principal = try context.requirePrincipal()
        let change = try await services.approvals.submit(draft, article: article?.id, baseRevision: base, by: principal)
        return try ApiJSON.response(ApiPendingChange(change, author: principal.displayName), status: .accepted, request: request)
    }

    @Sendable func move(request: Request, context: AppRequestContext) async throws -> Response {
        let article = try await services.liveArticle(context)
        let input = try await ApiBody.decode(ApiArticle.MoveInput.self, from: request, schemas: services.apiSchemas)
        guard let categoryId = input.categoryId else { throw ValidationError(field: "category", .required) }
        var draft = ArticleDraft(article)
        draft.categoryId = categoryId
        draft.historyOnMove = ApiArticle.Input.historyOnMove(input.earlierRevisions)
        // Based on the revision just read: a save in between is merged, as the text is unchanged.
        let moved: Article
        do {
            moved = try await services.articles.save(id: article.id ?? 0, draft, baseRevision: article.revision, by: context.requirePrincipal())
        } catch is ApprovalRequired {
            return try await waiting(draft, article: article, base: article.revision, request, context)
        }
        return try ApiJSON.response(try await present(moved, context), version: ApiArticle.version(moved), request: request)
    }

    @Sendable func delete(request: Request, context: AppRequestContext) async throws -> Response {
        let article = try await services.liveArticle(context)
        try await services.articles.delete(id: article.id ?? 0, by: context.requirePrincipal())
        return ApiJSON.noContent()
    }

    @Sendable func restore(request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let trashed = try await services.queries.trashed(slug: context.parameters.require("slug"), for: principal)
        let restored = try await services.articles.restore(id: trashed.id ?? 0, by: principal)
        return try ApiJSON.response(try await present(restored, context), version: ApiArticle.version(restored), request: request)
    }

    @Sendable func trash(request: Request, context: AppRequestContext) async throws -> Response {
        let articles = try await services.queries.trash(for: context.requirePrincipal())
        return try ApiJSON.response(ApiItems(items: try await summaries(articles.map(ArticleSummary.init))), request: request)
    }

    /// A category left out is "required", not the "not found" its stand-in id 0 would give.
    private static func sayingWhatIsMissing(_ input: ApiArticle.Input, _ write: () async throws -> Article) async throws -> Article {
        do {
            return try await write()
        } catch var error as ValidationError where input.categoryId == nil && error.fields["category"] != nil {
            error.fields["category"] = .required
            throw error
        }
    }

    private func summaries(_ articles: [ArticleSummary]) async throws -> [ApiArticle.Summary] {
        let names = try await services.queries.userNames(Set(articles.map(\.updatedById)))
        return articles.map { ApiArticle.Summary($0, updatedBy: names[$0.updatedById] ?? "") }
    }

    private func present(_ article: Article, _ context: AppRequestContext, merged: Bool? = nil) async throws -> ApiArticle {
        let principal = try context.requirePrincipal()
        let category = try await services.categories.category(id: article.categoryId, for: principal)
        let html = try await services.queries.visibleHTML(of: article, for: principal)
        let names = try await services.queries.userNames([article.updatedById])
        return ApiArticle(article, categoryPath: category.path, html: html, updatedBy: names[article.updatedById] ?? "", merged: merged)
    }
}
