import Foundation

/// "Import from Word": a .docx or .odt becomes a new page's title and Markdown, its pictures
/// waiting in the writer's ``DraftFolder`` until the page is saved. pandoc reads the document
/// (in its own process, with a time limit) and a filter of Lore's (`Filters/word-import.lua`)
/// makes what GitHub Markdown cannot hold simpler rather than lost: a table whose cells hold
/// lists or several paragraphs keeps their text on one line, a picture keeps its width.
/// Nothing is saved: the writer sees the page in the editor first.
public struct WordImport: Sendable {
    public enum Format: String, Sendable {
        case docx
        case odt
    }

    /// A regulation with its pictures is a few MiB; past this it is not a page.
    public static let maxBytes = 20 << 20

    public struct Page: Sendable, Equatable {
        public let title: String
        public let body: String
        /// The ``DraftFolder`` holding its pictures, for the form to send back.
        public let files: String
    }

    /// Not a Word or OpenDocument text, by its name or its first bytes.
    public struct Unreadable: Error, Equatable, Sendable {}

    let attachments: AttachmentService

    public init(attachments: AttachmentService) {
        self.attachments = attachments
    }

    public static func format(ofFileNamed name: String) -> Format? {
        Format(rawValue: (name.split(separator: ".").last.map(String.init) ?? "").lowercased())
    }

    public func page(from bytes: [UInt8], fileName: String, by principal: Principal) async throws -> Page {
        // Both are zip archives.
        guard let format = Self.format(ofFileNamed: fileName), bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) else { throw Unreadable() }
        guard bytes.count <= Self.maxBytes else { throw ValidationError(field: "file", .tooLong(maxBytes: Self.maxBytes)) }
        let files = SecretToken.random()
        try await attachments.requireUpload(to: .draft(key: files), by: principal)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lore-import-\(UUID().uuidString)")
        let body = try await BlockingWork.withScratchFolder(folder) {
            let converted = try await BlockingWork.conversions.run { try Self.convertWaiting(bytes, format: format, in: folder) }
            var body = converted.markdown
            for picture in converted.pictures {
                let attachment = try await attachments.upload(FileChunks(url: folder.appendingPathComponent(picture)),
                                                              name: picture, to: .draft(key: files), by: principal)
                body = body.replacingOccurrences(of: "](\(picture))", with: "](\(Attachment.link(to: attachment.name)))")
            }
            return body
        }
        let (heading, text) = Self.leadingHeading(body)
        let title = heading ?? String(fileName.split(separator: ".").dropLast().joined(separator: ".").prefix(ArticleDraft.maxTitleBytes / 2))
        guard text.utf8.count <= ArticleDraft.maxBodyBytes else { throw ValidationError(field: "body", .tooLong(maxBytes: ArticleDraft.maxBodyBytes)) }
        return Page(title: title, body: text, files: files)
    }

    /// pandoc's Markdown and the pictures it took out, as paths relative to `folder`: only on a
    /// thread of ``BlockingWork/conversions``.
    static func convertWaiting(_ bytes: [UInt8], format: Format, in folder: URL) throws -> (markdown: String, pictures: [String]) {
        try Data(bytes).write(to: folder.appendingPathComponent("document.\(format.rawValue)"))
        guard let filter = Bundle.module.url(forResource: "word-import", withExtension: "lua", subdirectory: "Filters") else {
            throw Pandoc.Failed(reason: .missing)
        }
        try Pandoc.runWaiting([
            "--from=\(format.rawValue)", "--to=gfm-raw_html", "--wrap=none", "--lua-filter=\(filter.path)",
            "--extract-media=media", "--output=page.md", "document.\(format.rawValue)",
        ], in: folder)
        let markdown = try String(contentsOf: folder.appendingPathComponent("page.md"), encoding: .utf8)
        let media = folder.appendingPathComponent("media")
        let found = FileManager.default.enumerator(at: media, includingPropertiesForKeys: [.isRegularFileKey, .isSymbolicLinkKey])
        var pictures: [String] = []
        while let url = found?.nextObject() as? URL {
            let values = try url.resourceValues(forKeys: [.isRegularFileKey, .isSymbolicLinkKey])
            guard values.isRegularFile == true, values.isSymbolicLink != true else { continue }
            pictures.append("media/" + url.path.dropFirst(media.path.count + 1))
        }
        return (markdown, pictures.sorted())
    }

    /// A document that starts with a top-level heading names the page by it.
    static func leadingHeading(_ markdown: String) -> (String?, String) {
        let text = markdown.drop { $0.isNewline }
        guard text.hasPrefix("# ") else { return (nil, String(text)) }
        let line = text.prefix { !$0.isNewline }
        let heading = line.dropFirst(2).trimmingCharacters(in: .whitespaces)
        guard !heading.isEmpty, heading.utf8.count <= ArticleDraft.maxTitleBytes else { return (nil, String(text)) }
        return (heading, String(text.dropFirst(line.count).drop { $0.isNewline }))
    }
}
