import Hummingbird

/// The web pages and the JSON API are two routers with their own middleware: a request goes to
/// the API's when its path starts with `/api/`, so cookies, CSRF and HTML error pages never
/// touch the API and bearer tokens never touch the pages.
struct LoreRouters: HTTPResponderBuilder {
    let web: Router<AppRequestContext>
    let api: Router<AppRequestContext>

    func buildResponder() -> LoreResponder {
        LoreResponder(web: web.buildResponder(), api: api.buildResponder())
    }
}

struct LoreResponder: HTTPResponder {
    let web: RouterResponder<AppRequestContext>
    let api: RouterResponder<AppRequestContext>

    func respond(to request: Request, context: AppRequestContext) async throws -> Response {
        if request.uri.path.hasPrefix("/api/") {
            return try await api.respond(to: request, context: context)
        }
        return try await web.respond(to: request, context: context)
    }
}
