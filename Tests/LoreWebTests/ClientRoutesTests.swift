import Foundation
import Hummingbird
import HummingbirdTesting
import LoreWeb
import Testing

/// The client registry over HTTP: forms that keep what was typed, edits that never overwrite
/// each other, the import and export round trip, reminders on the home page, and escaping.
@Suite struct ClientRoutesTests {
    static func cardFields(_ name: String, version: String = "0", extra: [(String, String)] = []) -> [(String, String)] {
        [("name", name), ("kind", "company"), ("status", "lead"), ("version", version)] + extra
    }

    static func create(_ admin: Browser, _ name: String, extra: [(String, String)] = []) async throws -> String {
        let response = try await admin.postForm("/clients/new", cardFields(name, extra: extra))
        #expect(response.status == .seeOther)
        return try #require(response.headers[.location]).components(separatedBy: "?")[0]
    }

    @Test func aFormWithProblemsComesBackWithEverythingTyped() async throws {
        try await TestApp.run { admin in
            let response = try await admin.postForm("/clients/new", Self.cardFields("ООО «Ромашка»", extra: [
                ("inn", "1234567890"), ("emails", "info@romashka.ru, нет-почты"), ("website", "javascript:alert(1)"),
            ]))
            #expect(response.status == .unprocessableContent)
            #expect(response.text.contains("value=\"ООО «Ромашка»\"") && response.text.contains("value=\"1234567890\""))
            for field in ["inn", "emails", "website"] { #expect(response.text.contains("id=\"\(field)-error\"")) }
            #expect(try await admin.get("/clients").text.contains("Ромашка") == false, "nothing was saved")
        }
    }

    @Test func anEditMadeOnAnOutdatedCardIsRefusedAndKeepsWhatWasTyped() async throws {
        try await TestApp.run { admin in
            let path = try await Self.create(admin, "Лютик")
            let first = try await admin.postForm(path + "/edit", Self.cardFields("Лютик и партнёры", version: "1"))
            #expect(first.status == .seeOther)
            let second = try await admin.postForm(path + "/edit", Self.cardFields("Лютик-2", version: "1"))
            #expect(second.status == .conflict)
            #expect(second.text.contains("id=\"client-conflict\"") && second.text.contains("value=\"Лютик-2\""))
            #expect(second.text.contains("name=\"version\" value=\"2\""), "saving again is against the new version")
            #expect(try await admin.get(path).text.contains("Лютик и партнёры"))
        }
    }

    @Test func whatPeopleTypeIsShownAsTextNeverAsMarkup() async throws {
        try await TestApp.run { admin in
            let path = try await Self.create(admin, "<img src=x onerror=alert(1)>", extra: [
                ("notes", "Hi <script>alert(2)</script> [link](javascript:alert(3))"), ("website", "example.com"),
            ])
            for page in [try await admin.get(path), try await admin.get("/clients")] {
                #expect(!page.text.contains("<img src=x") && !page.text.contains("<script>alert") && !page.text.contains("href=\"javascript:"))
                #expect(page.text.contains("&lt;img src=x onerror=alert(1)&gt;"))
            }
            #expect(try await admin.get(path).text.contains("href=\"https://example.com\""))
        }
    }

    @Test func aLoggedNextStepIsOnTheHomePageUntilItIsDone() async throws {
        try await TestApp.run { admin in
            let path = try await Self.create(admin, "Василёк", extra: [("manager", "1")])
            let today = ISO8601DateFormatter.string(from: Date(), timeZone: .current, formatOptions: [.withFullDate])
            let logged = try await admin.postForm(path + "/interactions/new", [
                ("kind", "call"), ("summary", "Обсудили пилот"), ("nextStep", "Отправить КП"), ("nextStepDue", today),
            ])
            #expect(logged.status == .seeOther)
            let home = try await admin.get("/")
            #expect(home.text.contains("id=\"reminder-steps\"") && home.text.contains("Отправить КП"))
            let done = try #require(home.text.firstMatch(of: #/action="(/clients/[^"]+/interactions/\d+/done)"/#)).1
            #expect(try await admin.postForm(String(done), [("from", "home")]).status == .seeOther)
            #expect(!(try await admin.get("/").text.contains("Отправить КП")))
        }
    }

    @Test func aSpreadsheetUploadsChecksAndImports() async throws {
        try await TestApp.run { admin in
            let page = try await admin.get("/clients/import")
            let action = try #require(page.text.firstMatch(of: #/action="(/clients/import\?_csrf=[^"]+)"/#)).1
            var csv: [UInt8] = Array("Name;INN\r\n".utf8)
            csv += [0xD0, 0xEE, 0xEC, 0xE0, 0xF8, 0xEA, 0xE0] + Array(";7707083893\r\n".utf8)  // "Ромашка" in Windows-1251
            let boundary = "lore-test-boundary"
            var body = ByteBuffer(string: "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"clients.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n")
            body.writeBytes(csv)
            body.writeString("\r\n--\(boundary)--\r\n")
            let headers: HTTPFields = [.contentType: "multipart/form-data; boundary=\(boundary)"]
            var browser = admin
            let withoutToken = try await browser.execute("/clients/import", method: .post, headers: headers, body: body)
            #expect(withoutToken.status == .forbidden, "an upload without the CSRF token changes nothing")
            let preview = try await browser.execute(String(action), method: .post, headers: headers, body: body)
            #expect(preview.status == .ok)
            #expect(preview.text.contains("windows-1251") && preview.text.contains("Ромашка"))
            let data = try #require(preview.text.firstMatch(of: #/name="data" value="([^"]*)"/#)).1
            let imported = try await admin.postForm("/clients/import/check", [
                ("data", String(data)), ("columns", "2"), ("map-0", "name"), ("map-1", "inn"), ("action", "import"),
            ])
            #expect(imported.status == .seeOther)
            #expect(try await admin.get("/clients").text.contains("Ромашка"))
            // A made-up column count maps no column (a negative one once trapped on 0..<-1).
            for columns in ["-1", "99999999999999999999", "x"] {
                let tampered = try await admin.postForm("/clients/import/check", [("data", String(data)), ("columns", columns)])
                #expect(tampered.status == .ok || tampered.status == .unprocessableContent, "columns=\(columns)")
            }
        }
    }

    @Test func anExportIsASpreadsheetForExcelAndIsAudited() async throws {
        try await TestApp.run { admin in
            _ = try await Self.create(admin, "Ромашка", extra: [("phones", "+7 495 123-45-67")])
            #expect(try await admin.get("/clients/export.csv?status=lead").status == .notFound, "an export is a POST")
            let export = try await admin.postForm("/clients/export.csv?status=lead", [], headers: [.acceptLanguage: "ru-RU,ru;q=0.9"])
            #expect(export.status == .ok)
            #expect(export.headers[.contentDisposition]?.hasPrefix("attachment;") == true)
            #expect(Array(export.body.readableBytesView.prefix(3)) == [0xEF, 0xBB, 0xBF])
            #expect(export.text.contains("Name;Kind;Status") && export.text.contains("Ромашка;company;lead"), "semicolons for a Russian Excel")
            let audit = try await admin.get("/admin/audit")
            #expect(audit.text.contains("clients.exported") && audit.text.contains("status=lead; 1 rows"))
        }
    }
}
