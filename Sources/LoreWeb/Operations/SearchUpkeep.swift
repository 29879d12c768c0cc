import Foundation
import Logging
import LoreCore
import ServiceLifecycle

/// Tidies the search index (``SearchService/tidyIndex()``) every night, and in the day too once
/// many changes were written: each save adds a segment to the index, and searches slow down as
/// they pile up between FTS5's own merges (at 100,000 articles, a one-word search's median went
/// from 7 to 16 ms after 4,000 saves).
struct SearchUpkeep: Service {
    let search: SearchService
    let changes: DatabaseChanges
    let logger: Logger
    /// The hour, server time, when few people save: a step holds up a save for tens of milliseconds.
    static let hour = 3
    /// Commits that changed content after which the index is tidied without waiting for the night.
    static let changesBeforeTidying = 2_000
    /// How often the day's changes are counted.
    static let checkEvery: Duration = .seconds(600)

    /// The next time at the upkeep hour after `date`.
    static func nextRun(after date: Date, calendar: Calendar = .current) -> Date {
        calendar.nextDate(after: date, matching: DateComponents(hour: hour, minute: 0, second: 0), matchingPolicy: .nextTime)
            ?? date.addingTimeInterval(86_400)
    }

    /// Whether to tidy now: the night has come, or enough was written since the last time.
    static func isDue(now: Date, night: Date, changesSince: Int) -> Bool {
        now >= night || changesSince >= changesBeforeTidying
    }

    func run() async throws {
        var night = Self.nextRun(after: Date())
        var tidiedAt = changes.content
        while !Task.isCancelled {
            let pause = min(Self.checkEvery, .seconds(max(1, night.timeIntervalSinceNow)))
            do {
                try await cancelWhenGracefulShutdown { try await Task.sleep(for: pause) }
            } catch {
                return
            }
            guard Self.isDue(now: Date(), night: night, changesSince: changes.content - tidiedAt) else { continue }
            night = Self.nextRun(after: max(Date(), night))
            tidiedAt = changes.content
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
