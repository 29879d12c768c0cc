import Hummingbird
import LoreCore

/// Finds who is acting: the user of a live session cookie, or else a guest. The principal is
/// loaded from the database on every request, so a change of roles, grants or a deactivation
/// applies to the very next one.
struct SessionMiddleware: RouterMiddleware {
    static let sessionCookie = "lore_session"
    /// Guests have no session; their forms (the sign-in form) are protected by a token that is
    /// both in this cookie and in the form.
    static let guestTokenCookie = "lore_csrf"
    let sessions: SessionStore
    let principals: PrincipalLoader
    let seeAs: SeeAs
    let secureCookies: Bool

    func handle(_ request: Request, context: AppRequestContext, next: (Request, AppRequestContext) async throws -> Response) async throws -> Response {
        var context = context
        if let token = request.cookie(Self.sessionCookie), let session = try await sessions.resume(token: token) {
            if let principal = try await principals.principal(userId: session.userId) {
                context.session = session
                let acting = principal.acting(from: context.clientAddress)
                context.principal = acting
                context.csrfToken = session.csrfToken
                if let seen = try await seeAs.seen(in: session, by: acting) {
                    context.principal = seen.acting(from: context.clientAddress)
                    context.seeingAs = seen.displayName
                    context.viewer = acting
                }
            } else {
                // Deactivated while signed in: the session ends now.
                try await sessions.end(id: session.id)
            }
        }
        var newGuestToken: String?
        if context.principal == nil {
            context.principal = try await principals.guest().acting(from: context.clientAddress)
            if let token = request.cookie(Self.guestTokenCookie), !token.isEmpty {
                context.csrfToken = token
            } else {
                newGuestToken = SecretToken.random()
                context.csrfToken = newGuestToken!
            }
        }
        var response = try await next(request, context)
        if let newGuestToken {
            response.setCookie(.init(name: Self.guestTokenCookie, value: newGuestToken, path: "/",
                                     secure: secureCookies, httpOnly: true, sameSite: .lax))
        }
        return response
    }
}
