import Foundation

/// Dates as people read them in the interface language.
enum DisplayDate {
    static func format(_ date: Date, _ language: Language) -> String {
        date.formatted(
            Date.FormatStyle(date: .abbreviated, time: .shortened)
                .locale(Locale(identifier: language == .ru ? "ru_RU" : "en_GB")))
    }
}
