import Hummingbird
import HummingbirdTesting
import LoreWeb
import Testing

@Suite struct HistoryRoutesTests {
    static func save(_ client: Browser, body: String, base: String, summary: String = "", title: String = "Vacations") async throws -> TestResponse {
        try await client.postForm("/a/vacations/edit", EditingRoutesTests.articleFields(title: title, body: body, summary: summary, base: base))
    }

    @Test func historyListsRevisionsAndComparesThem() async throws {
        try await TestApp.run { admin in
            _ = try await Self.save(admin, body: "You have 30 days.\nAsk HR.", base: "1", summary: "More days")
            _ = try await Self.save(admin, body: "You have 30 days.\nAsk <HR> first.", base: "2", summary: "Ask first", title: "Leave")
            let history = try await admin.get("/a/vacations/history")
            #expect(history.status == .ok)
            for number in 1...3 { #expect(history.text.contains("id=\"revision-\(number)\"")) }
            #expect(history.text.contains("More days") && history.text.contains("renamed from “Vacations”"))
            #expect(history.text.contains("name=\"to\" value=\"3\" aria-label=\"Compare to #3\" checked"))

            let diff = try await admin.get("/a/vacations/diff?from=1&to=3")
            #expect(diff.status == .ok)
            #expect(diff.text.contains("<del>28</del>") && diff.text.contains("<ins>30</ins>"))
            #expect(diff.text.contains("&lt;HR&gt;"), "changed text is escaped")
            #expect(diff.text.contains("Title changed from “Vacations” to “Leave”."))
            let side = try await admin.get("/a/vacations/diff?from=3&to=1&view=side")
            #expect(side.text.contains("class=\"diff diff-side\""))
            #expect(side.text.contains("Revision #1,"), "reversed numbers are compared oldest first")
            let same = try await admin.get("/a/vacations/diff?from=2&to=2")
            #expect(same.text.contains("id=\"diff-identical\""))
        }
    }

    @Test func oldRevisionsAreShownRenderedAndRaw() async throws {
        try await TestApp.run { admin in
            _ = try await Self.save(admin, body: "Now **different**.", base: "1")
            let old = try await admin.get("/a/vacations/revisions/1")
            #expect(old.status == .ok)
            #expect(old.text.contains("You have 28 days."))
            #expect(old.text.contains("id=\"restore-revision\""))
            let raw = try await admin.get("/a/vacations/revisions/1/raw")
            #expect(raw.headers[.contentType] == "text/plain; charset=utf-8")
            #expect(raw.headers[.init("X-Content-Type-Options")!] == "nosniff")
            #expect(raw.text == "You have 28 days. Start with [[first-day|your first day]].\n")
            #expect(try await admin.get("/a/vacations/revisions/9").status == .notFound)
            #expect(try await admin.get("/a/vacations/revisions/abc").status == .notFound)
            #expect(try await admin.get("/a/first-day/revisions/2").status == .notFound, "a revision number belongs to its own article")
        }
    }

    @Test func restoringAnOldRevisionAddsANewOne() async throws {
        try await TestApp.run { admin in
            _ = try await Self.save(admin, body: "Broken text.", base: "1")
            let restored = try await admin.postForm("/a/vacations/revisions/1/restore", [])
            #expect(restored.status == .seeOther)
            #expect(restored.headers[.location] == "/a/vacations?notice=restored_revision")
            #expect(try await admin.get("/a/vacations").text.contains("You have 28 days."))
            #expect(try await admin.get("/a/vacations/history").text.contains("restored from #1"))
        }
    }

    @Test func concurrentEditsMergeOrShowBothSides() async throws {
        try await TestApp.run { admin in
            let base = "One.\n\nTwo.\n\nThree.\n"
            _ = try await Self.save(admin, body: base, base: "1")
            _ = try await Self.save(admin, body: base.replacingOccurrences(of: "One.", with: "One, by Anna."), base: "2")
            let merged = try await Self.save(admin, body: base.replacingOccurrences(of: "Three.", with: "Three, by Boris."), base: "2")
            #expect(merged.headers[.location] == "/a/vacations?notice=merged")
            let page = try await admin.get("/a/vacations?notice=merged")
            #expect(page.text.contains("One, by Anna.") && page.text.contains("Three, by Boris."))
            #expect(page.text.contains("were merged with theirs"))

            let clash = try await Self.save(admin, body: base.replacingOccurrences(of: "One.", with: "One, by Carl."), base: "2")
            #expect(clash.status == .conflict)
            #expect(clash.text.contains("id=\"edit-conflict\""))
            #expect(clash.text.contains("<pre class=\"clash-mine\">One, by Carl.</pre>"))
            #expect(clash.text.contains("<pre class=\"clash-theirs\">One, by Anna.</pre>"))
            #expect(clash.text.contains("&lt;&lt;&lt;&lt;&lt;&lt;&lt; your version\nOne, by Carl.\n=======\nOne, by Anna.\n&gt;&gt;&gt;&gt;&gt;&gt;&gt; revision 4"))
            #expect(clash.text.contains("Three, by Boris."), "the other change is merged in around the clash")
            #expect(clash.text.contains("name=\"baseRevision\" value=\"4\""))
            let stillMarked = try await Self.save(admin, body: "<<<<<<< your version\nx\n=======\ny\n>>>>>>> revision 4\n", base: "4")
            #expect(stillMarked.status == .unprocessableContent)
            #expect(stillMarked.text.contains("conflict markers"))
        }
    }

    @Test func recentChangesAndTheFeedFilterAndEscape() async throws {
        try await TestApp.run { admin in
            _ = try await Self.save(admin, body: "Fixed a typo.", base: "1", summary: "Typo <fix>")
            let changes = try await admin.get("/changes")
            #expect(changes.status == .ok)
            #expect(changes.text.contains("Typo &lt;fix&gt;"))
            #expect(try await admin.get("/changes?user=nobody").text.contains("No changes match."))
            let feed = try await admin.get("/changes.atom")
            #expect(feed.headers[.contentType] == "application/atom+xml; charset=utf-8")
            #expect(feed.text.hasPrefix("<?xml"))
            #expect(feed.text.contains("<summary>Typo &lt;fix&gt;</summary>"))
            #expect(feed.text.contains("/a/vacations/diff?from=1&amp;to=2"))
        }
    }

    @Test func readersSeeHistoryButNotRestoreAndHiddenHistoryIsNotOffered() async throws {
        try await LeakTests.run(as: "ivan") { ivan in
            let article = try await ivan.get("/a/rezhim-rabochego-vremeni")
            #expect(article.text.contains("id=\"article-history\""))
            let old = try await ivan.get("/a/rezhim-rabochego-vremeni/revisions/1")
            #expect(old.status == .ok)
            #expect(!old.text.contains("restore-revision"))
            #expect(try await ivan.postForm("/a/rezhim-rabochego-vremeni/revisions/1/restore", []).status == .forbidden)
            #expect(try await ivan.get("/a/peresmotr-zarplat/history").status == .notFound)
            #expect(try await ivan.get("/a/peresmotr-zarplat/revisions/1/raw").status == .notFound)
            #expect(!(try await ivan.get("/changes").text.contains("Пересмотр зарплат")))
            #expect(!(try await ivan.get("/changes.atom").text.contains("Пересмотр зарплат")))
        }
    }

    @Test func administratorsPurgeTrashedArticlesForGood() async throws {
        try await TestApp.run { admin in
            _ = try await admin.postForm("/a/vacations/delete", [])
            let trash = try await admin.get("/trash")
            let purge = try #require(trash.text.firstMatch(of: #/action="(/trash/\d+/purge)"/#)).1
            #expect(trash.text.contains("1 revision"))
            #expect(try await admin.postForm(String(purge), []).headers[.location] == "/trash?notice=purged")
            #expect(try await admin.get("/trash").text.contains("Vacations") == false)
            #expect(try await admin.get("/admin/audit?action=article.purged").text.contains("Vacations"))
        }
    }
}
