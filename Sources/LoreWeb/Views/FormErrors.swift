import LoreCore

/// A form's problems: one message per field for beside the field, and the list shown at the top.
struct FormErrors {
    struct Item {
        let field: String
        let message: String
    }

    let fieldErrors: [String: String]
    let errors: [Item]

    static let none = FormErrors(fieldErrors: [:], errors: [])

    init(fieldErrors: [String: String], errors: [Item]) {
        self.fieldErrors = fieldErrors
        self.errors = errors
    }

    /// `order` lists the form's fields top to bottom, so the summary reads in the same order.
    init(_ error: ValidationError, t: Translations, order: [String]) {
        let messages = error.fields.mapValues { t.message(for: $0) }
        fieldErrors = messages
        errors = messages.keys
            .sorted { (order.firstIndex(of: $0) ?? order.count) < (order.firstIndex(of: $1) ?? order.count) }
            .map { Item(field: $0, message: messages[$0]!) }
    }
}
