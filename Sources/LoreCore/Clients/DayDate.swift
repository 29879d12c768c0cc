import Foundation

/// A calendar day with no time and no time zone: due dates, contract dates,
/// birthdays. Storing a `Date` instead would shift the day for users in
/// another zone than the server.
public struct DayDate: Hashable, Comparable, Codable, Sendable {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Wide enough for birthdays and contracts, narrow enough to reject the
    /// "0026" and "20266" typos that a spreadsheet happily keeps.
    public static let validYears = 1900...2200

    public init?(year: Int, month: Int, day: Int) {
        guard Self.validYears.contains(year),
              (1...12).contains(month),
              (1...Self.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Strict "YYYY-MM-DD", the storage format; user input goes through
    /// `DateInput.parseDay`.
    public init?(iso: String) {
        let parts = iso.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3,
              parts[0].utf8.count == 4, parts[1].utf8.count == 2, parts[2].utf8.count == 2,
              parts.allSatisfy({ $0.utf8.allSatisfy { (0x30...0x39).contains($0) } }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    public var iso: String {
        let yyyy = String(year)
        let mm = month < 10 ? "0\(month)" : "\(month)"
        let dd = day < 10 ? "0\(day)" : "\(day)"
        return "\(yyyy)-\(mm)-\(dd)"
    }

    /// Whole days from `self` to `other`, negative if `other` is earlier.
    public func days(to other: DayDate) -> Int {
        other.dayNumber - dayNumber
    }

    public static func < (lhs: DayDate, rhs: DayDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    // Encoded as the ISO string so that JSON columns and API payloads stay
    // readable and sort correctly as text.
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = DayDate(iso: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "Not a YYYY-MM-DD day: \(text)")
        }
        self = value
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }

    // MARK: - Gregorian arithmetic

    // Plain arithmetic instead of `Calendar`: identical to a Gregorian
    // calendar in UTC (the tests compare them), but with no time zone or DST
    // to get wrong and no optionals to unwrap.

    static func isLeap(_ year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 (H. Hinnant's days_from_civil); also valid for
    /// dates just outside `validYears`, which birthday maths may reach.
    static func dayNumber(year: Int, month: Int, day: Int) -> Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let monthFromMarch = (month + 9) % 12
        let dayOfYear = (153 * monthFromMarch + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    var dayNumber: Int {
        Self.dayNumber(year: year, month: month, day: day)
    }
}
