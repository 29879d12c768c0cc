import Foundation

/// Imports a folder of Markdown files: each folder is a category (described by its
/// `_category.md`), each other `.md` file an article whose slug is the file name.
/// Importing the same files again changes nothing and makes no revision.
public struct ContentImporter: Sendable {
    static let categoryFile = "_category.md"

    let categories: CategoryService
    let articles: ArticleService
    let queries: ArticleQueries

    public init(database: AppDatabase) {
        self.categories = CategoryService(database: database)
        self.articles = ArticleService(database: database)
        self.queries = ArticleQueries(database: database)
    }

    public func importFolder(at root: URL, by principal: Principal) async throws -> ImportReport {
        var report = ImportReport()
        try await importCategory(folder: root, relativePath: [], parent: nil, by: principal, report: &report)
        return report
    }

    private func importCategory(folder: URL, relativePath: [String], parent: Category?, by principal: Principal, report: inout ImportReport) async throws {
        var category = parent
        if !relativePath.isEmpty {
            let slug = relativePath.last!
            let meta = try? FrontMatter.parse(String(contentsOf: folder.appendingPathComponent(Self.categoryFile), encoding: .utf8))
            let draft = CategoryDraft(
                title: meta?.fields["title"] ?? slug, slug: slug,
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
                if relativePath.isEmpty, name == SampleClients.folder { continue }
                guard Slug.isValid(name) else {
                    report.problems.append("\(name): folder names must be slugs (a-z, 0-9, -)")
                    continue
                }
                try await importCategory(folder: entry, relativePath: relativePath + [name], parent: category, by: principal, report: &report)
            } else if name.hasSuffix(".md"), name != Self.categoryFile {
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
            wanted.position = draft.position ?? existing.position
            wanted.hidesHistoryFromReaders = draft.hidesHistoryFromReaders ?? existing.hidesHistoryFromReaders
            if CategoryDraft(existing) == wanted { return existing }
            return try await categories.update(id: id, with: wanted, by: principal)
        }
        report.categoriesCreated += 1
        return try await categories.create(draft, by: principal)
    }

    private func importArticle(file: URL, categoryId: Int64, by principal: Principal, report: inout ImportReport) async throws {
        let slug = String(file.lastPathComponent.dropLast(".md".count))
        let content = FrontMatter.parse(try String(contentsOf: file, encoding: .utf8))
        let draft = ArticleDraft(
            title: content.fields["title"] ?? slug, slug: slug, categoryId: categoryId, body: content.body,
            summary: "Imported from \(file.lastPathComponent)", position: content.fields["order"].flatMap { Int($0) })
        switch try? await queries.article(slug: slug, for: principal) {
        case .found(let existing):
            let saved = try await articles.save(id: existing.id!, draft, baseRevision: nil, by: principal)
            if saved.revision == existing.revision { report.articlesUnchanged += 1 } else { report.articlesUpdated += 1 }
        case .moved:
            // Renamed in Lore since it was imported: the person's choice stands.
            report.articlesUnchanged += 1
        case nil:
            _ = try await articles.create(draft, by: principal)
            report.articlesCreated += 1
        }
    }
}
