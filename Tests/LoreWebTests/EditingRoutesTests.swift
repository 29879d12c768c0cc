import Hummingbird
import HummingbirdTesting
import Testing

@Suite struct EditingRoutesTests {
    static func articleFields(title: String = "Vacations", slug: String = "vacations", category: String = "1",
                              body: String, summary: String = "", base: String = "1") -> [(String, String)] {
        [("title", title), ("slug", slug), ("category", category), ("body", body), ("summary", summary), ("baseRevision", base)]
    }

    @Test func editFormShowsTheCurrentText() async throws {
        try await TestApp.run { client in
            let response = try await client.get("/a/vacations/edit")
            #expect(response.status == .ok)
            #expect(response.text.contains("You have 28 days."))
            #expect(response.text.contains("name=\"baseRevision\" value=\"1\""))
        }
    }

    @Test func savingShowsTheNewText() async throws {
        try await TestApp.run { client in
            let save = try await client.postForm("/a/vacations/edit", Self.articleFields(body: "You have **30** days."))
            #expect(save.status == .seeOther)
            #expect(save.headers[.location] == "/a/vacations?notice=saved")
            let page = try await client.get("/a/vacations?notice=saved")
            #expect(page.text.contains("<strong>30</strong>"))
            #expect(page.text.contains("<p class=\"notice\" role=\"status\">Saved.</p>"))
        }
    }

    @Test func emptyTitleKeepsWhatWasTyped() async throws {
        try await TestApp.run { client in
            let response = try await client.postForm("/a/vacations/edit", Self.articleFields(title: "  ", body: "My careful <edit> text"))
            #expect(response.status == .unprocessableContent)
            #expect(response.text.contains("This field is required."))
            #expect(response.text.contains("My careful &lt;edit&gt; text</textarea>"))
            #expect(try await client.get("/a/vacations").text.contains("You have 28 days."))
        }
    }

    @Test func oversizedBodyIsRefusedWithTheTextKept() async throws {
        try await TestApp.run { client in
            let body = String(repeating: "a", count: (256 << 10) + 1)
            let response = try await client.postForm("/a/vacations/edit", Self.articleFields(body: body))
            #expect(response.status == .unprocessableContent)
            #expect(response.text.contains("This is too long: the limit is 256 KiB."))
            #expect(response.text.contains(body))
        }
    }

    @Test func invalidUTF8IsRefused() async throws {
        try await TestApp.run { client in
            var buffer = TestApp.formBody(Self.articleFields(body: "ok"))
            buffer.writeString("&summary=bad%FF%FEbytes")
            let response = try await client.postRaw("/a/vacations/edit", buffer)
            // The first summary field wins; send invalid bytes in the title instead.
            #expect(response.status == .seeOther)
            let bad = try await client.postRaw(
                "/a/vacations/edit", ByteBuffer(string: "title=Bad%FF%FE&slug=vacations&category=1&body=x&baseRevision=2"))
            #expect(bad.status == .unprocessableContent)
            #expect(bad.text.contains("invalid UTF-8"))
        }
    }

    @Test func aTakenAddressGivesAFreeOneAndSaysSo() async throws {
        try await TestApp.run { client in
            // Refusing would tell someone who may not read the page holding it that it exists.
            let response = try await client.postForm("/a/vacations/edit", Self.articleFields(slug: "first-day", body: "x"))
            #expect(response.headers[.location] == "/a/first-day-2?notice=address_taken")
            #expect(try await client.get("/a/first-day-2?notice=address_taken").text.contains("The address you chose is taken"))
        }
    }

    @Test func anOldAddressStaysWithItsPage() async throws {
        try await TestApp.run { client in
            _ = try await client.postForm("/a/vacations/edit", Self.articleFields(title: "Annual leave", slug: "annual-leave", body: "x"))
            // Another page asking for the old address gets a free one; the old address still leads to its page.
            let other = try await client.postForm("/a/first-day/edit", Self.articleFields(slug: "vacations", body: "y"))
            #expect(other.headers[.location] == "/a/vacations-2?notice=address_taken")
            #expect(try await client.get("/a/vacations").headers[.location] == "/a/annual-leave")
        }
    }

    @Test func renamingRedirectsTheOldAddress() async throws {
        try await TestApp.run { client in
            let save = try await client.postForm("/a/vacations/edit", Self.articleFields(title: "Annual leave", slug: "annual-leave", body: "x"))
            #expect(save.headers[.location] == "/a/annual-leave?notice=saved")
            let old = try await client.get("/a/vacations")
            #expect(old.status == .movedPermanently)
            #expect(old.headers[.location] == "/a/annual-leave")
        }
    }

    @Test func staleEditShowsAConflictAndKeepsBothTexts() async throws {
        try await TestApp.run { client in
            _ = try await client.postForm("/a/vacations/edit", Self.articleFields(body: "Anna's version"))
            let late = try await client.postForm("/a/vacations/edit", Self.articleFields(body: "Boris's version", base: "1"))
            #expect(late.status == .conflict)
            #expect(late.text.contains("Boris&#39;s version</textarea>"))
            #expect(late.text.contains("name=\"baseRevision\" value=\"2\""))
            #expect(try await client.get("/a/vacations").text.contains("Anna"))
        }
    }

    @Test func createFromAMissingLinkAndMoveToTrashAndBack() async throws {
        try await TestApp.run { client in
            let form = try await client.get("/new?title=Parking%20rules&category=3")
            #expect(form.text.contains("value=\"Parking rules\""))
            #expect(form.text.contains("<option value=\"3\" selected>Правила") == false)
            let created = try await client.postForm("/new", [("title", "Parking rules"), ("category", "3"), ("body", "Level -1."), ("slug", "")])
            #expect(created.status == .seeOther)
            #expect(created.headers[.location] == "/a/parking-rules?notice=saved")
            // The page that linked to it now links to it for real.
            #expect(try await client.get("/a/first-day").text.contains("<a class=\"wikilink\" href=\"/a/parking-rules\" data-target=\"Parking rules\">"))

            let trashed = try await client.postForm("/a/parking-rules/delete", [])
            #expect(trashed.headers[.location] == "/c/regulations?notice=trashed&undo=4")
            #expect(try await client.get("/a/parking-rules").status == .notFound)
            let trash = try await client.get("/trash")
            #expect(trash.text.contains("Parking rules"))
            let restored = try await client.postForm("/trash/4/restore", [])
            #expect(restored.headers[.location] == "/a/parking-rules?notice=restored")
            #expect(try await client.get("/a/parking-rules").status == .ok)
        }
    }

    @Test func newArticleWithoutTitleKeepsTheText() async throws {
        try await TestApp.run { client in
            let response = try await client.postForm("/new", [("title", ""), ("category", "1"), ("body", "Draft text"), ("slug", "")])
            #expect(response.status == .unprocessableContent)
            #expect(response.text.contains("Draft text</textarea>"))
        }
    }

    @Test func previewRendersSafely() async throws {
        try await TestApp.run { client in
            let response = try await client.postForm("/preview", [("body", "**bold** [[Vacations]] <script>alert(1)</script>")])
            #expect(response.status == .ok)
            #expect(response.text.contains("<strong>bold</strong>"))
            #expect(response.text.contains("href=\"/a/vacations\""))
            #expect(!response.text.contains("<script>"))
        }
    }

    @Test func categoriesAreCreatedRenamedReorderedAndProtectedFromLoops() async throws {
        try await TestApp.run { client in
            let created = try await client.postForm("/categories/new", [("title", "Sales"), ("slug", ""), ("parent", ""), ("description", "Scripts")])
            #expect(created.headers[.location] == "/c/sales?notice=category_saved")
            let duplicate = try await client.postForm("/categories/new", [("title", "Sales"), ("slug", ""), ("parent", ""), ("description", "")])
            #expect(duplicate.status == .unprocessableContent)
            #expect(duplicate.text.contains("value=\"Sales\""))

            let loop = try await client.postForm("/categories/1/edit", [("title", "HR"), ("slug", "hr"), ("parent", "2"), ("description", "")])
            #expect(loop.status == .unprocessableContent)
            #expect(loop.text.contains("cannot be moved inside itself"))

            let renamed = try await client.postForm("/categories/1/edit", [("title", "People"), ("slug", "people"), ("parent", ""), ("description", "")])
            #expect(renamed.headers[.location] == "/c/people?notice=category_saved")
            #expect(try await client.get("/c/people/onboarding").status == .ok)

            let reorder = try await client.postForm("/categories/4/reorder", [("direction", "up")])
            #expect(reorder.headers[.location] == "/")
            let home = try await client.get("/").text
            let sales = try #require(home.range(of: "/c/sales\">Sales"))
            let regulations = try #require(home.range(of: "/c/regulations\">Regulations"))
            #expect(sales.lowerBound < regulations.lowerBound)
        }
    }

    @Test func onlyEmptyCategoriesAreDeleted() async throws {
        try await TestApp.run { client in
            let refused = try await client.postForm("/categories/1/delete", [])
            #expect(refused.headers[.location] == "/categories/1/edit?notice=category_not_empty")
            _ = try await client.postForm("/categories/new", [("title", "Empty"), ("slug", ""), ("parent", "1"), ("description", "")])
            let deleted = try await client.postForm("/categories/4/delete", [])
            #expect(deleted.headers[.location] == "/c/hr?notice=category_deleted")
            #expect(try await client.get("/c/hr/empty").status == .notFound)
        }
    }
}
