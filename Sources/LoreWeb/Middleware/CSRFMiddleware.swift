import Hummingbird
import LoreCore
import NIOCore

/// Every state-changing request must carry the browser's CSRF token, in the `_csrf` form field
/// or the `X-CSRF-Token` header; without it nothing is changed and a 403 page explains why.
/// A file upload without script carries it in the address instead (`?_csrf=`), so that the body
/// need not be read before the controller streams it; the token is tied to the session and the
/// Referrer-Policy keeps addresses from leaving the site.
struct CSRFMiddleware: RouterMiddleware {
    static let formField = "_csrf"
    static let unsubscribePrefix = "/unsubscribe/"

    func handle(_ request: Request, context: AppRequestContext, next: (Request, AppRequestContext) async throws -> Response) async throws -> Response {
        guard ![.get, .head, .options].contains(request.method) else { return try await next(request, context) }
        // An e-mail's unsubscribe link carries its own signature and acts for nobody signed in:
        // mail programs post to it with no session at all (RFC 8058).
        if request.uri.path.hasPrefix(Self.unsubscribePrefix) { return try await next(request, context) }
        var request = request
        var sent = request.headers[.xCSRFToken]
        if sent == nil, request.headers[.contentType]?.lowercased().hasPrefix("application/x-www-form-urlencoded") == true {
            let buffer = try await FormData.collect(request)
            sent = FormData.parse(Array(buffer.readableBytesView))[Self.formField]
            // The controller reads the same body again.
            request.body = .init(buffer: buffer)
        }
        if sent == nil, MultipartForm.isMultipart(request) {
            sent = request.uri.queryParameters.get(Self.formField)
        }
        guard let sent, !context.csrfToken.isEmpty, Self.constantTimeEquals(sent, context.csrfToken) else {
            throw HTTPError(.forbidden)
        }
        // Seeing as someone else is for looking only: the changes allowed are to stop or sign out.
        if context.seeingAs != nil, ![SeeAsController.stopPath, "/logout"].contains(request.uri.path) { throw AccessDenied() }
        return try await next(request, context)
    }

    static func constantTimeEquals(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
