import Hummingbird
import LoreCore

/// Approval before publishing in the API: the changes waiting for the caller's approval and
/// their own, approving one (it becomes the author's published revision) or returning it.
struct ApiApprovalController {
    let services: AppServices

    func addRoutes(to router: some RouterMethods<AppRequestContext>) {
        router.get("/api/v1/approvals", use: list)
        router.post("/api/v1/approvals/:id/approve", use: approve)
        router.post("/api/v1/approvals/:id/return", use: giveBack)
    }

    struct Lists: Encodable, Sendable {
        let toApprove: [ApiPendingChange]
        let mine: [ApiPendingChange]
    }

    @Sendable func list(request: Request, context: AppRequestContext) async throws -> Response {
        let (toApprove, mine) = try await services.approvals.changes(for: context.requirePrincipal())
        let present = { (list: [ApprovalService.Shown]) in list.map { ApiPendingChange($0.change, author: $0.authorName) } }
        return try ApiJSON.response(Lists(toApprove: present(toApprove), mine: present(mine)), request: request)
    }

    @Sendable func approve(request: Request, context: AppRequestContext) async throws -> Response {
        do {
            let article = try await services.approvals.approve(id: context.parameters.number("id"), by: context.requirePrincipal())
            return try ApiJSON.response(ApiApproved(slug: article.slug, revision: article.revision), request: request)
        } catch is EditConflict {
            throw ApiProblem(.conflict, "edit_conflict", detail: "The page changed on the same lines since: return the change to its author.")
        }
    }

    struct ApiApproved: Encodable, Sendable {
        let slug: String
        let revision: Int
    }

    @Sendable func giveBack(request: Request, context: AppRequestContext) async throws -> Response {
        let input = try await ApiBody.decode(ApiPendingChange.ReturnInput.self, from: request, schemas: services.apiSchemas)
        let id = try context.parameters.number("id")
        try await services.approvals.returnToAuthor(id: id, comment: input.comment, by: context.requirePrincipal())
        let shown = try await services.approvals.change(id: id, for: context.requirePrincipal())
        return try ApiJSON.response(ApiPendingChange(shown.change, author: shown.authorName), request: request)
    }
}
