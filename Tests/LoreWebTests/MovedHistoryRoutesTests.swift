import Hummingbird
import HummingbirdTesting
import LoreCore
import Testing
@testable import LoreWeb

/// Through the pages: moving a confidential page asks what becomes of its history, and a
/// revision's text can be removed.
@Suite struct MovedHistoryRoutesTests {
    @Test func movingAConfidentialPageAsksAndKeepsItsHistoryFromNewReaders() async throws {
        let app = try await buildApplication(PermissionTableTests.arguments())
        try await app.test(.router) { client in
            let admin = try await Browser.signIn(client, login: "admin", password: TestApp.adminPassword)
            let ivan = try await Browser.signIn(client, login: "ivan", password: LeakTests.demoPassword)
            let ids = try await PermissionTableTests.categoryIds(admin)
            // Every employee may edit there, and none could read the page where it was.
            let regulations = try #require(ids["О компании"])
            let body = try await admin.get("/a/peresmotr-zarplat/revisions/1/raw").text
            var fields = EditingRoutesTests.articleFields(title: "Salary review procedure", slug: "peresmotr-zarplat",
                                                           category: regulations, body: body)
            let asked = try await admin.postForm("/a/peresmotr-zarplat/edit", fields)
            #expect(asked.status == .unprocessableContent)
            #expect(asked.text.contains("id=\"history-choice\"") && asked.text.contains("Employee"))
            #expect(asked.text.contains(body.prefix(40)), "the text is kept while the mover chooses")
            fields.append(("history", "keep"))
            #expect(try await admin.postForm("/a/peresmotr-zarplat/edit", fields).status == .seeOther)

            #expect(try await ivan.get("/a/peresmotr-zarplat").status == .ok, "the page itself is now in the open category")
            #expect(try await ivan.get("/a/peresmotr-zarplat/revisions/1").status == .notFound)
            #expect(try await ivan.get("/a/peresmotr-zarplat/diff?from=1&to=2").status == .notFound)
            let history = try await ivan.get("/a/peresmotr-zarplat/history").text
            #expect(history.contains("#2") && !history.contains("#1<"))
            #expect(try await admin.get("/a/peresmotr-zarplat/revisions/1").status == .ok)
            // An editor who says they started from the kept revision gets a conflict, not a diff from it as "their change".
            let stale = try await ivan.postForm("/a/peresmotr-zarplat/edit", EditingRoutesTests.articleFields(
                title: "Salary review procedure", slug: "peresmotr-zarplat", category: regulations, body: "Mine.", base: "1"))
            #expect(stale.status == .conflict)
            #expect(!stale.text.contains("class=\"their-change\""))
        }
    }

    @Test func aRemovedTextShowsANoteToReadersAndItselfToAdministrators() async throws {
        let app = try await buildApplication(PermissionTableTests.arguments())
        try await app.test(.router) { client in
            let admin = try await Browser.signIn(client, login: "admin", password: TestApp.adminPassword)
            let ivan = try await Browser.signIn(client, login: "ivan", password: LeakTests.demoPassword)
            let secret = "Wi-Fi password: zx81-spectrum"
            let first = try await admin.get("/a/bolnichnyy-list/revisions/1/raw").text
            let fields = { (body: String, base: String) in
                EditingRoutesTests.articleFields(title: "Больничный лист", slug: "bolnichnyy-list", body: body, base: base).filter { $0.0 != "category" }
            }
            _ = try await admin.postForm("/a/bolnichnyy-list/edit", fields(first + "\n\n" + secret, "1"))
            _ = try await admin.postForm("/a/bolnichnyy-list/edit", fields(first, "2"))
            #expect(try await ivan.get("/a/bolnichnyy-list/revisions/2").text.contains(secret))
            #expect(try await ivan.postForm("/a/bolnichnyy-list/revisions/2/redact", []).status == .forbidden)
            let redacted = try await admin.postForm("/a/bolnichnyy-list/revisions/2/redact", [])
            #expect(redacted.headers[.location] == "/a/bolnichnyy-list/revisions/2?notice=redacted")
            for path in ["/a/bolnichnyy-list/revisions/2", "/a/bolnichnyy-list/revisions/2/raw", "/a/bolnichnyy-list/diff?from=1&to=2", "/a/bolnichnyy-list/diff?from=2&to=3"] {
                let page = try await ivan.get(path)
                #expect(page.status == .ok && !page.text.contains("zx81") && page.text.contains("was removed by"), "\(path)")
            }
            #expect(try await ivan.get("/a/bolnichnyy-list/history").text.contains("text removed"))
            #expect(try await admin.get("/a/bolnichnyy-list/revisions/2").text.contains(secret))
            #expect(try await admin.postForm("/a/bolnichnyy-list/revisions/3/redact", []).headers[.location]?.hasSuffix("notice=redact_current") == true)
            #expect(try await admin.postForm("/a/bolnichnyy-list/revisions/2/unredact", []).status == .seeOther)
            #expect(try await ivan.get("/a/bolnichnyy-list/revisions/2").text.contains(secret))
        }
    }
}
