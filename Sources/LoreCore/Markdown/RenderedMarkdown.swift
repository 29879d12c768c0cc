import Foundation

/// What rendering a Markdown text produces: the HTML, the outline and the links it makes.
public struct RenderedMarkdown: Sendable, Equatable {
    public var html: String
    public var headings: [Heading]
    public var links: Set<WikiLink>
    /// The attachments the text shows or links to, by their addresses.
    public var files: Set<String> = []
}

public struct Heading: Sendable, Equatable, Codable {
    public var level: Int
    public var anchor: String
    public var text: String

    /// The outline as an article's row keeps it: JSON, most often an empty list.
    static func outline(fromJSON json: String?) throws -> [Heading] {
        guard let json, json != "[]" else { return [] }
        return try JSONDecoder().decode([Heading].self, from: Data(json.utf8))
    }
}

extension [Heading] {
    /// A table of contents is worth showing only for articles long enough to need one.
    public var tableOfContents: [Heading] {
        let entries = filter { $0.level <= 3 }
        return entries.count >= 3 ? entries : []
    }
}
