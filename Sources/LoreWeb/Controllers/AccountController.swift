import Hummingbird
import LoreCore

/// One's own account page: who one is, signing out everywhere, and personal API tokens —
/// made here, shown once, revoked here.
struct AccountController {
    let services: AppServices
    let tokens: ApiTokenService

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/me", use: me)
        router.post("/me/tokens", use: createToken)
        router.post("/me/tokens/:id/revoke", use: revokeToken)
    }

    struct TokenRow {
        let id: Int64
        let name: String
        let details: String
        let isActive: Bool
        let revokeURL: String
    }

    struct SettingRow {
        let kind: String
        let label: String
        let deliveries: [Choice]
        let digest: Bool
    }

    struct MeView {
        let displayName: String
        let username: String
        let readingURL: String
        let tokens: [TokenRow]
        /// The secret of the token just made: shown this once.
        let newSecret: String?
        let tokenName: String
        let notificationSettings: [SettingRow]
        let autoWatch: Bool
        /// Without an address, "by e-mail" reaches nobody: the page says so.
        let noEmail: Bool
        let fieldErrors: [String: String]
        let errors: [FormErrors.Item]
    }

    @Sendable func me(request: Request, context: AppRequestContext) async throws -> Response {
        try await page(secret: nil, name: "", errors: .none, request: request, context: context)
    }

    @Sendable func createToken(request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let form = try await FormData.read(from: request)
        let days = Int(request: form["expires"], in: .typed)
        do {
            let (_, secret) = try await tokens.create(name: form["name"], readOnly: form["readOnly"] == "on",
                                                      expiresInDays: days.flatMap { $0 > 0 ? $0 : nil }, by: principal)
            // Rendered, not redirected: the secret must not travel in an address.
            return try await page(secret: secret, name: "", errors: .none, request: request, context: context)
        } catch let error as ValidationError {
            return try await page(secret: nil, name: form["name"], errors: FormErrors(error, t: context.translations, order: ["name", "expires"]),
                                  status: .unprocessableContent, request: request, context: context)
        }
    }

    @Sendable func revokeToken(request: Request, context: AppRequestContext) async throws -> Response {
        try await tokens.revoke(id: context.parameters.number("id"), by: context.requirePrincipal())
        return .redirect(to: "/me?notice=token_revoked#tokens")
    }

    private func page(secret: String?, name: String, errors: FormErrors, status: HTTPResponse.Status = .ok,
                      request: Request, context: AppRequestContext) async throws -> Response {
        guard let session = context.session, let principal = context.principal else { throw NotFound() }
        let t = context.translations
        let user = try await services.users.user(id: session.userId)
        let rows = try await tokens.tokens(for: principal).map { token in
            var details = [t.format("token_created", ["date": DisplayDate.format(token.createdAt, context.language)])]
            if token.isReadOnly { details.append(t["token_read_only"]) }
            if let expires = token.expiresAt { details.append(t.format("token_expires", ["date": DisplayDate.day(expires, context.language)])) }
            if let used = token.lastUsedAt { details.append(t.format("token_used", ["date": DisplayDate.format(used, context.language)])) }
            if let revoked = token.revokedAt { details.append(t.format("token_revoked_on", ["date": DisplayDate.format(revoked, context.language)])) }
            return TokenRow(id: token.id ?? 0, name: token.name, details: details.joined(separator: " · "), isActive: token.isValid(),
                            revokeURL: "/me/tokens/\(token.id ?? 0)/revoke")
        }
        let settings = try await services.notifications.settings(for: principal)
        let view = MeView(
            displayName: principal.displayName, username: user.username, readingURL: "/people/\(user.id ?? 0)/reading", tokens: rows,
            newSecret: secret, tokenName: name,
            notificationSettings: NotificationKind.allCases.map { kind in
                let choice = settings.choices[kind] ?? kind.defaultSetting
                return SettingRow(kind: kind.rawValue, label: t["notification_kind_\(kind.rawValue)"],
                                  deliveries: Choice.options(NotificationSetting.Delivery.self, prefix: "delivery", selected: choice.delivery.rawValue, t: t),
                                  digest: choice.digest)
            },
            autoWatch: settings.autoWatch, noEmail: (user.email ?? "").isEmpty,
            fieldErrors: errors.fieldErrors, errors: errors.errors)
        return try await services.renderPage("me", view, title: t["my_account"], request: request, context: context, status: status)
    }
}
