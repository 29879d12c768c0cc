import Foundation
import GRDB
import Synchronization
import Testing
@testable import LoreCore

@Suite struct ContentImporterTests {
    func makeFolder(_ files: [String: String]) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("lore-content-\(UUID().uuidString)")
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return root
    }

    @Test func importsCategoriesAndArticlesAndIsIdempotent() async throws {
        let world = try await TestWorld()
        let root = try makeFolder([
            "hr/_category.md": "---\ntitle: HR\norder: 20\n---\nPeople matters.\n",
            "company/_category.md": "---\ntitle: \"About: the company\"\norder: 10\n---\n",
            "hr/onboarding/_category.md": "---\ntitle: Onboarding\n---\n",
            "hr/onboarding/first-day.md": "---\ntitle: First day\norder: 10\n---\nSee [[Otpusk]].\n",
            "hr/otpusk.md": "---\ntitle: Отпуск\norder: 5\n---\n## Как оформить\n\nЗаявление.\n",
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        let importer = ContentImporter(database: world.database)
        let first = try await importer.importFolder(at: root, by: world.principal)
        #expect(first.categoriesCreated == 3)
        #expect(first.articlesCreated == 2)
        #expect(first.problems.isEmpty)
        let tree = try await world.categories.tree(for: world.principal)
        #expect(tree.map(\.category.title) == ["About: the company", "HR"])
        #expect(tree[1].category.description == "People matters.")
        #expect(try await world.current("first-day").html.contains("href=\"/a/otpusk\""))
        #expect(try await world.current("otpusk").title == "Отпуск")

        let second = try await importer.importFolder(at: root, by: world.principal)
        #expect(second.categoriesCreated == 0)
        #expect(second.articlesCreated == 0)
        #expect(second.articlesUpdated == 0)
        #expect(second.articlesUnchanged == 2)
        #expect(try await world.current("otpusk").revision == 1)

        try "---\ntitle: Отпуск\norder: 5\n---\nНовый текст.\n".write(
            to: root.appendingPathComponent("hr/otpusk.md"), atomically: true, encoding: .utf8)
        let third = try await importer.importFolder(at: root, by: world.principal)
        #expect(third.articlesUpdated == 1)
        #expect(try await world.current("otpusk").revision == 2)
    }

    @Test func anImportCountsTheIndexsWordsOnceAsSavesWould() async throws {
        let world = try await TestWorld()
        try await world.article("Keys", in: try await world.category("Office"), body: "The warehouse keys hang by the door.")
        let root = try makeFolder([
            "hr/_category.md": "---\ntitle: HR\n---\n",
            "hr/alpha.md": "---\ntitle: Alpha\n---\nWarehouse pallets.\n",
            "hr/beta.md": "---\ntitle: Beta\n---\nSee [[Alpha]]: the warehouse is open.\n",
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        let importer = ContentImporter(database: world.database)
        func pages(_ word: String) async throws -> Int? {
            try await world.database.reader.read { db in try Int.fetchOne(db, sql: "SELECT pages FROM searchWord WHERE word = ?", arguments: [word]) }
        }
        func countedAgainAlike() async throws -> Bool {
            try await world.database.writer.write { db in
                let summed = try Row.fetchAll(db, sql: "SELECT * FROM searchWord ORDER BY word")
                try SearchWords.recount(db)
                return try Row.fetchAll(db, sql: "SELECT * FROM searchWord ORDER BY word") == summed
            }
        }
        _ = try await importer.importFolder(at: root, by: world.principal)
        #expect(try await pages("warehouse") == 3)
        #expect(try await pages("pallets") == 1)
        #expect(try await countedAgainAlike())
        try "---\ntitle: Beta\n---\nSee [[Alpha]]: closed today.\n".write(to: root.appendingPathComponent("hr/beta.md"), atomically: true, encoding: .utf8)
        _ = try await importer.importFolder(at: root, by: world.principal)
        #expect(try await pages("warehouse") == 2)
        #expect(try await pages("closed") == 1)
        #expect(try await countedAgainAlike())
    }

    @Test func anArticlesFilesFolderBecomesItsAttachmentsOnce() async throws {
        let world = try await TestWorld()
        let root = try makeFolder([
            "company/_category.md": "---\ntitle: Company\n---\n",
            "company/office.md": "---\ntitle: Office\n---\n![Plan](file:plan.png) and [the order](file:order.txt).\n",
            "company/office.files/order.txt": "Order No. 1",
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3]
        try Data(png).write(to: root.appendingPathComponent("company/office.files/plan.png"))
        let store = FileStore(root: root.appendingPathComponent("store"))
        let importer = ContentImporter(database: world.database, files: store)
        let report = try await importer.importFolder(at: root, by: world.principal)
        #expect(report.problems.isEmpty, "a .files folder is not a category")
        let office = try await world.current("office")
        #expect(office.html.contains(#/<img src="/files/\d+/plan.png" alt="Plan"/#))
        #expect(office.html.contains(#/<a href="/files/\d+/order.txt">the order</a>/#))
        _ = try await importer.importFolder(at: root, by: world.principal)
        let attachments = try await AttachmentService(database: world.database, store: store)
            .attachments(of: .article(slug: "office"), for: world.principal)
        #expect(attachments.map(\.attachment.name).sorted() == ["order.txt", "plan.png"], "importing again attaches nothing twice")
        #expect(try await world.current("office").revision == 1)
    }

    @Test func aRunWithProblemsReportsThemAllAndWritesNothing() async throws {
        let world = try await TestWorld()
        let root = try makeFolder([
            "hr/_category.md": "---\ntitle: HR\n---\n",
            "hr/empty-title.md": "---\ntitle: \"\"\n---\nText\n",
            "hr/good.md": "---\ntitle: Good\n---\nText\n",
            "Bad Folder/x.md": "---\ntitle: X\n---\n",
            "loose.md": "---\ntitle: Loose\n---\n",
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        let report = try await ContentImporter(database: world.database).importFolder(at: root, by: world.principal)
        // The empty title and the article outside any category are refused; the folder's name becomes an address.
        #expect(report.problems.count == 2)
        #expect(report.renamed == ["Bad Folder → bad-folder"])
        // All or nothing: not the good article, not even the categories.
        #expect(report.articlesCreated == 0 && report.categoriesCreated == 0)
        #expect(try await world.categories.tree(for: world.principal).isEmpty)
        #expect(try await world.database.reader.read { db in try Article.fetchCount(db) } == 0)

        // Fixed, the same folder imports whole.
        try FileManager.default.removeItem(at: root.appendingPathComponent("hr/empty-title.md"))
        try FileManager.default.removeItem(at: root.appendingPathComponent("loose.md"))
        let fixed = try await ContentImporter(database: world.database).importFolder(at: root, by: world.principal)
        #expect(fixed.problems.isEmpty && fixed.articlesCreated == 2 && fixed.categoriesCreated == 2)
    }

    @Test func parsesFrontMatter() {
        let parsed = FrontMatter.parse("---\r\ntitle: \"Say \\\"hi\\\": now\"\r\norder: 3\r\n---\r\n\r\nBody\r\n")
        #expect(parsed.fields == ["title": "Say \"hi\": now", "order": "3"])
        #expect(parsed.body == "Body\n")
        #expect(FrontMatter.parse("No front matter").body == "No front matter")
    }
}

extension ContentImporterTests {
    /// Files named as people name them import under an address made from the name, as a title
    /// makes one; the report says so, and a name that gives no address says how to name it.
    @Test func aNameThatIsNotAnAddressBecomesOne() async throws {
        let world = try await TestWorld()
        let root = try makeFolder([
            "Отдел кадров/Отпуск и больничный.md": "Как оформить.\n",
            "Отдел кадров/###.md": "Nothing to name it by.\n",
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        let refused = try await ContentImporter(database: world.database).importFolder(at: root, by: world.principal)
        #expect(refused.problems.count == 1 && refused.problems[0].hasPrefix("###.md: no address can be made from this name"))
        try FileManager.default.removeItem(at: root.appendingPathComponent("Отдел кадров/###.md"))
        let report = try await ContentImporter(database: world.database).importFolder(at: root, by: world.principal)
        #expect(report.articlesCreated == 1)
        #expect(report.renamed == ["Отдел кадров → otdel-kadrov", "Отпуск и больничный.md → otpusk-i-bolnichnyy"])
        let article = try await world.current("otpusk-i-bolnichnyy")
        #expect(article.title == "Отпуск и больничный")
        #expect(try await world.categories.tree(for: world.principal).map(\.category.title) == ["Отдел кадров"])
    }
}

extension ContentImporterTests {
    /// An import says how far it has got, page by page, out of the pages it will read.
    @Test func anImportCountsItsPagesAsItGoes() async throws {
        let world = try await TestWorld()
        let root = try makeFolder([
            "hr/_category.md": "---\ntitle: HR\n---\n",
            "hr/a.md": "A.\n", "hr/b.md": "B.\n",
            "hr/b.files/notes.md": "An attachment, not a page.\n",
            "hr/b.history/1.md": "An earlier version, not a page.\n",
            "loose.md": "Refused: outside any category.\n",
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        let seen = Mutex<[String]>([])
        let report = try await ContentImporter(database: world.database)
            .importFolder(at: root, by: world.principal) { done, total in seen.withLock { $0.append("\(done)/\(total)") } }
        #expect(seen.withLock { $0 } == ["1/3", "2/3", "3/3"])
        #expect(report.articleFilesRead == 3 && report.articlesCreated == 0 && report.problems.count == 1)
    }
}
