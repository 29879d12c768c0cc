import Hummingbird
import HummingbirdTesting
import Testing

@Suite struct UserAdminRoutesTests {
    @Test func invitedUserSetsAPasswordOnceAndSignsIn() async throws {
        try await TestApp.run { admin in
            let invited = try await admin.postForm("/admin/users/new", [
                ("username", "Nadia"), ("displayName", "Nadia Orlova"), ("email", "nadia@larchwood.example"),
            ])
            #expect(invited.status == .ok)
            let link = try #require(invited.text.firstMatch(of: #/<code>http://[^/<]+(/set-password/[A-Za-z0-9_-]+)</code>/#)).1
            var nadia = Browser(client: admin.client)
            #expect(try await nadia.execute(String(link), method: .get, headers: [:], body: nil).status == .ok)
            let token = Browser.hiddenCSRF(in: try await nadia.execute(String(link), method: .get, headers: [:], body: nil).text) ?? ""
            let weak = try await nadia.execute(String(link), method: .post, headers: TestApp.formHeaders,
                                              body: TestApp.formBody([("_csrf", token), ("password", "short")]))
            #expect(weak.status == .unprocessableContent)
            let set = try await nadia.execute(String(link), method: .post, headers: TestApp.formHeaders,
                                             body: TestApp.formBody([("_csrf", token), ("password", "nadia's own long secret")]))
            #expect(set.headers[.location] == "/login?notice=password_set")
            #expect(try await nadia.execute(String(link), method: .get, headers: [:], body: nil).status == .seeOther, "a link works once")
            let signIn = try await nadia.signIn(login: "nadia@larchwood.example", password: "nadia's own long secret")
            #expect(signIn.status == .seeOther)
            #expect(try await nadia.get("/me").text.contains("Nadia Orlova"))
        }
    }

    @Test func deactivationSignsTheUserOutAtOnce() async throws {
        try await TestApp.run { admin in
            let invited = try await admin.postForm("/admin/users/new", [("username", "boris"), ("displayName", "Boris"), ("email", "")])
            let link = String(try #require(invited.text.firstMatch(of: #/<code>http://[^/<]+(/set-password/[A-Za-z0-9_-]+)</code>/#)).1)
            let id = String(try #require(invited.text.firstMatch(of: #/action="/admin/users/(\d+)"/#)).1)
            var boris = Browser(client: admin.client)
            let token = Browser.hiddenCSRF(in: try await boris.execute(link, method: .get, headers: [:], body: nil).text) ?? ""
            _ = try await boris.execute(link, method: .post, headers: TestApp.formHeaders,
                                        body: TestApp.formBody([("_csrf", token), ("password", "boris long secret")]))
            try await boris.signIn(login: "boris", password: "boris long secret")
            #expect(try await boris.get("/me").status == .ok)

            #expect(try await admin.postForm("/admin/users/\(id)/active", [("active", "0")]).status == .seeOther)
            let after = try await boris.get("/me")
            #expect(after.status == .seeOther)
            #expect(after.headers[.location]?.hasPrefix("/login") == true)
            #expect(try await admin.get("/admin/users").text.contains("Deactivated"))
            var again = Browser(client: admin.client)
            #expect(try await again.signIn(login: "boris", password: "boris long secret").status == .unauthorized)
        }
    }

    @Test func duplicateUsernamesKeepTheForm() async throws {
        try await TestApp.run { admin in
            let response = try await admin.postForm("/admin/users/new", [("username", "admin"), ("displayName", "Second admin"), ("email", "")])
            #expect(response.status == .unprocessableContent)
            #expect(response.text.contains("value=\"Second admin\""))
        }
    }

    @Test(arguments: ["/admin/users", "/admin/users/new", "/admin/users/1"])
    func userPagesDoNotExistForEmployees(uri: String) async throws {
        try await LeakTests.run(as: "ivan") { (ivan: Browser) async throws in
            #expect(try await ivan.get(uri).status == .notFound)
            #expect(try await ivan.postForm(uri, [("username", "x"), ("displayName", "x")]).status == .notFound)
        }
    }

    @Test func unknownSetPasswordLinksAreNotFound() async throws {
        try await TestApp.runAsGuest { guest in
            var browser = guest
            let response = try await browser.execute("/set-password/not-a-real-token", method: .get, headers: [:], body: nil)
            #expect(response.status == .seeOther)  // guests are sent to sign in, as for any missing page
        }
    }
}

@Suite struct SeeAsRoutesTests {
    @Test func seeingAsAnEmployeeShowsTheirViewAndChangesNothing() async throws {
        try await LeakTests.run(as: "admin") { admin in
            let users = try await admin.get("/admin/users").text
            let ivanId = String(try #require(users.firstMatch(of: #/href="/admin/users/(\d+)">ivan/#)).1)
            var seeing = admin
            let started = try await seeing.execute(
                "/admin/users/\(ivanId)/see-as", method: .post, headers: TestApp.formHeaders,
                body: TestApp.formBody([("_csrf", admin.csrf)]))
            #expect(started.status == .seeOther)
            let home = try await seeing.get("/")
            #expect(home.text.contains("You are seeing Lore as Иван Петров sees it."))
            #expect(!home.text.contains("Отдел персонала (внутреннее)"))
            #expect(try await seeing.get("/a/peresmotr-zarplat").status == .notFound)
            #expect(try await seeing.get("/admin/users").status == .notFound)
            let edit = try await seeing.postForm("/a/pervyy-rabochiy-den/edit", EditingRoutesTests.articleFields(body: "changed while seeing as"))
            #expect(edit.status == .forbidden)
            #expect(try await seeing.postForm("/clients/export.csv", []).status == .forbidden, "no export while seeing as someone")
            #expect(try await seeing.postForm("/see-as/stop", []).status == .seeOther)
            #expect(try await seeing.get("/a/peresmotr-zarplat").status == .ok)
            let audit = try await seeing.get("/admin/audit").text
            #expect(audit.contains("see_as.started") && audit.contains("see_as.stopped"))
        }
    }

    @Test func aSeeAsCookieIsNotTrusted() async throws {
        try await LeakTests.run(as: "ivan") { ivan in
            var forged = ivan
            // Whom to see as lives in the session on the server; a cookie naming the administrator (id 1) changes nothing.
            forged.cookies["lore_see_as"] = "1"
            let page = try await forged.get("/a/peresmotr-zarplat")
            let audit = try await forged.get("/admin/audit")
            #expect(page.status == .notFound)
            #expect(audit.status == .notFound)
        }
    }
}

@Suite struct SynonymRoutesTests {
    @Test func administratorsEditTheDictionaryAndSearchUsesItAtOnce() async throws {
        try await TestApp.run { admin in
            let page = try await admin.get("/admin/synonyms")
            #expect(page.status == .ok && page.text.contains("vacation"), "the starter dictionary")
            let bad = try await admin.postForm("/admin/synonyms", [("synonyms", "отпуск = vacation\nодинокое слово")])
            #expect(bad.status == .unprocessableContent)
            #expect(bad.text.contains("одинокое слово") && bad.text.contains("2"), "what was typed is kept, and the line is named")
            #expect(try await admin.get("/search?q=zxqv").text.contains("id=\"no-results\""))
            let saved = try await admin.postForm("/admin/synonyms", [("synonyms", "# test\nzxqv = vacations")])
            #expect(saved.status == .seeOther && saved.headers[.location] == "/admin/synonyms?notice=synonyms_saved")
            let found = try await admin.get("/search?q=zxqv")
            #expect(found.text.contains("href=\"/a/vacations\"") && found.text.contains("id=\"search-also\""))
            #expect(try await admin.get("/admin/audit").text.contains("search.synonyms_changed"))
        }
    }
}
