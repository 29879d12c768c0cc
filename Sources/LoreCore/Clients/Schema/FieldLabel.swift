/// A field's name in both interface languages: the schema carries it, so that a field is
/// declared in one place, and a custom field brings its own.
public struct FieldLabel: Sendable, Equatable {
    public let ru: String
    public let en: String

    public init(ru: String, en: String) {
        self.ru = ru
        self.en = en
    }

    /// The English label, or the Russian one when no English was given.
    public var english: String { en.isEmpty ? ru : en }
}
