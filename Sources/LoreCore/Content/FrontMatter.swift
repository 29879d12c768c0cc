import Foundation

/// The small header of a content file: `key: value` lines between two `---` lines.
/// Values may be wrapped in double quotes (needed when they contain a colon or start with a quote).
struct FrontMatter: Equatable {
    var fields: [String: String]
    var body: String

    static func parse(_ text: String) -> FrontMatter {
        let normalized = ByteSearch.replacing(["\r\n": "\n"], in: text)
        var lines = normalized.split(separator: "\n", omittingEmptySubsequences: false)[...]
        guard lines.first == "---" else { return FrontMatter(fields: [:], body: normalized) }
        lines = lines.dropFirst()
        var fields: [String: String] = [:]
        while let line = lines.first, line != "---" {
            lines = lines.dropFirst()
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = line[..<colon].trimmingCharacters(in: .whitespaces)
            fields[key] = unquote(line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        guard lines.first == "---" else { return FrontMatter(fields: [:], body: normalized) }
        let body = lines.dropFirst().joined(separator: "\n")
        return FrontMatter(fields: fields, body: body.trimmingCharacters(in: .newlines) + "\n")
    }

    private static func unquote(_ value: String) -> String {
        guard value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") else { return value }
        return ByteSearch.replacing(["\\\"": "\"", "\\\\": "\\"], in: String(value.dropFirst().dropLast()))
    }
}
