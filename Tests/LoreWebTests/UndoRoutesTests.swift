import Foundation
import Hummingbird
import HummingbirdTesting
import LoreWeb
import Testing

/// Moving a page or a card to the trash asks first, and the notice after it offers to undo.
@Suite struct UndoRoutesTests {
    @Test func aTrashedPageComesBackFromTheNotice() async throws {
        try await TestApp.run { admin in
            let page = try await admin.get("/a/vacations").text
            #expect(page.contains(#"id="delete-article" data-confirm="#))
            let trashed = try await admin.postForm("/a/vacations/delete", [])
            let location = try #require(trashed.headers[.location])
            #expect(trashed.status == .seeOther && location.contains("notice=trashed&undo="))
            let notice = try await admin.get(location).text
            let undo = try #require(notice.firstMatch(of: /<form method="post" action="(\/trash\/\d+\/restore)" class="inline" id="undo-form">/)?.1)
            #expect(try await admin.get("/a/vacations").status == .notFound)
            #expect(try await admin.postForm(String(undo), []).status == .seeOther)
            #expect(try await admin.get("/a/vacations").status == .ok)
            // Only a number or an address makes an undo; anything else, nothing.
            #expect(!(try await admin.get("/?notice=trashed&undo=%22%3E%3Cscript%3E").text.contains("undo-form")))
            #expect(!(try await admin.get("/?notice=saved&undo=12").text.contains("undo-form")))
        }
    }

    @Test func aTrashedCardComesBackFromTheNotice() async throws {
        try await DraftFileRoutesTests.sample().test(.router) { client in
            let admin = try await Browser.signIn(client, login: "admin", password: TestApp.adminPassword)
            let trashed = try await admin.postForm("/clients/polka-market/delete", [])
            #expect(trashed.headers[.location] == "/clients?notice=client_trashed&undo=polka-market")
            #expect(try await admin.get("/clients?notice=client_trashed&undo=polka-market").text
                .contains(#"action="/clients/polka-market/restore" class="inline" id="undo-form""#))
            #expect(try await admin.postForm("/clients/polka-market/restore", []).status == .seeOther)
            #expect(try await admin.get("/clients/polka-market").status == .ok)
        }
    }
}

/// A page not found offers a search for what the address names, and to those who write, a new page.
@Suite struct NotFoundPageTests {
    @Test func aMissingPageOffersSearchAndCreation() async throws {
        try await TestApp.run { admin in
            let missing = try await admin.get("/a/holiday-calendar-2031")
            #expect(missing.status == .notFound)
            #expect(missing.text.contains(#"id="not-found-search""#) && missing.text.contains(#"value="holiday calendar 2031""#))
            #expect(missing.text.contains(#"href="/new?title=Holiday%20calendar%202031""#))
            let other = try await admin.get("/c/no-such-category")
            #expect(other.status == .notFound && !other.text.contains("create-missing"), "only an article's address offers a new article")
        }
    }

    @Test func aMissingLinksNewPageStartsInTheLinkingPagesCategory() async throws {
        try await TestApp.run { admin in
            let api = try await ApiCaller.make(admin)
            let category = try #require(try await api.get("/api/v1/articles/first-day").json["categoryId"] as? Int)
            let form = try await admin.get("/new?title=Parking%20rules", headers: [.referer: "http://localhost/a/first-day"]).text
            #expect(form.contains("<option value=\"\(category)\" selected"))
            let plain = try await admin.get("/new?title=Parking%20rules").text
            #expect(!plain.contains("<option value=\"\(category)\" selected"), "without a linking page, no category is chosen for the writer")
        }
    }
}

/// A new category's rights are chosen in its form, before it exists.
@Suite struct NewCategoryRightsTests {
    @Test func theFormSetsWhoMayReadAndEdit() async throws {
        try await DraftFileRoutesTests.sample().test(.router) { client in
            let admin = try await Browser.signIn(client, login: "admin", password: TestApp.adminPassword)
            let form = try await admin.get("/categories/new").text
            let sales = try #require(form.firstMatch(of: /<label for="grant-(\d+)">Sales<\/label>/)?.1)
            let employee = try #require(form.firstMatch(of: /<label for="grant-(\d+)">Employee<\/label>/)?.1)
            #expect(form.contains(#"id="new-category-grants""#))
            let made = try await admin.postForm("/categories/new", [("title", "Tenders"), ("slug", ""), ("parent", ""), ("description", ""),
                                                                   ("grant-\(employee)", "none"), ("grant-\(sales)", "edit")])
            #expect(made.status == .seeOther)
            let ivan = try await Browser.signIn(client, login: "ivan", password: LeakTests.demoPassword)
            #expect(try await ivan.get("/c/tenders").status == .notFound)
            let sergey = try await Browser.signIn(client, login: "sergey", password: LeakTests.demoPassword)
            #expect(try await sergey.get("/c/tenders").text.contains("/new?category="), "Sales may write there")
            #expect(!(try await admin.get("/categories/\(try #require(try await admin.get("/c/tenders").text.firstMatch(of: /\/categories\/(\d+)\/edit/)?.1))/edit").text
                .contains("new-category-grants")), "a category's rights are changed on their own page")
        }
    }
}
