import Foundation
import Hummingbird
import Logging

/// One line per request: method, route pattern, status, time and who. The route pattern is
/// logged, not the address, so that secrets in addresses (a set-password link, an upload's
/// CSRF token in its query) never reach the logs; the request id ties the line to the page.
struct AccessLogMiddleware: RouterMiddleware {
    func handle(_ request: Request, context: AppRequestContext, next: (Request, AppRequestContext) async throws -> Response) async throws -> Response {
        let started = ContinuousClock.now
        var status = 500
        defer {
            let elapsed = ContinuousClock.now - started
            let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
            context.logger.info("\(request.method) \(context.endpointPath ?? "unmatched") \(status)", metadata: [
                "ms": .string(String(format: "%.1f", milliseconds)),
                "user": .string(context.principal?.userId.map(String.init) ?? "-"),
                "api": .string(context.apiToken == nil ? "no" : "yes"),
            ])
        }
        do {
            let response = try await next(request, context)
            status = response.status.code
            return response
        } catch {
            status = (error as? any HTTPResponseError)?.status.code ?? 500
            throw error
        }
    }
}
