import Foundation
import Hummingbird
import LoreCore
import Prometheus
import Synchronization

/// What `/metrics` reports: requests by route and status with their latency, recorded by the
/// middleware, and gauges of the data read when Prometheus asks.
final class RequestMetrics: Sendable {
    let registry = PrometheusCollectorRegistry()
    private static let buckets: [Duration] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5].map { .seconds($0) }

    /// The metrics of each route, method and status met so far: asking the registry for them
    /// on every request locked it and hashed their labels, a few per cent of a cached page.
    private let known = Mutex<[String: (requests: Counter, durations: DurationHistogram)]>([:])

    func record(route: String, method: String, status: Int, duration: Duration) {
        let key = "\(route) \(method) \(status)"
        let metrics = known.withLock { known in
            if let found = known[key] { return found }
            let made = (requests: registry.makeCounter(
                descriptor: MetricNameDescriptor(namespace: "lore", metricName: "http_requests", unitName: "total", helpText: "Requests answered"),
                labels: [("route", route), ("method", method), ("status", String(status))]
            ), durations: registry.makeDurationHistogram(
                descriptor: MetricNameDescriptor(namespace: "lore", metricName: "http_request_duration", unitName: "seconds",
                                                 helpText: "Time to answer, by route"),
                labels: [("route", route), ("method", method)], buckets: Self.buckets))
            known[key] = made
            return made
        }
        metrics.requests.increment()
        metrics.durations.record(duration)
    }

    func gauge(_ name: String, _ help: String, _ value: Double) {
        registry.makeGauge(descriptor: MetricNameDescriptor(namespace: "lore", metricName: name, unitName: "", helpText: help)).set(value)
    }
}
