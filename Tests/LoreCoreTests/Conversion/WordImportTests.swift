import Foundation
import Testing
@testable import LoreCore

/// "Import from Word": pandoc's reading of a document, made to fit GitHub Markdown.
@Suite struct WordImportTests {
    /// A .docx made by pandoc itself from `markdown`, with a small picture beside it.
    static func document(_ markdown: String, format: WordImport.Format = .docx) async throws -> [UInt8] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lore-word-source-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try png.write(to: folder.appendingPathComponent("plan.png"))
        try Data(markdown.utf8).write(to: folder.appendingPathComponent("source.md"))
        try await Pandoc.run(["--from=markdown", "--output=document.\(format.rawValue)", "source.md"], in: folder)
        return Array(try Data(contentsOf: folder.appendingPathComponent("document.\(format.rawValue)")))
    }

    /// A 1×1 PNG.
    static let png = Data(base64Encoded: "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==")!

    static let regulation = """
        # Положение о пропускном режиме

        Действует с **1 марта**.

        | Должность | Часы |
        |---|---|
        | Менеджер | 9–18 |
        | Охрана | круглосуточно |

        +----------+---------------+
        | Кто      | Что           |
        +==========+===============+
        | Охрана   | - обход       |
        |          | - журнал      |
        +----------+---------------+

        ![План этажа](plan.png){width=300}
        """

    @Test func tablesStayTablesAndPicturesKeepTheirWidth() async throws {
        try #require(Pandoc.executable != nil, "make deps installs pandoc")
        let bytes = try await Self.document(Self.regulation)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lore-word-read-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let converted = try WordImport.convertWaiting(bytes, format: .docx, in: folder)
        #expect(converted.markdown.contains("| Менеджер  | 9–18          |"))
        #expect(converted.markdown.contains("обход; журнал"), "a list in a cell keeps its items on the cell's line")
        #expect(!converted.markdown.contains("[TABLE]") && !converted.markdown.contains("<img"))
        let picture = try #require(converted.pictures.first)
        #expect(converted.markdown.contains("![План этажа](\(picture)){width=300}"))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(picture).path))
    }

    @Test func aDocumentThatUnpacksToAHugeOneIsRefusedQuickly() throws {
        try #require(Pandoc.executable != nil, "make deps installs pandoc")
        let bomb = try Data(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Fixtures/Word/unpacks-to-55-mb.docx"))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lore-word-bomb-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let started = Date()
        #expect(throws: Pandoc.Failed.self) { try WordImport.convertWaiting(Array(bomb), format: .docx, in: folder) }
        #expect(Date().timeIntervalSince(started) < Pandoc.timeLimit, "the memory limit stops it, not the clock")
    }

    @Test func aLeadingHeadingNamesThePage() {
        #expect(WordImport.leadingHeading("\n# Отпуск\n\nТекст") == ("Отпуск", "Текст"))
        #expect(WordImport.leadingHeading("## Раздел\n\nТекст") == (nil, "## Раздел\n\nТекст"))
        #expect(WordImport.format(ofFileNamed: "Регламент.DOCX") == .docx)
        #expect(WordImport.format(ofFileNamed: "old.doc") == nil)
    }
}
