import Hummingbird
import LoreCore

/// "See as": a user manager browses exactly what another user can see, to check their rights.
/// Nothing can be changed meanwhile (see ``CSRFMiddleware``); whom is seen lives in the session.
struct SeeAsController {
    static let stopPath = "/see-as/stop"

    let services: AppServices
    let seeAs: SeeAs

    func addRoutes(to router: Router<AppRequestContext>) {
        router.post("/admin/users/:id/see-as", use: start)
        router.post(.init(stringLiteral: Self.stopPath), use: stop)
    }

    @Sendable func start(request: Request, context: AppRequestContext) async throws -> Response {
        guard let session = context.session, context.seeingAs == nil else { throw NotFound() }
        try await seeAs.start(session: session, targetId: context.parameters.number("id"), by: context.requirePrincipal())
        return .redirect(to: "/")
    }

    @Sendable func stop(request: Request, context: AppRequestContext) async throws -> Response {
        guard let session = context.session else { throw NotFound() }
        if let viewer = context.viewer { try await seeAs.stop(session: session, by: viewer) }
        return .redirect(to: "/admin/users")
    }
}
