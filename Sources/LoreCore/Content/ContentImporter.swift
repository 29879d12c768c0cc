import Foundation
import GRDB

/// Imports a folder of Markdown files: each folder is a category (described by its
/// `_category.md`), each other `.md` file an article whose slug is the file name, and a
/// `<slug>.files` folder beside it holds the article's attachments.
/// Importing the same files again changes nothing and makes no revision.
public struct ContentImporter: Sendable {
    static let categoryFile = "_category.md"

    let articles: ArticleService
    /// Where attachments go; without it, `.files` folders are skipped.
    let attachments: AttachmentService?

    public init(database: AppDatabase, files: FileStore? = nil) {
        self.articles = ArticleService(database: database)
        self.attachments = files.map { AttachmentService(database: database, store: $0) }
    }

    static let filesSuffix = ".files"

    /// How far an import has got: articles read so far (imported, unchanged or refused) and how many there are.
    public typealias Progress = @Sendable (_ done: Int, _ total: Int) -> Void

    /// Reads the whole folder first, then writes it in one transaction: a run that meets any
    /// problem (a name that gives no address, an article outside a category, a title refused)
    /// writes nothing, not even its categories, and reports every problem at once. Attachments
    /// are stored before the transaction (by content: a refused run leaves only unreferenced
    /// files, which the clean-up removes); Markdown is rendered inside it.
    public func importFolder(at root: URL, by principal: Principal, progress: Progress? = nil) async throws -> ImportReport {
        var report = ImportReport()
        var entries: [Entry] = []
        let counted = progress.map { ($0, Self.articleFiles(under: root)) }
        try await read(folder: root, relativePath: [], into: &entries, report: &report, progress: counted)
        let (read, planned) = (report, entries)
        do {
            return try await articles.database.writer.write { [self] db in
                var report = read
                try SearchWords.summing(db) { try write(planned, by: principal, report: &report, progress: counted, db) }
                if !report.problems.isEmpty { throw Refused(report: report) }
                return report
            }
        } catch let refused as Refused {
            return refused.report.rolledBack
        }
    }

    /// A run with problems: thrown to roll its transaction back.
    private struct Refused: Error {
        let report: ImportReport
    }

    /// What the folder holds, in the order it is written: a category before what is in it.
    private enum Entry: Sendable {
        case category(path: String, CategoryDraft)
        /// `files`: the `.files` folder's uploads, stored already, by name.
        case article(path: String, categoryPath: String, ArticleDraft, files: [(name: String, stored: FileStore.Stored)])
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

    private func read(folder: URL, relativePath: [String], into entries: inout [Entry], report: inout ImportReport,
                      progress: (Progress, total: Int)?) async throws {
        let categoryPath = relativePath.joined(separator: "/")
        if !relativePath.isEmpty {
            let meta = try? FrontMatter.parse(String(contentsOf: folder.appendingPathComponent(Self.categoryFile), encoding: .utf8))
            entries.append(.category(path: categoryPath, CategoryDraft(
                title: meta?.fields["title"] ?? folder.lastPathComponent, slug: relativePath.last ?? "",
                description: meta?.body.trimmingCharacters(in: .whitespacesAndNewlines) ?? "",
                parentId: nil, position: meta?.fields["order"].flatMap { Int($0) })))
        }
        let entriesHere = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: [.isDirectoryKey])
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        for entry in entriesHere {
            let name = entry.lastPathComponent
            if (try? entry.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) == true {
                // The sample client cards' folder; a category of that name (with its _category.md) is imported.
                if relativePath.isEmpty, name == SampleClients.folder,
                   !FileManager.default.fileExists(atPath: entry.appendingPathComponent(Self.categoryFile).path) { continue }
                if name.hasSuffix(Self.filesSuffix) || name.hasSuffix(SampleHistory.folderSuffix) { continue }
                guard let slug = Self.address(of: name, report: &report) else { continue }
                try await read(folder: entry, relativePath: relativePath + [slug], into: &entries, report: &report, progress: progress)
            } else if name.hasSuffix(".md"), name != Self.categoryFile {
                let shown = (relativePath + [name]).joined(separator: "/")
                guard !relativePath.isEmpty else {
                    report.problems.append("\(name): articles must be inside a category folder")
                    Self.count(&report, progress)
                    continue
                }
                guard let slug = Self.address(of: name, report: &report) else {
                    Self.count(&report, progress)
                    continue
                }
                do {
                    let content = FrontMatter.parse(try String(contentsOf: entry, encoding: .utf8))
                    let draft = ArticleDraft(
                        title: content.fields["title"] ?? entry.deletingPathExtension().lastPathComponent, slug: slug, categoryId: 0,
                        body: content.body, summary: "Imported from \(name)", position: content.fields["order"].flatMap { Int($0) })
                    let files = try await storeFiles(from: entry.deletingPathExtension().appendingPathExtension(String(Self.filesSuffix.dropFirst())))
                    entries.append(.article(path: shown, categoryPath: categoryPath, draft, files: files))
                } catch {
                    report.problems.append("\(shown): \(error)")
                    Self.count(&report, progress)
                }
            }
        }
    }

    /// One more Markdown file dealt with, told to whoever watches.
    private static func count(_ report: inout ImportReport, _ progress: (Progress, total: Int)?) {
        report.articleFilesRead += 1
        if let progress { progress.0(report.articleFilesRead, progress.total) }
    }

    /// Stores the uploads of an article's `.files` folder (none without an attachment service).
    private func storeFiles(from folder: URL) async throws -> [(name: String, stored: FileStore.Stored)] {
        guard let attachments, let files = try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil) else {
            return []
        }
        var stored: [(name: String, stored: FileStore.Stored)] = []
        for file in files.sorted(by: { $0.lastPathComponent < $1.lastPathComponent }) where !file.lastPathComponent.hasPrefix(".") {
            stored.append((file.lastPathComponent, try await attachments.store.store(FileChunks(url: file), limit: attachments.limit)))
        }
        return stored
    }

    /// Writes every entry; a refused one goes into the report and the others go on, so that
    /// the report lists every problem (the caller then rolls the whole run back).
    private func write(_ entries: [Entry], by principal: Principal, report: inout ImportReport, progress: (Progress, total: Int)?,
                       _ db: Database) throws {
        let author = try principal.authorId()
        var categories: [String: Int64] = [:]
        for entry in entries {
            switch entry {
            case .category(let path, var draft):
                let parentPath = path.split(separator: "/").dropLast().joined(separator: "/")
                if !parentPath.isEmpty {
                    // Its parent was refused: the problem is reported there.
                    guard let parentId = categories[parentPath] else { continue }
                    draft.parentId = parentId
                }
                do {
                    categories[path] = try upsertCategory(path: path, draft, by: principal, report: &report, db).id
                } catch {
                    report.problems.append("\(path): \(error)")
                }
            case .article(let path, let categoryPath, var draft, let files):
                defer { Self.count(&report, progress) }
                guard let categoryId = categories[categoryPath] else { continue }
                draft.categoryId = categoryId
                do {
                    try upsertArticle(draft, files: files, author: author, by: principal, report: &report, db)
                } catch {
                    report.problems.append("\(path): \(error)")
                }
            }
        }
    }

    private func upsertCategory(path: String, _ draft: CategoryDraft, by principal: Principal, report: inout ImportReport,
                                _ db: Database) throws -> Category {
        if let existing = try? ReaderCategories.read(AccessPolicy(principal), db).category(path: path), let id = existing.id {
            var wanted = draft
            wanted.grants = [:]
            wanted.position = draft.position ?? existing.position
            wanted.hidesHistoryFromReaders = draft.hidesHistoryFromReaders ?? existing.hidesHistoryFromReaders
            if CategoryDraft(existing) == wanted { return existing }
            return try CategoryService.update(id: id, with: wanted, by: principal, db)
        }
        report.categoriesCreated += 1
        var draft = draft
        // An imported knowledge base is one to write in: its top-level categories are open to
        // every employee for editing, as its folders were to its writers.
        if draft.parentId == nil, let employee = try Role.id(of: .employee, db) {
            draft.grants[employee] = .edit
        }
        return try CategoryService.create(draft, by: principal, db)
    }

    private func upsertArticle(_ draft: ArticleDraft, files: [(name: String, stored: FileStore.Stored)], author: Int64,
                               by principal: Principal, report: inout ImportReport, _ db: Database) throws {
        switch try? Viewer(principal: principal, db: db).article(slug: draft.slug) {
        case .found(let existing):
            let id = try existing.id ?? { throw NotFound() }()
            let attached = try attach(files, to: draft.slug, author: author, by: principal, db)
            let saved = try articles.save(id: id, draft, baseRevision: nil, by: principal, db)
            if saved.revision == existing.revision {
                if attached { try ArticleService.renderAgain(id: id, renderer: articles.renderer, db) }
                report.articlesUnchanged += 1
            } else {
                report.articlesUpdated += 1
            }
        case .moved:
            // Renamed in Lore since it was imported: the person's choice stands.
            report.articlesUnchanged += 1
        case nil:
            let article = try articles.create(draft, author: author, by: principal, db)
            // Files attach to an existing page; the page is then rendered again to show them.
            if try attach(files, to: draft.slug, author: author, by: principal, db), let id = article.id {
                try ArticleService.renderAgain(id: id, renderer: articles.renderer, db)
            }
            report.articlesCreated += 1
        }
    }

    /// Attaches the files the article does not have yet (by name); true if any was.
    private func attach(_ files: [(name: String, stored: FileStore.Stored)], to slug: String, author: Int64, by principal: Principal,
                        _ db: Database) throws -> Bool {
        guard !files.isEmpty else { return false }
        let present = Set(try Viewer(principal: principal, db: db).attachments(of: .article(slug: slug)).map(\.attachment.name))
        var attached = false
        for file in files where !present.contains(file.name) {
            _ = try AttachmentService.attach(file.stored, name: file.name, to: .article(slug: slug), author: author, AccessPolicy(principal), db)
            attached = true
        }
        return attached
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
}
