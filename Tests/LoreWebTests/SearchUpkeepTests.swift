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

    @Test func tidiesInTheDayOnlyAfterManyChanges() {
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let tonight = now.addingTimeInterval(3_600)
        #expect(!SearchUpkeep.isDue(now: now, night: tonight, changesSince: SearchUpkeep.changesBeforeTidying - 1))
        #expect(SearchUpkeep.isDue(now: now, night: tonight, changesSince: SearchUpkeep.changesBeforeTidying))
        #expect(SearchUpkeep.isDue(now: tonight, night: tonight, changesSince: 0), "the night's tidying, whatever was written")
    }
}
