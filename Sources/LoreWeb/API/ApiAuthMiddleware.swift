import Foundation
import Hummingbird
import LoreCore

/// Who is acting on an API request: the user of a valid personal token sent as
/// `Authorization: Bearer`. Cookies count for nothing here, so a page on another site cannot
/// make a signed-in browser call the API, and the web's CSRF check is not needed.
/// A read-only token reads; every token is rate limited.
struct ApiAuthMiddleware: RouterMiddleware {
    static let realm = "Bearer realm=\"Lore\""

    let tokens: ApiTokenService
    let principals: PrincipalLoader
    let limiter: ApiRateLimiter

    func handle(_ request: Request, context: AppRequestContext, next: (Request, AppRequestContext) async throws -> Response) async throws -> Response {
        guard let secret = Self.bearer(request.headers[.authorization]) else {
            throw Self.unauthorized("unauthorized", challenge: Self.realm, detail: "Send a personal token from your account page as Authorization: Bearer.")
        }
        guard let token = try await tokens.authenticate(secret: secret), let tokenId = token.id,
              let principal = try await principals.principal(userId: token.userId)
        else {
            throw Self.unauthorized("invalid_token", challenge: Self.realm + ", error=\"invalid_token\"",
                                    detail: "The token is unknown, revoked or expired, or its user is deactivated.")
        }
        let decision = await limiter.take(for: tokenId)
        let limitHeaders: HTTPFields = limiter.perMinute > 0
            ? [.rateLimitLimit: String(limiter.perMinute), .rateLimitRemaining: String(decision.remaining)] : [:]
        // From here on every answer, errors included, tells the program its allowance.
        do {
            guard decision.allowed else {
                var problem = ApiProblem(.tooManyRequests, "rate_limited", detail: "This token may make \(limiter.perMinute) requests a minute.")
                problem.headers[.retryAfter] = String(decision.retryAfter)
                throw problem
            }
            if token.isReadOnly, ![.get, .head].contains(request.method) {
                throw ApiProblem(.forbidden, "read_only_token", detail: "This token may only read.")
            }
            var context = context
            context.principal = principal.acting(from: context.clientAddress)
            context.apiToken = token
            var response = try await next(request, context)
            response.headers.append(contentsOf: limitHeaders)
            return response
        } catch {
            var problem = (error as? ApiProblem) ?? ApiErrorMiddleware.problem(for: error, context: context)
            problem.headers.append(contentsOf: limitHeaders)
            return try ApiJSON.problem(problem)
        }
    }

    static func bearer(_ header: String?) -> String? {
        guard let header, header.count > 7, header.prefix(7).lowercased() == "bearer " else { return nil }
        let secret = header.dropFirst(7).trimmingCharacters(in: .whitespaces)
        return secret.isEmpty ? nil : secret
    }

    private static func unauthorized(_ code: String, challenge: String, detail: String) -> ApiProblem {
        var problem = ApiProblem(.unauthorized, code, detail: detail)
        problem.headers[.wwwAuthenticate] = challenge
        return problem
    }
}
