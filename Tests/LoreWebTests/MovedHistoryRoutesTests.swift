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
            let regulations = try #require(ids["About the company"])
            let body = try await admin.get("/a/salary-review-procedure/revisions/1/raw").text
            var fields = EditingRoutesTests.articleFields(title: "Salary review procedure", slug: "salary-review-procedure",
                                                           category: regulations, body: body)
            let asked = try await admin.postForm("/a/salary-review-procedure/edit", fields)
            #expect(asked.status == .unprocessableContent)
            #expect(asked.text.contains("id=\"history-choice\"") && asked.text.contains("Employee"))
            #expect(asked.text.contains(body.prefix(40)), "the text is kept while the mover chooses")
            fields.append(("history", "keep"))
            #expect(try await admin.postForm("/a/salary-review-procedure/edit", fields).status == .seeOther)

            #expect(try await ivan.get("/a/salary-review-procedure").status == .ok, "the page itself is now in the open category")
            #expect(try await ivan.get("/a/salary-review-procedure/revisions/1").status == .notFound)
            #expect(try await ivan.get("/a/salary-review-procedure/diff?from=1&to=2").status == .notFound)
            let history = try await ivan.get("/a/salary-review-procedure/history").text
            #expect(history.contains("#2") && !history.contains("#1<"))
            #expect(try await admin.get("/a/salary-review-procedure/revisions/1").status == .ok)
            // An editor who says they started from the kept revision gets a conflict, not a diff from it as "their change".
            let stale = try await ivan.postForm("/a/salary-review-procedure/edit", EditingRoutesTests.articleFields(
                title: "Salary review procedure", slug: "salary-review-procedure", category: regulations, body: "Mine.", base: "1"))
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
            let first = try await admin.get("/a/vacations/revisions/1/raw").text
            _ = try await admin.postForm("/a/vacations/edit", EditingRoutesTests.articleFields(body: first + "\n\n" + secret))
            _ = try await admin.postForm("/a/vacations/edit", EditingRoutesTests.articleFields(body: first, base: "2"))
            #expect(try await ivan.get("/a/vacations/revisions/2").text.contains(secret))
            #expect(try await ivan.postForm("/a/vacations/revisions/2/redact", []).status == .forbidden)
            let redacted = try await admin.postForm("/a/vacations/revisions/2/redact", [])
            #expect(redacted.headers[.location] == "/a/vacations/revisions/2?notice=redacted")
            for path in ["/a/vacations/revisions/2", "/a/vacations/revisions/2/raw", "/a/vacations/diff?from=1&to=2", "/a/vacations/diff?from=2&to=3"] {
                let page = try await ivan.get(path)
                #expect(page.status == .ok && !page.text.contains("zx81") && page.text.contains("was removed by"), "\(path)")
            }
            #expect(try await ivan.get("/a/vacations/history").text.contains("text removed"))
            #expect(try await admin.get("/a/vacations/revisions/2").text.contains(secret))
            #expect(try await admin.postForm("/a/vacations/revisions/3/redact", []).headers[.location]?.hasSuffix("notice=redact_current") == true)
            #expect(try await admin.postForm("/a/vacations/revisions/2/unredact", []).status == .seeOther)
            #expect(try await ivan.get("/a/vacations/revisions/2").text.contains(secret))
        }
    }
}
