import Foundation

/// Imports a folder of Markdown files: each folder is a category (described by its
/// `_category.md`), each other `.md` file an article whose slug is the file name, and a
/// `<slug>.files` folder beside it holds the article's attachments.
/// Importing the same files again changes nothing and makes no revision.
public struct ContentImporter: Sendable {
    static let categoryFile = "_category.md"

    let categories: CategoryService
    let articles: ArticleService
    let queries: ArticleQueries
    /// Where attachments go; without it, `.files` folders are skipped.
    let attachments: AttachmentService?

    public init(database: AppDatabase, files: FileStore? = nil) {
        self.categories = CategoryService(database: database)
        self.articles = ArticleService(database: database)
        self.queries = ArticleQueries(database: database)
        self.attachments = files.map { AttachmentService(database: database, store: $0) }
    }

    static let filesSuffix = ".files"

    /// How far an import has got: articles read so far (imported, unchanged or refused) and how many there are.
    public typealias Progress = @Sendable (_ done: Int, _ total: Int) -> Void

    public func importFolder(at root: URL, by principal: Principal, progress: Progress? = nil) async throws -> ImportReport {
        var report = ImportReport()
        let counted = progress.map { ($0, Self.articleFiles(under: root)) }
        try await importCategory(folder: root, relativePath: [], parent: nil, by: principal, report: &report, progress: counted)
        return report
    }

    /// The Markdown files an import reads as articles: not categories' `_category.md`, nothing in
    /// an article's files or history.
    static func articleFiles(under root: URL) -> Int {
        guard let walk = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isDirectoryKey]) else { return 0 }
        var count = 0
        while let url = walk.nextObject() as? URL {
            let name = url.lastPathComponent
            if name.hasSuffix(filesSuffix) || name.hasSuffix(SampleHistory.folderSuffix) {
                walk.skipDescendants()
            } else if name.hasSuffix(".md"), name != categoryFile {
                count += 1
            }
        }
        return count
    }

    private func importCategory(folder: URL, relativePath: [String], parent: Category?, by principal: Principal,
                                report: inout ImportReport, progress: (Progress, total: Int)?) async throws {
        var category = parent
        if !relativePath.isEmpty {
            let slug = relativePath.last!
            let meta = try? FrontMatter.parse(String(contentsOf: folder.appendingPathComponent(Self.categoryFile), encoding: .utf8))
            let draft = CategoryDraft(
                title: meta?.fields["title"] ?? folder.lastPathComponent, slug: slug,
                description: meta?.body.trimmingCharacters(in: .whitespacesAndNewlines) ?? "",
                parentId: parent?.id, position: meta?.fields["order"].flatMap { Int($0) })
            do {
                category = try await upsertCategory(path: relativePath.joined(separator: "/"), draft, by: principal, report: &report)
            } catch {
                report.problems.append("\(relativePath.joined(separator: "/")): \(error)")
                return
            }
        }
        let entries = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: [.isDirectoryKey])
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        for entry in entries {
            let name = entry.lastPathComponent
            if (try? entry.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) == true {
                // The sample client cards' folder; a category of that name (with its _category.md) is imported.
                if relativePath.isEmpty, name == SampleClients.folder,
                   !FileManager.default.fileExists(atPath: entry.appendingPathComponent(Self.categoryFile).path) { continue }
                if name.hasSuffix(Self.filesSuffix) || name.hasSuffix(SampleHistory.folderSuffix) { continue }
                guard let slug = Self.address(of: name, report: &report) else { continue }
                try await importCategory(folder: entry, relativePath: relativePath + [slug], parent: category, by: principal,
                                         report: &report, progress: progress)
            } else if name.hasSuffix(".md"), name != Self.categoryFile {
                defer {
                    report.articleFilesRead += 1
                    if let progress { progress.0(report.articleFilesRead, progress.total) }
                }
                guard let category, let categoryId = category.id else {
                    report.problems.append("\(name): articles must be inside a category folder")
                    continue
                }
                do {
                    try await importArticle(file: entry, categoryId: categoryId, by: principal, report: &report)
                } catch {
                    report.problems.append("\((relativePath + [name]).joined(separator: "/")): \(error)")
                }
            }
        }
    }

    private func upsertCategory(path: String, _ draft: CategoryDraft, by principal: Principal, report: inout ImportReport) async throws -> Category {
        if let existing = try? await categories.category(path: path, for: principal), let id = existing.id {
            var wanted = draft
            wanted.grants = [:]
            wanted.position = draft.position ?? existing.position
            wanted.hidesHistoryFromReaders = draft.hidesHistoryFromReaders ?? existing.hidesHistoryFromReaders
            if CategoryDraft(existing) == wanted { return existing }
            return try await categories.update(id: id, with: wanted, by: principal)
        }
        report.categoriesCreated += 1
        var draft = draft
        // An imported knowledge base is one to write in: its top-level categories are open to
        // every employee for editing, as its folders were to its writers.
        if draft.parentId == nil, let employee = try await RoleService(database: categories.database).role(kind: .employee).id {
            draft.grants[employee] = .edit
        }
        return try await categories.create(draft, by: principal)
    }

    /// A file's or folder's name as an address: as it is when it is one, otherwise made from it
    /// as from a title (and said in the report); nil, with the reason, when nothing can be made.
    static func address(of name: String, report: inout ImportReport) -> String? {
        let stem = name.hasSuffix(".md") ? String(name.dropLast(".md".count)) : name
        if Slug.isValid(stem) { return stem }
        let made = Slug.make(from: stem)
        guard Slug.isValid(made) else {
            report.problems.append("\(name): no address can be made from this name; use Latin letters, digits and hyphens, as otpusk-kak-oformit")
            return nil
        }
        report.renamed.append("\(name) → \(made)")
        return made
    }

    private func importArticle(file: URL, categoryId: Int64, by principal: Principal, report: inout ImportReport) async throws {
        guard let slug = Self.address(of: file.lastPathComponent, report: &report) else { return }
        let content = FrontMatter.parse(try String(contentsOf: file, encoding: .utf8))
        let draft = ArticleDraft(
            title: content.fields["title"] ?? file.deletingPathExtension().lastPathComponent, slug: slug, categoryId: categoryId, body: content.body,
            summary: "Imported from \(file.lastPathComponent)", position: content.fields["order"].flatMap { Int($0) })
        let folder = file.deletingPathExtension().appendingPathExtension(String(Self.filesSuffix.dropFirst()))
        switch try? await queries.article(slug: slug, for: principal) {
        case .found(let existing):
            let attached = try await attachFiles(from: folder, to: slug, by: principal)
            let saved = try await articles.save(id: existing.id!, draft, baseRevision: nil, by: principal)
            if saved.revision == existing.revision {
                if attached { try await articles.renderAgain(id: existing.id!) }
                report.articlesUnchanged += 1
            } else {
                report.articlesUpdated += 1
            }
        case .moved:
            // Renamed in Lore since it was imported: the person's choice stands.
            report.articlesUnchanged += 1
        case nil:
            let article = try await articles.create(draft, by: principal)
            // Files attach to an existing page; the page is then rendered again to show them.
            if try await attachFiles(from: folder, to: slug, by: principal), let id = article.id { try await articles.renderAgain(id: id) }
            report.articlesCreated += 1
        }
    }

    /// Attaches the files of `folder` the article does not have yet (by name); true if any was.
    private func attachFiles(from folder: URL, to slug: String, by principal: Principal) async throws -> Bool {
        guard let attachments, let files = try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil) else {
            return false
        }
        let present = Set(try await attachments.attachments(of: .article(slug: slug), for: principal).map(\.attachment.name))
        var attached = false
        for file in files.sorted(by: { $0.lastPathComponent < $1.lastPathComponent })
        where !file.lastPathComponent.hasPrefix(".") && !present.contains(file.lastPathComponent) {
            _ = try await attachments.upload(FileChunks(url: file), name: file.lastPathComponent, to: .article(slug: slug), by: principal)
            attached = true
        }
        return attached
    }
}
