import Hummingbird

/// Picks the interface language: the reader's saved choice, else their browser's, else English.
struct LanguageMiddleware: RouterMiddleware {
    static let cookieName = "lang"

    func handle(_ request: Request, context: AppRequestContext, next: (Request, AppRequestContext) async throws -> Response) async throws -> Response {
        var context = context
        context.language = request.cookie(Self.cookieName).flatMap(Language.init(rawValue:))
            ?? Language.preferred(acceptLanguage: request.headers[.acceptLanguage])
            ?? .en
        return try await next(request, context)
    }
}
