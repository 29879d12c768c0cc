import Foundation

/// Writes the whole knowledge base as a folder `lore import` reads back: a folder per category
/// with its `_category.md`, an `<slug>.md` per article with its title and order in front
/// matter, and its files in `<slug>.files/`; and the client registry as `clients.csv`, a row per
/// person, which the client import reads. What a company takes with it when it leaves.
public struct MarkdownExport: Sendable {
    public struct Report: Sendable, Equatable {
        public var categories = 0
        public var articles = 0
        public var files = 0
        /// Rows of `clients.csv` (nil when the exporter may not export clients).
        public var clientRows: Int?
    }

    /// Beside the categories, for whoever holds clients.export.
    public static let clientsFile = "clients.csv"

    let categories: CategoryService
    let queries: ArticleQueries
    let attachments: AttachmentService
    let clients: ClientExport

    public init(database: AppDatabase, files: FileStore) {
        clients = ClientExport(database: database)
        categories = CategoryService(database: database)
        queries = ArticleQueries(database: database)
        attachments = AttachmentService(database: database, store: files)
    }

    /// Exports what `principal` may read into `folder`, which must be empty or new.
    public func export(to folder: URL, by principal: Principal) async throws -> Report {
        let manager = FileManager.default
        if let existing = try? manager.contentsOfDirectory(atPath: folder.path), !existing.isEmpty {
            throw ExportError.folderNotEmpty(folder.path)
        }
        try manager.createDirectory(at: folder, withIntermediateDirectories: true)
        var report = Report()
        for node in try await categories.tree(for: principal).flattened {
            let category = node.category
            guard let id = category.id else { continue }
            let directory = folder.appendingPathComponent(category.path, isDirectory: true)
            try manager.createDirectory(at: directory, withIntermediateDirectories: true)
            try Self.write(fields: [("title", category.title), ("order", String(category.position))], body: category.description,
                           to: directory.appendingPathComponent(ContentImporter.categoryFile))
            report.categories += 1
            for article in try await queries.articles(inCategory: id, for: principal) {
                try Self.write(fields: [("title", article.title), ("order", String(article.position))], body: article.body,
                               to: directory.appendingPathComponent(article.slug + ".md"))
                report.articles += 1
                let listed = try await attachments.attachments(of: .article(slug: article.slug), for: principal)
                guard !listed.isEmpty else { continue }
                let files = directory.appendingPathComponent(article.slug + ContentImporter.filesSuffix, isDirectory: true)
                try manager.createDirectory(at: files, withIntermediateDirectories: true)
                for item in listed {
                    try manager.copyItem(at: attachments.store.path(of: item.attachment.digest), to: files.appendingPathComponent(item.attachment.name))
                    report.files += 1
                }
            }
        }
        if principal.has(.clientsExport) {
            let (data, rows) = try await clients.export(ClientFilter(), format: .csv(delimiter: ","), everyContact: true, for: principal)
            try data.write(to: folder.appendingPathComponent(Self.clientsFile))
            report.clientRows = rows
        }
        return report
    }

    /// Front matter values are always quoted, so a title with a colon or a quote reads back as written.
    static func write(fields: [(String, String)], body: String, to url: URL) throws {
        let header = fields.map { key, value in
            "\(key): \"" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        }
        let text = "---\n" + header.joined(separator: "\n") + "\n---\n" + body + (body.hasSuffix("\n") ? "" : "\n")
        try Data(text.utf8).write(to: url, options: .atomic)
    }
}

public enum ExportError: Error, CustomStringConvertible, Equatable {
    case folderNotEmpty(String)

    public var description: String {
        switch self {
        case .folderNotEmpty(let path): "\(path) is not empty: export into a new or empty folder."
        }
    }
}
