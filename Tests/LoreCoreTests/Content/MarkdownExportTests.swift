import Foundation
import Testing
@testable import LoreCore

/// `lore export` writes what `lore import` reads back: the same categories, articles and files.
@Suite struct MarkdownExportTests {
    @Test func anExportImportsBackAsTheSameKnowledgeBase() async throws {
        let world = try await TestWorld()
        let store = FileStore(root: FileManager.default.temporaryDirectory.appendingPathComponent("lore-export-files-\(UUID().uuidString)"))
        let hr = try await world.categories.create(CategoryDraft(title: "HR: people", description: "All about \"people\"."), by: world.principal)
        let leave = try await world.categories.create(CategoryDraft(title: "Отпуска", parentId: hr.id), by: world.principal)
        _ = try await world.articles.create(ArticleDraft(title: "Vacations: how", categoryId: try #require(leave.id),
                                                         body: "## Steps\n\n1. Ask.\n\n![map](file:map.txt)\n"), by: world.principal)
        _ = try await world.articles.create(ArticleDraft(title: "Первый день", categoryId: try #require(hr.id), body: "См. [[Vacations: how]]."),
                                            by: world.principal)
        _ = try await AttachmentService(database: world.database, store: store)
            .upload(AttachmentServiceTests.Chunks(pieces: [Array("a map".utf8)]), name: "map.txt", to: .article(slug: "vacations-how"), by: world.principal)

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lore-export-\(UUID().uuidString)", isDirectory: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = try await MarkdownExport(database: world.database, files: store).export(to: folder, by: world.principal)
        #expect(report == .init(categories: 2, articles: 2, files: 1, clientRows: 0))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(MarkdownExport.clientsFile).path),
                "the client registry goes with the knowledge")
        await #expect(throws: ExportError.self) { try await MarkdownExport(database: world.database, files: store).export(to: folder, by: world.principal) }

        let fresh = try await TestWorld()
        let freshStore = FileStore(root: FileManager.default.temporaryDirectory.appendingPathComponent("lore-import-files-\(UUID().uuidString)"))
        let imported = try await ContentImporter(database: fresh.database, files: freshStore).importFolder(at: folder, by: fresh.principal)
        #expect(imported.problems.isEmpty && imported.articlesCreated == 2 && imported.categoriesCreated == 2)
        #expect(try await Self.summary(world) == Self.summary(fresh))
        let attached = try await AttachmentService(database: fresh.database, store: freshStore).attachments(of: .article(slug: "vacations-how"), for: fresh.principal)
        #expect(attached.map(\.attachment.name) == ["map.txt"])
    }

    /// Categories by path with title and description; articles by slug with title, category path and text.
    static func summary(_ world: TestWorld) async throws -> [String] {
        let nodes = try await world.categories.tree(for: world.principal).flattened
        var lines = nodes.map { "\($0.category.path) \($0.category.title) \($0.category.description)" }
        for node in nodes {
            for article in try await world.queries.articles(inCategory: node.category.id!, for: world.principal) {
                lines.append("\(node.category.path)/\(article.slug) \(article.title) \(article.body.trimmingCharacters(in: .newlines))")
            }
        }
        return lines.sorted()
    }
}
