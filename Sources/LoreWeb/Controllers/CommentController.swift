import Foundation
import Hummingbird
import LoreCore

/// Comments under articles and on client cards: writing, replying, editing one's own, deleting
/// and resolving. Every action returns to the comment on its page.
struct CommentController {
    let services: AppServices

    func addRoutes(to router: Router<AppRequestContext>) {
        router.post("/a/:slug/comments", use: addToArticle)
        router.post("/clients/:slug/comments", use: addToClient)
        router.get("/comments/:id/edit", use: editForm)
        router.post("/comments/:id/edit", use: edit)
        router.post("/comments/:id/delete", use: delete)
        router.post("/comments/:id/resolve", use: resolve)
    }

    @Sendable func addToArticle(request: Request, context: AppRequestContext) async throws -> Response {
        let article = try await services.liveArticle(context)
        return try await add(on: .article(article.id!), at: Paths.article(article.slug), request: request, context: context)
    }

    @Sendable func addToClient(request: Request, context: AppRequestContext) async throws -> Response {
        let card = try await services.clientQueries.card(slug: context.parameters.require("slug"), for: context.requirePrincipal())
        return try await add(on: .client(card.client.id!), at: Paths.client(card.client.slug), request: request, context: context)
    }

    private func add(on page: NotificationSubject, at address: String, request: Request, context: AppRequestContext) async throws -> Response {
        let form = try await FormData.read(from: request)
        do {
            let (comment, unseeing) = try await services.comments.add(form["comment"], on: page, replyingTo: form.integer("parent"),
                                                                      by: context.requirePrincipal())
            // People mentioned who may not see the page were not told: the writer hears who.
            let notice = unseeing.isEmpty ? "" : "?notice=mention_unseeing&names="
                + unseeing.joined(separator: ",")
            return .redirect(to: address + notice + "#comment-\(comment.id ?? 0)")
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
        let (comment, title, address) = try await own(context)
        return try await page(comment.body, title: title, address: address, id: comment.id!, error: nil, request: request, context: context)
    }

    @Sendable func edit(request: Request, context: AppRequestContext) async throws -> Response {
        let (comment, title, address) = try await own(context)
        let form = try await FormData.read(from: request)
        do {
            try await services.comments.edit(id: comment.id!, body: form["comment"], by: context.requirePrincipal())
            return .redirect(to: address + "#comment-\(comment.id!)")
        } catch let error as ValidationError {
            let message = error.fields.values.first.map { context.translations.message(for: $0) }
            return try await page(form["comment"], title: title, address: address, id: comment.id!, error: message, request: request, context: context)
        }
    }

    @Sendable func delete(request: Request, context: AppRequestContext) async throws -> Response {
        let id = try context.parameters.number("id")
        let address = try await services.comments.comment(id: id, for: context.requirePrincipal()).address
        try await services.comments.delete(id: id, by: context.requirePrincipal())
        return .redirect(to: address + "#comment-\(id)")
    }

    @Sendable func resolve(request: Request, context: AppRequestContext) async throws -> Response {
        let id = try context.parameters.number("id")
        let form = try await FormData.read(from: request)
        let address = try await services.comments.comment(id: id, for: context.requirePrincipal()).address
        try await services.comments.resolve(id: id, form["resolved"] != "0", by: context.requirePrincipal())
        return .redirect(to: address + "#comment-\(id)")
    }

    /// The principal's own comment, its page's title and address.
    private func own(_ context: AppRequestContext) async throws -> (Comment, String, String) {
        let found = try await services.comments.comment(id: context.parameters.number("id"), for: context.requirePrincipal())
        guard found.shown.canEdit else { throw AccessDenied() }
        return (found.shown.comment, found.title, found.address)
    }

    private func page(_ body: String, title: String, address: String, id: Int64, error: String?, request: Request, context: AppRequestContext)
        async throws -> Response {
        let t = context.translations
        let view = EditView(action: "/comments/\(id)/edit", back: address + "#comment-\(id)", body: body, error: error)
        return try await services.renderPage("comment-edit", view, title: t.format("comment_edit_title", ["title": title]),
                                             request: request, context: context, status: error == nil ? .ok : .unprocessableContent)
    }
}
