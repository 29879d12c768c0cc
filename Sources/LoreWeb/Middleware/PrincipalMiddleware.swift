import Hummingbird
import LoreCore

/// Decides who is acting. Until sign-in exists, the bootstrap administrator acts for every request.
struct PrincipalMiddleware: RouterMiddleware {
    let principal: Principal

    func handle(_ request: Request, context: AppRequestContext, next: (Request, AppRequestContext) async throws -> Response) async throws -> Response {
        var context = context
        context.principal = principal
        return try await next(request, context)
    }
}
