import CPluralRules

/// A language's plural categories as ICU (CLDR) defines them: Russian 1, 21 → "one";
/// 2–4, 22 → "few"; 5, 11, 12 → "many"; English 1 → "one", the rest → "other".
struct PluralRules: @unchecked Sendable {
    // ICU's rules are immutable once opened and safe to share between threads.
    private let rules: UnsafeRawPointer?

    init(locale: String) {
        rules = lore_plural_rules_open(locale)
    }

    static let russian = PluralRules(locale: "ru")
    static let english = PluralRules(locale: "en")

    /// "other" when ICU cannot say, which every language's table has a form for.
    func category(of count: Int) -> String {
        guard let rules else { return "other" }
        var buffer = [CChar](repeating: 0, count: 16)
        let length = lore_plural_rules_select(rules, Double(count), &buffer, Int32(buffer.count))
        return length > 0 ? String(cString: buffer) : "other"
    }
}
