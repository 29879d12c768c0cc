import Foundation
import Logging
import LoreCore
import ServiceLifecycle

/// Tidies the search index every night (``SearchService/tidyIndex()``): each save adds a
/// segment to it, and searches slow down as they pile up between FTS5's own merges.
struct SearchUpkeep: Service {
    let search: SearchService
    let logger: Logger
    /// The hour, server time, when few people save: a step holds up a save for tens of milliseconds.
    static let hour = 3

    /// The next time at the upkeep hour after `date`.
    static func nextRun(after date: Date, calendar: Calendar = .current) -> Date {
        calendar.nextDate(after: date, matching: DateComponents(hour: hour, minute: 0, second: 0), matchingPolicy: .nextTime)
            ?? date.addingTimeInterval(86_400)
    }

    func run() async throws {
        while !Task.isCancelled {
            do {
                try await cancelWhenGracefulShutdown {
                    try await Task.sleep(for: .seconds(max(1, Self.nextRun(after: Date()).timeIntervalSinceNow)))
                }
            } catch {
                return
            }
            let started = ContinuousClock.now
            do {
                let steps = try await search.tidyIndex()
                logger.info("Search index tidied", metadata: ["steps": "\(steps)", "duration": "\(ContinuousClock.now - started)"])
            } catch {
                logger.error("Could not tidy the search index", metadata: ["error": "\(error)"])
            }
        }
    }
}
