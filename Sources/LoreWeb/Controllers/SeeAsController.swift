import Hummingbird
import LoreCore

/// "See as": a user manager browses exactly what another user can see, to check their rights.
/// Nothing can be changed meanwhile (see ``CSRFMiddleware``).
struct SeeAsController {
    static let stopPath = "/see-as/stop"

    let services: AppServices
    let accounts: UserAdministration
    let secureCookies: Bool

    func addRoutes(to router: Router<AppRequestContext>) {
        router.post("/admin/users/:id/see-as", use: start)
        router.post(.init(stringLiteral: Self.stopPath), use: stop)
    }

    @Sendable func start(request: Request, context: AppRequestContext) async throws -> Response {
        let account = try await accounts.account(id: context.parameters.require("id", as: Int64.self), by: context.requirePrincipal())
        guard account.user.isActive, let id = account.user.id else { throw NotFound() }
        var response = Response.redirect(to: "/")
        response.setCookie(cookie(String(id), maxAge: 3600))
        return response
    }

    @Sendable func stop(request: Request, context: AppRequestContext) async throws -> Response {
        var response = Response.redirect(to: "/admin/users")
        response.setCookie(cookie("", maxAge: 0))
        return response
    }

    private func cookie(_ value: String, maxAge: Int) -> Cookie {
        Cookie(name: SessionMiddleware.seeAsCookie, value: value, maxAge: maxAge, path: "/",
               secure: secureCookies, httpOnly: true, sameSite: .lax)
    }
}
