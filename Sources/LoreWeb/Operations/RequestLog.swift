import Foundation
import Hummingbird
import Logging

/// What happens once per request, whichever router answered: one access-log line, the
/// metrics, and the request id in a header so that a page, a log line and a report meet.
/// The route pattern (`/set-password/{token}`) is logged and counted, never the address, so
/// secrets in addresses — a set-password link, an upload's CSRF token — never reach the logs.
struct RequestLog: Sendable {
    let metrics: RequestMetrics

    func finished(_ request: Request, _ context: AppRequestContext, status: Int, since started: ContinuousClock.Instant) {
        let elapsed = ContinuousClock.now - started
        let route = context.endpointPath ?? "unmatched"
        metrics.record(route: route, method: request.method.rawValue, status: status, duration: elapsed)
        let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        context.logger.info("\(request.method) \(route) \(status)", metadata: ["ms": .string(String(format: "%.1f", milliseconds))])
    }
}
