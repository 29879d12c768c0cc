import Foundation

/// Reads dates as people type them into a form or a spreadsheet.
public enum DateInput: Sendable {
    /// "2026-11-23", "23.11.2026" or "23/11/2026". Slashes are read day
    /// first, as in Russia and Europe; a US "11/23/2026" is rejected (no
    /// 23rd month) rather than guessed, and two-digit years are rejected as
    /// ambiguous. Single-digit day and month ("1.2.2026") are fine.
    public static func parseDay(_ input: String) -> DayDate? {
        let text = input.trimmingCharacters(in: .whitespacesAndNewlines)
        if let parts = numbers(text, separator: "-"), widths(parts, [4...4, 1...2, 1...2]) {
            return DayDate(year: parts[0].value, month: parts[1].value, day: parts[2].value)
        }
        for separator: Unicode.Scalar in [".", "/"] {
            if let parts = numbers(text, separator: separator), widths(parts, [1...2, 1...2, 4...4]) {
                return DayDate(year: parts[2].value, month: parts[1].value, day: parts[0].value)
            }
        }
        return nil
    }

    /// A full date as in `parseDay`, or a day without a year: "--11-23",
    /// "23.11" or "23/11".
    public static func parseBirthday(_ input: String) -> Birthday? {
        let text = input.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.hasPrefix("--") {
            return Birthday(iso: text)
        }
        for separator: Unicode.Scalar in [".", "/"] {
            if let parts = numbers(text, separator: separator), widths(parts, [1...2, 1...2]) {
                return Birthday(month: parts[1].value, day: parts[0].value)
            }
        }
        guard let date = parseDay(text) else { return nil }
        return Birthday(month: date.month, day: date.day, year: date.year)
    }

    private typealias Number = (value: Int, width: Int)

    /// ASCII digit groups split by exactly one `separator`; nil on anything
    /// else, so "23.11.2026." or "23 .11" never half-parse.
    private static func numbers(_ text: String, separator: Unicode.Scalar) -> [Number]? {
        var result: [Number] = []
        var value = 0
        var width = 0
        for scalar in text.unicodeScalars {
            if scalar == separator {
                guard width > 0 else { return nil }
                result.append((value, width))
                value = 0
                width = 0
            } else if ("0"..."9").contains(scalar), width < 4 {
                value = value * 10 + Int(scalar.value) - 48
                width += 1
            } else {
                return nil
            }
        }
        guard width > 0 else { return nil }
        result.append((value, width))
        return result
    }

    private static func widths(_ parts: [Number], _ allowed: [ClosedRange<Int>]) -> Bool {
        parts.count == allowed.count && zip(parts, allowed).allSatisfy { $1.contains($0.width) }
    }
}
