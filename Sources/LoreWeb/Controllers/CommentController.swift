import Foundation
import Hummingbird
import LoreCore

/// Comments under articles: writing, replying, editing one's own, deleting and resolving.
/// Every action returns to the comment on the article page.
struct CommentController {
    let services: AppServices

    func addRoutes(to router: Router<AppRequestContext>) {
        router.post("/a/:slug/comments", use: add)
        router.get("/comments/:id/edit", use: editForm)
        router.post("/comments/:id/edit", use: edit)
        router.post("/comments/:id/delete", use: delete)
        router.post("/comments/:id/resolve", use: resolve)
    }

    @Sendable func add(request: Request, context: AppRequestContext) async throws -> Response {
        let article = try await services.liveArticle(context)
        let form = try await FormData.read(from: request)
        do {
            let comment = try await services.comments.add(form["comment"], toArticle: article.id!, replyingTo: form.integer("parent"),
                                                          by: context.requirePrincipal())
            return .redirect(to: Paths.article(article.slug) + "#comment-\(comment.id ?? 0)")
        } catch let error as ValidationError {
            // Nothing to keep but the reason: an empty or overlong comment.
            let message = error.fields.values.first.map { context.translations.message(for: $0) } ?? ""
            throw HTTPError(.unprocessableContent, message: message)
        }
    }

    struct EditView {
        let action: String
        let back: String
        let body: String
        let error: String?
    }

    @Sendable func editForm(request: Request, context: AppRequestContext) async throws -> Response {
        let (comment, article) = try await own(context)
        return try await page(comment.body, article: article, id: comment.id!, error: nil, request: request, context: context)
    }

    @Sendable func edit(request: Request, context: AppRequestContext) async throws -> Response {
        let (comment, article) = try await own(context)
        let form = try await FormData.read(from: request)
        do {
            try await services.comments.edit(id: comment.id!, body: form["comment"], by: context.requirePrincipal())
            return .redirect(to: Paths.article(article.slug) + "#comment-\(comment.id!)")
        } catch let error as ValidationError {
            let message = error.fields.values.first.map { context.translations.message(for: $0) }
            return try await page(form["comment"], article: article, id: comment.id!, error: message, request: request, context: context)
        }
    }

    @Sendable func delete(request: Request, context: AppRequestContext) async throws -> Response {
        let id = try context.parameters.number("id")
        let slug = try await services.comments.articleSlug(ofComment: id, for: context.requirePrincipal())
        try await services.comments.delete(id: id, by: context.requirePrincipal())
        return .redirect(to: Paths.article(slug) + "#comment-\(id)")
    }

    @Sendable func resolve(request: Request, context: AppRequestContext) async throws -> Response {
        let id = try context.parameters.number("id")
        let form = try await FormData.read(from: request)
        let slug = try await services.comments.articleSlug(ofComment: id, for: context.requirePrincipal())
        try await services.comments.resolve(id: id, form["resolved"] != "0", by: context.requirePrincipal())
        return .redirect(to: Paths.article(slug) + "#comment-\(id)")
    }

    /// The principal's own comment and its page.
    private func own(_ context: AppRequestContext) async throws -> (Comment, Article) {
        let id = try context.parameters.number("id")
        let principal = try context.requirePrincipal()
        let slug = try await services.comments.articleSlug(ofComment: id, for: principal)
        guard case .found(let article) = try await services.queries.article(slug: slug, for: principal),
              let shown = try await services.comments.threads(ofArticle: article.id!, for: principal)
                .flatMap({ [$0.comment] + $0.replies }).first(where: { $0.comment.id == id })
        else { throw NotFound() }
        guard shown.canEdit else { throw AccessDenied() }
        return (shown.comment, article)
    }

    private func page(_ body: String, article: Article, id: Int64, error: String?, request: Request, context: AppRequestContext)
        async throws -> Response {
        let t = context.translations
        let view = EditView(action: "/comments/\(id)/edit", back: Paths.article(article.slug) + "#comment-\(id)", body: body, error: error)
        return try await services.renderPage("comment-edit", view, title: t.format("comment_edit_title", ["title": article.title]),
                                             request: request, context: context, status: error == nil ? .ok : .unprocessableContent)
    }
}
