import Foundation
import Hummingbird
import LoreCore
import Prometheus

/// What `/metrics` reports: requests by route and status with their latency, recorded by the
/// middleware, and gauges of the data read when Prometheus asks.
final class RequestMetrics: Sendable {
    let registry = PrometheusCollectorRegistry()
    private static let buckets: [Duration] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5].map { .seconds($0) }

    func record(route: String, method: String, status: Int, duration: Duration) {
        registry.makeCounter(
            descriptor: MetricNameDescriptor(namespace: "lore", metricName: "http_requests", unitName: "total", helpText: "Requests answered"),
            labels: [("route", route), ("method", method), ("status", String(status))]
        ).increment()
        registry.makeDurationHistogram(
            descriptor: MetricNameDescriptor(namespace: "lore", metricName: "http_request_duration", unitName: "seconds",
                                             helpText: "Time to answer, by route"),
            labels: [("route", route), ("method", method)], buckets: Self.buckets
        ).record(duration)
    }

    func gauge(_ name: String, _ help: String, _ value: Double) {
        registry.makeGauge(descriptor: MetricNameDescriptor(namespace: "lore", metricName: name, unitName: "", helpText: help)).set(value)
    }
}
