import Foundation
import Hummingbird
import Logging
import LoreCore

/// Turns every error into a page in the site's look and the reader's language.
/// Internals never reach the page: it shows only a reference to find the log line by.
struct ErrorPageMiddleware: RouterMiddleware {
    let services: AppServices

    func handle(_ request: Request, context: AppRequestContext, next: (Request, AppRequestContext) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch is NotFound {
            // Guests see nothing but the sign-in page, whether the thing is hidden or missing.
            if context.isGuest, request.method == .get {
                return .redirect(to: "/login?next=" + (request.uri.path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? "/"))
            }
            return try await errorPage(.notFound, "not_found", request: request, context: context)
        } catch is AccessDenied {
            return try await errorPage(.forbidden, "denied", request: request, context: context)
        } catch is ClientReadLimitReached {
            return try await errorPage(.tooManyRequests, "client_read_limit", request: request, context: context)
        } catch let error as HTTPError where error.status.code < 500 {
            let key = switch error.status {
            case .notFound: "not_found"
            case .contentTooLarge: "too_large"
            case .forbidden: "forbidden"
            default: "bad_request"
            }
            // Lore's own refusals of what was sent (422) say why, with what was typed.
            let reason = error.status == .unprocessableContent ? error.body : nil
            return try await errorPage(error.status, key, reason: reason, request: request, context: context)
        } catch {
            context.logger.error("Request failed", metadata: ["error": "\(String(reflecting: error))"])
            return try await errorPage(.internalServerError, "server_error", request: request, context: context)
        }
    }

    struct ErrorView {
        let status: Int
        let heading: String
        let message: String
        let requestId: String?
        /// On a page not found: a search for what the address names, and for those who write,
        /// a new page of that name — alike whether the page is missing or hidden.
        var search: String?
        var createURL: String?
    }

    /// What the address's last part says, as words: `/a/otpusk-2027` → "otpusk 2027".
    static func words(in path: String) -> String {
        let last = path.split(separator: "/").last.map(String.init) ?? ""
        let decoded = last.removingPercentEncoding ?? last
        return String(decoded.replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " ").prefix(100))
            .trimmingCharacters(in: .whitespaces)
    }

    /// Every error page names its request, so that what a person reports leads to the log line.
    private func errorPage(
        _ status: HTTPResponse.Status, _ key: String, reason: String? = nil, request: Request, context: AppRequestContext
    ) async throws -> Response {
        let t = context.translations
        var view = ErrorView(status: status.code, heading: t["\(key)_heading"], message: reason ?? t["\(key)_message"], requestId: context.id)
        if status == .notFound, request.method == .get {
            let words = Self.words(in: request.uri.path)
            view.search = words
            if request.uri.path.hasPrefix("/a/"), !words.isEmpty, !context.isGuest { view.createURL = Paths.newArticle(title: words.capitalizedFirst) }
        }
        // The sidebar needs the database, which may be what failed: an error page must still render.
        let page = (try? await services.pages.page(view, title: view.heading, request: request, context: context))
            ?? services.pages.bare(view, title: view.heading, request: request, context: context)
        return try services.views.render("error", page, status: status)
    }
}

private extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
