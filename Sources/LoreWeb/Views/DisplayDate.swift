import LoreCore
import Foundation

/// Dates as people read them in the interface language.
enum DisplayDate {
    static func format(_ date: Date, _ language: Language) -> String {
        date.formatted(
            Date.FormatStyle(date: .abbreviated, time: .shortened)
                .locale(locale(language)))
    }

    /// A day without a time: due dates, last contact, birthdays.
    static func day(_ date: Date, _ language: Language) -> String {
        date.formatted(Date.FormatStyle(date: .abbreviated, time: .omitted).locale(locale(language)))
    }

    /// A calendar day, which is the same everywhere: formatted at noon UTC so no zone can shift it.
    static func day(_ day: DayDate, _ language: Language) -> String {
        var style = Date.FormatStyle(date: .abbreviated, time: .omitted).locale(locale(language))
        style.timeZone = TimeZone(identifier: "UTC") ?? .current
        return day.utcNoon.formatted(style)
    }

    /// A day and month without the year ("4 дек.", "4 Dec"), by the language's own pattern.
    static func dayAndMonth(_ day: DayDate, _ language: Language) -> String {
        var style = Date.FormatStyle().day().month(.abbreviated).locale(locale(language))
        style.timeZone = TimeZone(identifier: "UTC") ?? .current
        return day.utcNoon.formatted(style)
    }

    private static func locale(_ language: Language) -> Locale {
        Locale(identifier: language == .ru ? "ru_RU" : "en_GB")
    }
}
