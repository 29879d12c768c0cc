import Hummingbird
import LoreCore

/// Counts the signed-in reader's unread notifications for the bell on every page. Placed after
/// the static files, so they do not pay for it; the API has no bell.
struct BellMiddleware: RouterMiddleware {
    let notifications: NotificationService

    func handle(_ request: Request, context: AppRequestContext, next: (Request, AppRequestContext) async throws -> Response) async throws -> Response {
        var context = context
        if let principal = context.principal, !principal.isGuest, context.seeingAs == nil, !request.uri.path.hasPrefix("/api/") {
            context.unreadNotifications = try await notifications.unreadCount(for: principal)
        }
        return try await next(request, context)
    }
}
