import Hummingbird
import LoreCore

/// The web pages, the JSON API and the operations endpoints are three routers with their own
/// middleware: `/api/…` goes to the API's, `/healthz` and `/metrics` to the operations', the
/// rest to the web's. So cookies, CSRF and HTML error pages never touch the API, bearer tokens
/// never touch the pages, and a health check never starts a session.
struct LoreRouters: HTTPResponderBuilder {
    let web: Router<AppRequestContext>
    let api: Router<AppRequestContext>
    let ops: Router<AppRequestContext>
    let log: RequestLog
    /// What the application's background services need besides the routers.
    let database: AppDatabase
    let backups: Backups?

    func buildResponder() -> LoreResponder {
        LoreResponder(web: web.buildResponder(), api: api.buildResponder(), ops: ops.buildResponder(), log: log)
    }
}

struct LoreResponder: HTTPResponder {
    let web: RouterResponder<AppRequestContext>
    let api: RouterResponder<AppRequestContext>
    let ops: RouterResponder<AppRequestContext>
    let log: RequestLog

    static let opsPaths: Set<String> = ["/healthz", "/metrics"]

    func respond(to request: Request, context: AppRequestContext) async throws -> Response {
        let started = ContinuousClock.now
        let path = request.uri.path
        let router = path.hasPrefix("/api/") ? api : Self.opsPaths.contains(path) ? ops : web
        do {
            var response = try await router.respond(to: request, context: context)
            response.headers[.xRequestId] = context.id
            log.finished(request, context, status: response.status.code, since: started)
            return response
        } catch {
            log.finished(request, context, status: (error as? any HTTPResponseError)?.status.code ?? 500, since: started)
            throw error
        }
    }
}
