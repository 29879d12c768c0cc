import Hummingbird

/// Refuses state-changing requests that a browser reports as coming from another site,
/// so that a page elsewhere cannot submit forms to Lore on a reader's behalf.
struct OriginCheckMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if ![.get, .head, .options].contains(request.method), !Self.isSameOrigin(request) {
            throw HTTPError(.forbidden)
        }
        return try await next(request, context)
    }

    static func isSameOrigin(_ request: Request) -> Bool {
        if let origin = request.headers[.origin] {
            guard let host = request.head.authority else { return false }
            let withoutScheme = origin.split(separator: "://", maxSplits: 1).last.map(String.init) ?? ""
            return withoutScheme.lowercased() == host.lowercased()
        }
        if let site = request.headers[.secFetchSite] {
            return site == "same-origin" || site == "none"
        }
        // Neither header: not a modern browser acting for another site (curl, scripts).
        return true
    }
}
