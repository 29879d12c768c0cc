import Foundation

/// Numbers from requests: form fields, query parameters, addresses and headers. Anyone can send
/// any digits, so a number is read only within the range its use allows, and is nil otherwise:
/// then no caller does arithmetic on it that overflows, or makes a range that traps (`0..<-1`).
extension FixedWidthInteger {
    /// `text` (spaces around it allowed) as a whole number within `range`; nil when it is no
    /// number, too large for the type, or outside the range.
    init?(request text: (some StringProtocol)?, in range: ClosedRange<Self>) {
        guard let text else { return nil }
        guard let number = Self(text.trimmingCharacters(in: .whitespaces)), range.contains(number) else { return nil }
        self = number
    }
}

extension ClosedRange<Int64> {
    /// Ids of rows (and revision numbers) from forms: far above any Lore will have, far below
    /// where arithmetic on them could overflow.
    static var ids: Self { 0...(1 << 40) }
    /// Ids that only narrow a list (a category, a manager, a role): any 64-bit number, as the
    /// API's document says; one that names nothing finds nothing.
    static var filterIds: Self { .min ... .max }
}

extension ClosedRange<Int> {
    /// A number typed into a field that the service then checks (days, months, a version): wide
    /// enough that a mistyped one reaches that check and its message, narrow enough for arithmetic.
    static var typed: Self { Int(Int32.min)...Int(Int32.max) }
}
