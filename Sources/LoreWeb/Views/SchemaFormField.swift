import LoreCore

/// The input for a schema field, in a card's or a person's form: its kind decides the control.
enum SchemaFormField {
    /// `options` fills choices the schema cannot know (the colleagues a manager field offers);
    /// `suggestions` offers values in use for a free-text field.
    static func make<Record>(_ field: SchemaField<Record>, _ draft: FieldDraft<Record>, errors: [String: String], t: Translations,
                             options: [String: [Choice]] = [:], suggestions: [String: [String]] = [:]) -> FormField {
        let key = field.key, label = t.label(field.label), hint = field.hint.map(t.label), value = draft[key]
        switch field.kind {
        case .title:
            return .text(key, label, value, errors: errors, hint: hint, required: true)
        case .email:
            return .text(key, label, value, errors: errors, hint: hint, type: "email")
        case .date:
            return .text(key, label, value, errors: errors, hint: hint, type: "date")
        case .number:
            return .text(key, label, value, errors: errors, hint: hint, type: "text")
        case .text(let rows):
            return .area(key, label, value, errors: errors, hint: hint, rows: rows)
        case .markdown:
            return .area(key, label, value, errors: errors, hint: hint, rows: 10)
        case .choice(let values, let labels, let optional):
            let named = values.map { value in (value, labels.map { t["\($0)_\(value)"] } ?? value) }
            return .select(key, label, Choice.options(named, selected: value, none: optional ? t["unknown"] : nil), errors: errors)
        case .yesNo:
            return .select(key, label, Choice.options([("yes", t["field_yes"]), ("no", t["field_no"])], selected: value, none: t["unknown"]),
                           errors: errors)
        case .user:
            return .select(key, label, options[key] ?? [], errors: errors)
        case .line, .phones, .emails, .website, .requisite, .tags, .birthday:
            return .text(key, label, value, errors: errors, hint: hint, suggestions: suggestions[key])
        }
    }
}
