/// One option of a select or a filter: its value, its label in the reader's language, and
/// whether it is the one chosen.
struct Choice {
    let value: String
    let label: String
    let selected: Bool

    /// The options for an enumeration whose labels are `prefix_<rawValue>` in the translations,
    /// with an empty "none" option first when `none` is given.
    static func options<Value: CaseIterable & RawRepresentable<String>>(
        _: Value.Type, prefix: String, selected: String, none: String? = nil, t: Translations
    ) -> [Choice] {
        (none.map { [Choice(value: "", label: $0, selected: selected.isEmpty)] } ?? [])
            + Value.allCases.map { Choice(value: $0.rawValue, label: t["\(prefix)_\($0.rawValue)"], selected: $0.rawValue == selected) }
    }

    /// Options for free values (segments, tags, people), with a "none" option first.
    static func options(_ values: [(value: String, label: String)], selected: String, none: String?) -> [Choice] {
        (none.map { [Choice(value: "", label: $0, selected: selected.isEmpty)] } ?? [])
            + values.map { Choice(value: $0.value, label: $0.label, selected: $0.value == selected) }
    }
}
