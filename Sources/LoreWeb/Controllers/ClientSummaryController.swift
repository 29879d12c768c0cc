import Foundation
import Hummingbird
import LoreCore

/// The sales summary for those who supervise the team: clients by status, RFM segment and ABC
/// class (thresholds shown and adjustable), who is at risk or due for reactivation, overdue
/// steps by person and contacts logged per person per week — tables with bars drawn in SVG.
struct ClientSummaryController {
    let services: AppServices

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/clients/summary", use: summary)
    }

    struct Bar {
        let label: String
        let count: Int
        /// Of the widest bar in its table, 0…100.
        let width: Int
    }

    /// One table of bars (a partial renders it).
    struct Table {
        let bars: [Bar]
        var isEmpty: Bool { bars.allSatisfy { $0.count == 0 } }
    }

    struct Week {
        let name: String
        let counts: [Int]
    }

    struct SummaryView {
        let statuses: Table
        let segments: Table
        let classes: Table
        let atRisk: [LinkView]
        let reactivation: [LinkView]
        let overdue: Table
        let weeks: [String]
        let contacts: [Week]
        let recency: String
        let frequency: String
        let factor: String
        let thresholdsText: String
    }

    @Sendable func summary(request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        try AccessPolicy(principal).requireClients(.clientsSupervise)
        let t = context.translations
        let query = FormData.query(of: request)
        var thresholds = ClientAnalysis.Thresholds()
        if let days = Self.numbers(query["recency"]), days.count == 4 { thresholds.recencyDays = days }
        if let counts = Self.numbers(query["frequency"]), counts.count == 4 { thresholds.frequency = counts }
        if let factor = Double(query["factor"].replacingOccurrences(of: ",", with: ".")), (1...10).contains(factor) {
            thresholds.reactivationFactor = factor
        }
        let lines = try await services.clientQueries.analysis.lines(for: principal, thresholds: thresholds)
        let statusCounts = try await services.clientQueries.statusCounts(for: principal)
        let overdue = try await services.tasks.tasks(.overdue, for: principal)
        let activity = try await ClientActivity(database: services.database).contactsPerWeek(for: principal)
        let view = SummaryView(
            statuses: Self.bars(ClientStatus.allCases.map { status in
                (t["client_status_\(status.rawValue)"], statusCounts[status] ?? 0)
            }),
            segments: Self.bars(ClientAnalysis.Segment.allCases.map { segment in
                (t["rfm_\(segment.rawValue)"], lines.filter { $0.segment == segment }.count)
            }),
            classes: Self.bars(ClientAnalysis.ABC.allCases.map { abc in
                (t.format("abc_class", ["class": abc.rawValue.uppercased()]), lines.filter { $0.abc == abc }.count)
            }),
            atRisk: lines.filter { $0.segment == .atRisk }.map { .init(title: $0.name, url: Paths.client($0.slug)) },
            reactivation: lines.filter(\.isDueForReactivation).map { .init(title: $0.name, url: Paths.client($0.slug)) },
            overdue: Self.bars(Dictionary(grouping: overdue, by: \.assigneeName).map { ($0.key, $0.value.count) }.sorted { $0.0 < $1.0 }),
            weeks: activity.starts.map { DisplayDate.day($0, context.language) },
            contacts: activity.rows.map { Week(name: $0.name, counts: $0.counts) },
            recency: thresholds.recencyDays.map(String.init).joined(separator: ","),
            frequency: thresholds.frequency.map(String.init).joined(separator: ","),
            factor: String(thresholds.reactivationFactor),
            thresholdsText: t.format("rfm_thresholds", [
                "recency": thresholds.recencyDays.map(String.init).joined(separator: " / "),
                "frequency": thresholds.frequency.map(String.init).joined(separator: " / "),
                "factor": String(thresholds.reactivationFactor),
            ]))
        return try await services.renderPage("clients-summary", view, title: t["clients_summary"], request: request, context: context)
    }

    private static func bars(_ counts: [(String, Int)]) -> Table {
        let widest = max(1, counts.map(\.1).max() ?? 1)
        return Table(bars: counts.map { Bar(label: $0.0, count: $0.1, width: $0.1 * 100 / widest) })
    }

    /// `30,90,180,365`: four whole numbers, rising or falling as the score needs.
    private static func numbers(_ text: String) -> [Int]? {
        let parts = text.split(separator: ",").map { Int(request: $0, in: 1...3650) }
        guard !parts.isEmpty, parts.allSatisfy({ $0 != nil }) else { return nil }
        return parts.compactMap { $0 }
    }
}
