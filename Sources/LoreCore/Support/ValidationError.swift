import Foundation

/// Input a person typed that cannot be saved as it is. Each field carries one problem,
/// which the web layer turns into a message in the reader's language beside that field.
public struct ValidationError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Problem: Equatable, Sendable {
        case required
        case tooLong(maxBytes: Int)
        case invalidText
        case duplicate
        case invalidSlug
        case notFound
        case wouldCreateLoop
        case tooShort(minimum: Int)
        case tooCommon
        /// A merge's conflict markers are still in the text.
        case unresolvedConflict
        case invalidEmail
        case invalidPhone
        case invalidWebsite
        /// A tax ID, KPP or OGRN whose format or check digit is wrong.
        case invalidRequisite
        case invalidDate
        case invalidNumber
    }

    public var fields: [String: Problem]

    public init(_ fields: [String: Problem]) {
        self.fields = fields
    }

    public init(field: String, _ problem: Problem) {
        self.fields = [field: problem]
    }

    /// For the command line and logs; the web interface shows localized messages instead.
    public var description: String {
        fields.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: "; ")
    }
}

/// Collects problems field by field and throws them together, so a form shows all of them at once.
struct Validator {
    private(set) var fields: [String: ValidationError.Problem] = [:]

    mutating func add(_ field: String, _ problem: ValidationError.Problem) {
        if fields[field] == nil { fields[field] = problem }
    }

    /// Trims the text and checks that it is present and within `maxBytes` of UTF-8.
    mutating func text(_ field: String, _ value: String, required: Bool = true, maxBytes: Int) -> String {
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        if required, trimmed.isEmpty { add(field, .required) }
        if trimmed.utf8.count > maxBytes { add(field, .tooLong(maxBytes: maxBytes)) }
        if trimmed.unicodeScalars.contains(where: Self.isForbidden) { add(field, .invalidText) }
        return trimmed
    }

    func check() throws {
        if !fields.isEmpty { throw ValidationError(fields) }
    }

    /// Control characters other than tab and line breaks have no place in a wiki text;
    /// U+FFFD is what invalid UTF-8 became on the way in.
    private static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == "\u{FFFD}" { return true }
        if scalar.value < 0x20 { return scalar != "\t" && scalar != "\n" && scalar != "\r" }
        return scalar.value == 0x7F
    }
}
