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
    let trustedProxies: TrustedProxies
    /// What the application's background services need besides the routers.
    let database: AppDatabase
    let files: FileStore
    let backups: Backups?
    let pageViews: PageViews

    func buildResponder() -> LoreResponder {
        LoreResponder(web: web.buildResponder(), api: api.buildResponder(), ops: ops.buildResponder(), log: log, trustedProxies: trustedProxies)
    }
}

struct LoreResponder: HTTPResponder {
    let web: RouterResponder<AppRequestContext>
    let api: RouterResponder<AppRequestContext>
    let ops: RouterResponder<AppRequestContext>
    let log: RequestLog
    let trustedProxies: TrustedProxies

    static let opsPaths: Set<String> = ["/healthz", "/metrics"]

    func respond(to request: Request, context: AppRequestContext) async throws -> Response {
        let started = ContinuousClock.now
        var context = context
        context.clientAddress = trustedProxies.client(peer: context.clientAddress, forwardedFor: request.headers[.xForwardedFor])
        // TRACE would echo the request, cookies included; CONNECT makes no sense to a wiki.
        if [.trace, .connect].contains(request.method) {
            log.finished(request, context, status: 405, since: started)
            return Response(status: .methodNotAllowed, headers: [.allow: "GET, HEAD, POST, PUT, DELETE", .xRequestId: context.id])
        }
        // HEAD is GET without the body: the routes are written for GET once.
        var routed = request
        if request.method == .head {
            var head = request.head
            head.method = .get
            routed = Request(head: head, body: request.body)
        }
        let path = request.uri.path
        let router = path.hasPrefix("/api/") ? api : Self.opsPaths.contains(path) ? ops : web
        do {
            var response = try await router.respond(to: routed, context: context)
            response.headers[.xRequestId] = context.id
            if request.method == .head { response.body = .init() }
            log.finished(request, context, status: response.status.code, since: started)
            return response
        } catch {
            log.finished(request, context, status: (error as? any HTTPResponseError)?.status.code ?? 500, since: started)
            throw error
        }
    }
}
