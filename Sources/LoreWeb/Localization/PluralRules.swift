import CPluralRules

/// A language's plural categories as ICU (CLDR) defines them: Russian 1, 21 → "one";
/// 2–4, 22 → "few"; 5, 11, 12 → "many"; English 1 → "one", the rest → "other".
// Unchecked: the state is ICU's rules, immutable once opened (never closed) and documented by ICU
// as safe to use from several threads at once (uplrules_select takes them as const), and a table
// of answers filled in once by `init`.
struct PluralRules: @unchecked Sendable {
    private let rules: UnsafeRawPointer?
    /// The categories of 0…999, asked once: pages ask for the same few counts on every request
    /// (the unread notifications beside the bell), and ICU's answer costs microseconds.
    private let small: [String]

    init(locale: String) {
        let rules = lore_plural_rules_open(locale)
        self.rules = rules
        small = (0..<1000).map { Self.select(rules, $0) }
    }

    static let russian = PluralRules(locale: "ru")
    static let english = PluralRules(locale: "en")

    /// "other" when ICU cannot say, which every language's table has a form for.
    func category(of count: Int) -> String {
        small.indices.contains(count) ? small[count] : Self.select(rules, count)
    }

    private static func select(_ rules: UnsafeRawPointer?, _ count: Int) -> String {
        guard let rules else { return "other" }
        var buffer = [CChar](repeating: 0, count: 16)
        let length = lore_plural_rules_select(rules, Double(count), &buffer, Int32(buffer.count))
        return length > 0 ? String(decoding: buffer.prefix(Int(length)).map { UInt8(bitPattern: $0) }, as: UTF8.self) : "other"
    }
}
