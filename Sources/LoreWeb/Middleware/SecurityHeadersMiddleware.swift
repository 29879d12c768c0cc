import HTTPTypes
import Hummingbird

/// Headers that keep pages from being framed, sniffed or made to run injected script.
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        // A response with a header of its own (a downloaded file's sandbox) keeps it.
        for field in SecurityHeaders.fields where response.headers[field.name] == nil { response.headers.append(field) }
        return response
    }
}

/// Made once: building and checking them on every answer was a measurable part of a kept page.
enum SecurityHeaders {
    static let fields = [
        HTTPField(name: .contentSecurityPolicy, value: "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"),
        HTTPField(name: .xContentTypeOptions, value: "nosniff"),
        HTTPField(name: .referrerPolicy, value: "same-origin"),
        HTTPField(name: .xFrameOptions, value: "DENY"),
    ]
}
