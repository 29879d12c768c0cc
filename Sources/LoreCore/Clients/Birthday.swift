/// A birthday whose year may be unknown: people readily tell the day, not
/// always the year, and a reminder needs only the day.
public struct Birthday: Hashable, Codable, Sendable {
    public let month: Int
    public let day: Int
    public let year: Int?

    /// Without a year, February 29 is allowed; with one, the whole date
    /// must exist.
    public init?(month: Int, day: Int, year: Int? = nil) {
        if let year {
            guard DayDate(year: year, month: month, day: day) != nil else { return nil }
        } else {
            guard (1...12).contains(month),
                  (1...DayDate.daysIn(month: month, year: 2000)).contains(day)
            else { return nil }
        }
        self.month = month
        self.day = day
        self.year = year
    }

    /// "--MM-DD" (the ISO 8601 / vCard form for a day without a year) or
    /// "YYYY-MM-DD".
    public init?(iso: String) {
        if iso.hasPrefix("--") {
            guard let date = DayDate(iso: "2000" + iso.dropFirst()) else { return nil }
            self.init(month: date.month, day: date.day)
        } else {
            guard let date = DayDate(iso: iso) else { return nil }
            self.init(month: date.month, day: date.day, year: date.year)
        }
    }

    public var iso: String {
        let mm = month < 10 ? "0\(month)" : "\(month)"
        let dd = day < 10 ? "0\(day)" : "\(day)"
        // `DayDate.validYears` keeps a known year at four digits.
        return year.map { "\($0)-\(mm)-\(dd)" } ?? "--\(mm)-\(dd)"
    }

    /// 0 on the birthday itself. In non-leap years a February 29 birthday
    /// falls on February 28, as the Russian Civil Code (art. 192 p. 3) ends
    /// a period on the last day of a month lacking that date, and so that
    /// the greeting comes before the day has passed, not after.
    public func daysUntilNext(from today: DayDate) -> Int {
        let thisYear = dayNumber(in: today.year)
        if thisYear >= today.dayNumber { return thisYear - today.dayNumber }
        return dayNumber(in: today.year + 1) - today.dayNumber
    }

    /// Completed years on `today`, by the same February 28 rule; nil when the
    /// year is unknown or `today` is before the birth.
    public func age(on today: DayDate) -> Int? {
        guard let year else { return nil }
        let hadBirthday = dayNumber(in: today.year) <= today.dayNumber
        let age = today.year - year - (hadBirthday ? 0 : 1)
        return age >= 0 ? age : nil
    }

    private func dayNumber(in year: Int) -> Int {
        let observedDay = min(day, DayDate.daysIn(month: month, year: year))
        return DayDate.dayNumber(year: year, month: month, day: observedDay)
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = Birthday(iso: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "Not a --MM-DD or YYYY-MM-DD birthday: \(text)")
        }
        self = value
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }
}
