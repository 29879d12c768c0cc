import Foundation
@testable import LoreWeb
import Testing

@Suite struct SearchUpkeepTests {
    @Test func runsAtThreeAtNightNextComing() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: "Europe/Moscow"))
        let evening = try #require(calendar.date(from: DateComponents(year: 2026, month: 12, day: 3, hour: 21, minute: 30)))
        let night = try #require(calendar.date(from: DateComponents(year: 2026, month: 12, day: 4, hour: 3)))
        #expect(SearchUpkeep.nextRun(after: evening, calendar: calendar) == night)
        let early = try #require(calendar.date(from: DateComponents(year: 2026, month: 12, day: 4, hour: 1, minute: 10)))
        #expect(SearchUpkeep.nextRun(after: early, calendar: calendar) == night)
        #expect(SearchUpkeep.nextRun(after: night, calendar: calendar) == night.addingTimeInterval(86_400))
    }
}
