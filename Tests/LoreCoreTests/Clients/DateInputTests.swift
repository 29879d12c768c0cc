import Foundation
import Testing
@testable import LoreCore

@Suite struct DateInputTests {
    @Test func parsesTheThreeForms() {
        let expected = DayDate(year: 2026, month: 11, day: 23)
        #expect(expected != nil)
        #expect(DateInput.parseDay("2026-11-23") == expected)
        #expect(DateInput.parseDay("23.11.2026") == expected)
        #expect(DateInput.parseDay("23/11/2026") == expected)
        #expect(DateInput.parseDay(" 23.11.2026\n") == expected)
        #expect(DateInput.parseDay("1.2.2026") == DayDate(year: 2026, month: 2, day: 1))
        #expect(DateInput.parseDay("2026-1-5") == DayDate(year: 2026, month: 1, day: 5))
    }

    @Test(arguments: [
        "", "31.02.2026", "29.02.2026", "30/02/2024", "2026-13-01", "2026-00-10", "00.01.2026",
        "11/23/2026", "23.11.26", "23.11.1899", "23.11.2201", "23.11.2026.", "23-11-2026", "2026/11/23",
        "23.11.2026 г.", "23 .11.2026", "٢٣.١١.٢٠٢٦", "23.11.02026", "1e3.1.2026",
    ])
    func rejects(_ input: String) {
        #expect(DateInput.parseDay(input) == nil)
    }

    @Test func leapYears() {
        #expect(DateInput.parseDay("29.02.2024") != nil)
        #expect(DateInput.parseDay("29.02.2000") != nil)
        #expect(DateInput.parseDay("29.02.1900") == nil)
        #expect(DateInput.parseDay("29.02.2100") == nil)
    }

    @Test func dayDateISOAndCodable() throws {
        let day = try #require(DayDate(iso: "2026-03-07"))
        #expect(day.iso == "2026-03-07")
        #expect(DayDate(iso: "2026-3-7") == nil)
        #expect(DayDate(iso: "2026-03-07T00:00") == nil)
        #expect(DayDate(iso: "+026-03-07") == nil)
        let json = try JSONEncoder().encode([day])
        #expect(String(decoding: json, as: UTF8.self) == "[\"2026-03-07\"]")
        #expect(try JSONDecoder().decode([DayDate].self, from: json) == [day])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([DayDate].self, from: Data("[\"2026-02-30\"]".utf8))
        }
    }

    @Test func ordering() throws {
        let a = try #require(DayDate(iso: "2025-12-31"))
        let b = try #require(DayDate(iso: "2026-01-01"))
        #expect(a < b)
        #expect(a.days(to: b) == 1)
        #expect(b.days(to: a) == -1)
    }

    @Test func dayFromDateUsesTheGivenZone() throws {
        // 2026-11-23 22:30 UTC is already the 24th in Moscow (UTC+3).
        let instant = Date(timeIntervalSince1970: 1_795_473_000)
        let utc = try #require(TimeZone(identifier: "UTC"))
        let moscow = try #require(TimeZone(identifier: "Europe/Moscow"))
        #expect(DayDate(instant, in: utc).iso == "2026-11-23")
        #expect(DayDate(instant, in: moscow).iso == "2026-11-24")
    }

    @Test func arithmeticMatchesGregorianCalendarInUTC() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: "UTC"))
        let epoch = try #require(calendar.date(from: DateComponents(year: 1970, month: 1, day: 1)))
        for year in stride(from: 1900, through: 2200, by: 7) {
            for month in 1...12 {
                for day in [1, 28, DayDate.daysIn(month: month, year: year)] {
                    let date = try #require(calendar.date(from: DateComponents(year: year, month: month, day: day)))
                    let days = try #require(calendar.dateComponents([.day], from: epoch, to: date).day)
                    #expect(DayDate.dayNumber(year: year, month: month, day: day) == days)
                }
            }
        }
    }
}

@Suite struct BirthdayTests {
    @Test func parsing() {
        #expect(DateInput.parseBirthday("--11-23")?.iso == "--11-23")
        #expect(DateInput.parseBirthday("23.11")?.iso == "--11-23")
        #expect(DateInput.parseBirthday("3/1")?.iso == "--01-03")
        #expect(DateInput.parseBirthday("23.11.1985")?.iso == "1985-11-23")
        #expect(DateInput.parseBirthday("1985-11-23")?.year == 1985)
        #expect(DateInput.parseBirthday("29.02")?.iso == "--02-29")
        for bad in ["", "--11-31", "--2-3", "30.02", "29.02.1985", "23.11.", "23", "--11-23-1985", "день рождения"] {
            #expect(DateInput.parseBirthday(bad) == nil, "\(bad)")
        }
    }

    @Test func isoAndCodable() throws {
        let birthday = try #require(Birthday(iso: "--02-29"))
        #expect(birthday.year == nil)
        let json = try JSONEncoder().encode([birthday, try #require(Birthday(iso: "1985-11-23"))])
        #expect(String(decoding: json, as: UTF8.self) == "[\"--02-29\",\"1985-11-23\"]")
        #expect(try JSONDecoder().decode([Birthday].self, from: json).map(\.iso) == ["--02-29", "1985-11-23"])
        #expect(Birthday(iso: "--13-01") == nil)
        #expect(Birthday(iso: "1985-02-29") == nil)
    }

    @Test func daysUntilNext() throws {
        let today = try #require(DayDate(iso: "2026-11-20"))
        #expect(try #require(DateInput.parseBirthday("23.11")).daysUntilNext(from: today) == 3)
        #expect(try #require(DateInput.parseBirthday("20.11.1985")).daysUntilNext(from: today) == 0)
        #expect(try #require(DateInput.parseBirthday("19.11")).daysUntilNext(from: today) == 364)
        let newYear = try #require(DateInput.parseBirthday("01.01"))
        #expect(newYear.daysUntilNext(from: try #require(DayDate(iso: "2026-12-31"))) == 1)
    }

    @Test func february29() throws {
        let leapling = try #require(DateInput.parseBirthday("29.02.2000"))
        // Non-leap 2026: observed on Feb 28.
        #expect(leapling.daysUntilNext(from: try #require(DayDate(iso: "2026-02-28"))) == 0)
        #expect(leapling.daysUntilNext(from: try #require(DayDate(iso: "2026-02-27"))) == 1)
        // After Feb 28, 2027: next is Feb 29, 2028 (leap).
        #expect(leapling.daysUntilNext(from: try #require(DayDate(iso: "2027-03-01"))) == 365)
        #expect(leapling.daysUntilNext(from: try #require(DayDate(iso: "2028-02-28"))) == 1)
        #expect(leapling.age(on: try #require(DayDate(iso: "2026-02-28"))) == 26)
        #expect(leapling.age(on: try #require(DayDate(iso: "2026-02-27"))) == 25)
        #expect(leapling.age(on: try #require(DayDate(iso: "1999-01-01"))) == nil)
        #expect(try #require(Birthday(iso: "--02-29")).age(on: try #require(DayDate(iso: "2026-02-28"))) == nil)
    }

    @Test func lastDayOfRange() throws {
        let lastDay = try #require(DayDate(iso: "2200-12-31"))
        #expect(try #require(DateInput.parseBirthday("01.01")).daysUntilNext(from: lastDay) == 1)
    }
}
