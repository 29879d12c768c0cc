import Foundation
import Hummingbird
import LoreCore

/// Signing in and out, and asking for a new password by e-mail.
struct AuthController {
    let services: AppServices
    let sessions: SessionStore
    let accounts: UserAdministration
    let mailEnabled: Bool
    let logins: LoginService
    let secureCookies: Bool

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/login", use: loginForm)
        router.post("/login", use: login)
        router.post("/logout", use: logout)
        router.get("/forgot-password", use: forgotForm)
        router.post("/forgot-password", use: forgot)
        router.post("/me/logout-everywhere", use: logoutEverywhere)
    }

    struct LoginView {
        let login: String
        let next: String
        let failed: Bool
        var throttled = false
    }

    @Sendable func loginForm(request: Request, context: AppRequestContext) async throws -> Response {
        let next = LocalPath.sanitized(request.uri.queryParameters.get("next") ?? "/")
        if !context.isGuest { return .redirect(to: next) }
        return try await loginPage(LoginView(login: "", next: next, failed: false), request: request, context: context, status: .ok)
    }

    @Sendable func login(request: Request, context: AppRequestContext) async throws -> Response {
        let form = try await FormData.read(from: request)
        let next = LocalPath.sanitized(form["next"])
        let authenticated: User?
        do {
            authenticated = try await logins.authenticate(login: form["login"], password: form["password"], address: context.clientAddress)
        } catch is LoginThrottled {
            return try await loginPage(LoginView(login: form["login"], next: next, failed: false, throttled: true),
                                       request: request, context: context, status: .tooManyRequests)
        }
        guard let user = authenticated, let userId = user.id else {
            return try await loginPage(LoginView(login: form["login"], next: next, failed: true), request: request, context: context, status: .unauthorized)
        }
        if let old = context.session { try await sessions.end(id: old.id) }
        let (_, token) = try await sessions.start(userId: userId, address: context.clientAddress)
        // E-mails are written in the language they last used.
        try await services.users.rememberLanguage(context.language.rawValue, of: userId)
        var response = Response.redirect(to: next)
        response.setCookie(sessionCookie(token, maxAge: Int(sessions.lifetime)))
        return response
    }

    @Sendable func logout(request: Request, context: AppRequestContext) async throws -> Response {
        if let session = context.session {
            try await sessions.end(id: session.id)
            try await AuditLog(database: services.database).record(.logout, actor: session.userId, address: context.clientAddress)
        }
        var response = Response.redirect(to: "/login")
        response.setCookie(sessionCookie("", maxAge: 0))
        return response
    }

    @Sendable func logoutEverywhere(request: Request, context: AppRequestContext) async throws -> Response {
        guard let session = context.session else { throw NotFound() }
        try await sessions.endAll(userId: session.userId)
        try await AuditLog(database: services.database).record(.logoutEverywhere, actor: session.userId, address: context.clientAddress)
        var response = Response.redirect(to: "/login")
        response.setCookie(sessionCookie("", maxAge: 0))
        return response
    }

    struct ForgotView {
        let login: String
        let sent: Bool
        let mailEnabled: Bool
    }

    @Sendable func forgotForm(request: Request, context: AppRequestContext) async throws -> Response {
        let view = ForgotView(login: "", sent: false, mailEnabled: mailEnabled)
        return try await services.renderPage("forgot-password", view, title: context.translations["forgot_password"], request: request, context: context)
    }

    /// The same answer whether the account exists or not.
    @Sendable func forgot(request: Request, context: AppRequestContext) async throws -> Response {
        let form = try await FormData.read(from: request)
        try await accounts.requestReset(login: form["login"], address: context.clientAddress)
        let view = ForgotView(login: form["login"], sent: true, mailEnabled: mailEnabled)
        return try await services.renderPage("forgot-password", view, title: context.translations["forgot_password"], request: request, context: context)
    }

    private func loginPage(_ view: LoginView, request: Request, context: AppRequestContext, status: HTTPResponse.Status) async throws -> Response {
        let page = try await services.pages.page(view, title: context.translations["sign_in"], request: request, context: context)
        return try services.views.render("login", page, status: status)
    }

    private func sessionCookie(_ value: String, maxAge: Int) -> Cookie {
        Cookie(name: SessionMiddleware.sessionCookie, value: value, maxAge: maxAge, path: "/",
               secure: secureCookies, httpOnly: true, sameSite: .lax)
    }
}
