import Foundation
import Testing
@testable import LoreCore

@Suite struct SampleHistoryTests {
    @Test func earlierVersionsComeBeforeTheImportedTextWithTheirAuthorsAndDates() async throws {
        let world = try await TestWorld()
        let root = try ContentImporterTests().makeFolder([
            "hr/_category.md": "---\ntitle: HR\n---\n",
            "hr/otpusk.md": "---\ntitle: Отпуск\n---\nТретий текст.\n",
            "hr/otpusk.history/1.md": "Первый текст.\n",
            "hr/otpusk.history/2.md": "Второй текст.\n",
            "hr/otpusk.history/versions.json": """
                [{"file": "1.md", "author": "marina", "daysAgo": 100, "summary": "Первая версия", "title": "Отпуска"},
                 {"file": "2.md", "author": "ivan", "daysAgo": 40, "summary": "Уточнил сроки"},
                 {"author": "marina", "daysAgo": 5, "summary": "Новый порядок"}]
                """,
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        let report = try await ContentImporter(database: world.database).importFolder(at: root, by: world.principal)
        #expect(report.problems.isEmpty, "the history folder is not taken for a category")
        let marina = try await world.user("marina"), ivan = try await world.user("ivan")

        #expect(try await SampleHistory(database: world.database).apply(content: root) == 1)

        let article = try await world.current("otpusk")
        let revisions = try await world.revisions(of: article)
        #expect(article.revision == 3)
        #expect(revisions.map(\.number) == [1, 2, 3])
        #expect(revisions.map(\.body) == ["Первый текст.\n", "Второй текст.\n", "Третий текст.\n"])
        #expect(revisions.map(\.title) == ["Отпуска", "Отпуск", "Отпуск"])
        #expect(revisions.map(\.authorId) == [marina.userId, ivan.userId, marina.userId])
        #expect(revisions.map(\.summary) == ["Первая версия", "Уточнил сроки", "Новый порядок"])
        #expect(revisions[0].createdAt < revisions[1].createdAt && revisions[1].createdAt < revisions[2].createdAt)
        #expect(article.updatedAt == revisions[2].createdAt && article.createdAt == revisions[0].createdAt)
        #expect(article.updatedById == marina.userId)
    }
}
