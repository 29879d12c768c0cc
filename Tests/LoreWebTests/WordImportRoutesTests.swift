import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LoreWeb
import Testing

/// "Import from Word": a regulation kept in Word becomes a page with its table and picture.
@Suite struct WordImportRoutesTests {
    static func fixture(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: TestApp.repositoryRoot.appendingPathComponent("Tests/Fixtures/Word/\(name)")))
    }

    static func post(_ browser: Browser, action: String, file: [UInt8], name: String, category: String = "1") async throws -> TestResponse {
        let boundary = "lore-word-boundary"
        var body = ByteBuffer(string: "--\(boundary)\r\nContent-Disposition: form-data; name=\"category\"\r\n\r\n\(category)\r\n"
            + "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(name)\"\r\n"
            + "Content-Type: application/octet-stream\r\n\r\n")
        body.writeBytes(file)
        body.writeString("\r\n--\(boundary)--\r\n")
        var browser = browser
        return try await browser.execute(action, method: .post, headers: [.contentType: "multipart/form-data; boundary=\(boundary)"], body: body)
    }

    static func action(_ browser: Browser) async throws -> String {
        let form = try await browser.get("/new?category=1").text
        return String(try #require(form.firstMatch(of: #/action="(/new/import\?_csrf=[^"]+)"/#)).1)
    }

    @Test func aWordRegulationBecomesAPageWithItsTableAndPicture() async throws {
        try await TestApp.run { admin in
            let action = try await Self.action(admin)
            for name in ["propusknoy-rezhim.docx", "propusknoy-rezhim.odt"] {
                let imported = try await Self.post(admin, action: action, file: try Self.fixture(name), name: name)
                #expect(imported.status == .ok)
                let html = imported.text
                #expect(html.contains("value=\"Положение о пропускном режиме\""), "the first heading names the page")
                #expect(html.contains("| Главный вход | круглосуточно | 101") && html.contains("1.  Приложите пропуск"))
                #expect(html.contains("id=\"word-imported\"") && html.contains(name))
                let key = try #require(html.firstMatch(of: #/name="files" value="([A-Za-z0-9_-]{43})"/#)).1
                let picture = try #require(html.firstMatch(of: #/\]\((file:[^)]+)\)\{width=240\}/#)).1
                let body = try #require(html.firstMatch(of: #/<textarea id="body"[^>]*>\n([^<]*)</textarea>/#)).1
                #expect(html.contains("<table>") && html.contains("<img src=\"/files/"), "the preview shows the table and the picture")
                let slug = name.hasSuffix(".odt") ? "propusk-odt" : "propusk-docx"
                let saved = try await admin.postForm("/new", [
                    ("title", "Пропускной режим"), ("category", "1"), ("slug", slug), ("files", String(key)),
                    ("body", String(body).replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")),
                ])
                #expect(saved.status == .seeOther, "\(picture)")
                let page = try await admin.get("/a/\(slug)").text
                #expect(page.contains("<td>Главный вход</td>") && page.contains("width=\"240\""))
                let src = try #require(page.firstMatch(of: #/<img src="(/files/\d+/[^"]+)"/#)).1
                #expect(try await admin.get(String(src)).headers[.contentType] == "image/png")
            }
        }
    }

    @Test func aFileThatIsNotADocumentGetsAClearMessageAndChangesNothing() async throws {
        try await TestApp.run { admin in
            let action = try await Self.action(admin)
            let before = try await admin.get("/changes").text
            let old = try await Self.post(admin, action: action, file: Array("{\\rtf1 old Word}".utf8), name: "regulation.doc")
            #expect(old.status == .unprocessableContent && old.text.contains("id=\"word-import-problem\"") && old.text.contains(".docx"))
            var broken = try Self.fixture("propusknoy-rezhim.docx")
            broken.removeLast(broken.count / 2)
            let cut = try await Self.post(admin, action: action, file: broken, name: "cut.docx")
            #expect(cut.status == .unprocessableContent && cut.text.contains("id=\"word-import-problem\""))
            let none = try await Self.post(admin, action: action, file: [], name: "")
            #expect(none.status == .unprocessableContent)
            var browser = admin
            let forged = try await browser.execute("/new/import", method: .post,
                                                  headers: [.contentType: "multipart/form-data; boundary=x"], body: ByteBuffer(string: "--x--\r\n"))
            #expect(forged.status == .forbidden, "an import without the CSRF token does nothing")
            #expect(try await admin.get("/changes").text == before)
        }
    }
}
