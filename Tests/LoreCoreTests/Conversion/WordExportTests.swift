import Foundation
import Testing
@testable import LoreCore

/// "Download as Word": what the reader sees, with the page's own images and nothing else.
@Suite struct WordExportTests {
    @Test func onlyThePagesOwnImagesReachPandoc() {
        let html = #"<p><img src="/files/3/plan.png" alt="Plan" /> <img src="/etc/passwd" alt="x" /> <img src="http://10.0.0.1/a.png" alt="y" /> <img src="/files/9/other.png" alt="z" /></p>"#
        let local = WordExport.withLocalImages(html, ["/files/3/plan.png": "image-0.png"])
        #expect(local == #"<p><img src="image-0.png" alt="Plan" />   </p>"#)
    }

    @Test func aPageBecomesAWordDocumentWithItsTableAndImage() async throws {
        try #require(Pandoc.executable != nil, "make deps installs pandoc")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lore-word-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // A 1×1 PNG.
        let png = Data(base64Encoded: "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==")!
        let image = folder.appendingPathComponent("stored-plan")
        try png.write(to: image)
        let rendered = try MarkdownRenderer().render("| Смена | Часы |\n| --- | --- |\n| Утро | 08:00–16:00 |\n\n![План](file:plan.png)\n\n- [ ] Пропуск\n",
                                                     resolver: StaticWikiLinkResolver(slugsByKey: [:], files: ["plan.png": "/files/3/plan.png"]))
        let document = try await WordExport.document(title: "Регламент смен", html: rendered.html, images: ["/files/3/plan.png": image])
        #expect(document.prefix(2) == Data("PK".utf8), "a .docx is a zip")
        try document.write(to: folder.appendingPathComponent("back.docx"))
        try await Pandoc.run(["--from=docx", "--to=gfm", "--extract-media=media", "--output=back.md", "back.docx"], in: folder)
        let back = try String(contentsOf: folder.appendingPathComponent("back.md"), encoding: .utf8)
        #expect(back.contains("Регламент смен") && back.contains("08:00–16:00") && back.contains("Пропуск"))
        let media = try FileManager.default.subpathsOfDirectory(atPath: folder.appendingPathComponent("media").path)
        #expect(media.contains { $0.hasSuffix(".png") }, "the image travels inside the document")
    }
}
