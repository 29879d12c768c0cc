/// One input of a long form, described once so that a single partial (`form-field`) draws
/// every field with its label, hint, value and problem in the same accessible way.
struct FormField {
    let name: String
    let label: String
    let value: String
    let error: String?
    let hint: String?
    let type: String
    let required: Bool
    let rows: Int?
    let options: [Choice]?
    /// A datalist of suggestions for a free-text field.
    let suggestions: [String]?
    // Stored, not computed: templates see only stored properties (see ``TemplateData``).
    let isTextarea: Bool
    let isSelect: Bool
    let hasSuggestions: Bool

    init(name: String, label: String, value: String, error: String?, hint: String?, type: String, required: Bool, rows: Int?,
         options: [Choice]?, suggestions: [String]?) {
        self.name = name
        self.label = label
        self.value = value
        self.error = error
        self.hint = hint
        self.type = type
        self.required = required
        self.rows = rows
        self.options = options
        self.suggestions = suggestions
        isTextarea = rows != nil
        isSelect = options != nil
        hasSuggestions = !(suggestions ?? []).isEmpty
    }

    static func text(_ name: String, _ label: String, _ value: String, errors: [String: String], hint: String? = nil,
                     type: String = "text", required: Bool = false, suggestions: [String]? = nil) -> FormField {
        FormField(name: name, label: label, value: value, error: errors[name], hint: hint, type: type, required: required,
                  rows: nil, options: nil, suggestions: suggestions)
    }

    static func area(_ name: String, _ label: String, _ value: String, errors: [String: String], hint: String? = nil,
                     rows: Int = 3) -> FormField {
        FormField(name: name, label: label, value: value, error: errors[name], hint: hint, type: "", required: false,
                  rows: rows, options: nil, suggestions: nil)
    }

    static func select(_ name: String, _ label: String, _ options: [Choice], errors: [String: String]) -> FormField {
        FormField(name: name, label: label, value: "", error: errors[name], hint: nil, type: "", required: false,
                  rows: nil, options: options, suggestions: nil)
    }
}
