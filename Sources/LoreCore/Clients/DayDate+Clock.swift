import Foundation

/// Days as the office lives them: Lore serves one company, so "today" is the day in the
/// server's time zone.
extension DayDate {
    /// The day `date` falls on in the server's time zone.
    public init(_ date: Date, in timeZone: TimeZone = .current) {
        let local = date.timeIntervalSince1970 + Double(timeZone.secondsFromGMT(for: date))
        self.init(dayNumber: Int((local / 86_400).rounded(.down)))
    }

    public func adding(days: Int) -> DayDate {
        DayDate(dayNumber: dayNumber + days)
    }

    /// Midday of this day in UTC: formatted in UTC, it shows this day whatever the zone.
    public var utcNoon: Date {
        Date(timeIntervalSince1970: Double(dayNumber) * 86_400 + 43_200)
    }

    /// Midday of this day in the server's time zone: a time for events known only by their day.
    public var noon: Date {
        utcNoon.addingTimeInterval(-Double(TimeZone.current.secondsFromGMT(for: utcNoon)))
    }

    /// The civil date of a day number (days since 1970-01-01), H. Hinnant's civil_from_days;
    /// the inverse of ``dayNumber``.
    init(dayNumber: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthFromMarch = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1
        let month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9
        self.year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        self.month = month
        self.day = day
    }
}
