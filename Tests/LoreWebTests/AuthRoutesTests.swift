import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite struct AuthRoutesTests {
    @Test func guestsAreSentToSignIn() async throws {
        try await TestApp.runAsGuest { guest in
            let home = try await guest.get("/")
            #expect(home.status == .seeOther)
            #expect(home.headers[.location] == "/login")
            // Hidden or missing, a guest learns nothing but where to sign in.
            let article = try await guest.get("/a/first-day")
            #expect(article.headers[.location] == "/login?next=/a/first-day")
            let missing = try await guest.get("/a/no-such-page")
            #expect(missing.headers[.location] == "/login?next=/a/no-such-page")
            let form = try await guest.get("/login")
            #expect(form.status == .ok)
            #expect(!form.text.contains("First day"))
            #expect(!form.text.contains("/c/hr"))
        }
    }

    @Test func wrongPasswordAndUnknownUserLookTheSame() async throws {
        try await TestApp.runAsGuest { guest in
            var browser = guest
            let wrong = try await browser.signIn(login: "admin", password: "not the password")
            var other = guest
            let unknown = try await other.signIn(login: "nobody-here", password: "not the password")
            #expect(wrong.status == .unauthorized)
            #expect(unknown.status == .unauthorized)
            let strip = { (text: String) in
                text.replacingOccurrences(of: #"(value|content)="[^"]*""#, with: "", options: .regularExpression)
            }
            #expect(strip(wrong.text) == strip(unknown.text))
            #expect(wrong.text.contains("The username or password is not right."))
            #expect(browser.cookies["lore_session"] == nil)
        }
    }

    @Test func signingInGivesANewSessionAndReturnsOnlyToLocalPaths() async throws {
        try await TestApp.runAsGuest { guest in
            var browser = guest
            browser.cookies["lore_session"] = "planted-by-an-attacker"
            let response = try await browser.signIn(login: "admin", password: TestApp.adminPassword, next: "//evil.example/x")
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/")
            let session = try #require(browser.cookies["lore_session"])
            #expect(session != "planted-by-an-attacker")
            #expect(session.count >= 40)
            let cookie = try #require(response.headers[values: .setCookie].first { $0.hasPrefix("lore_session=") })
            #expect(cookie.contains("HttpOnly"))
            #expect(cookie.contains("SameSite=Lax"))
            #expect(try await browser.get("/a/first-day").status == .ok)
        }
    }

    @Test func changesWithoutTheCSRFTokenAreRefused() async throws {
        try await TestApp.run { client in
            var forged = client
            forged.csrf = "wrong-token"
            let fields = EditingRoutesTests.articleFields(body: "forged")
            let refused = try await forged.postForm("/a/vacations/edit", fields)
            #expect(refused.status == .forbidden)
            #expect(refused.text.contains("Request refused"))
            forged.csrf = ""
            #expect(try await forged.postForm("/a/vacations/edit", fields).status == .forbidden)
            #expect(try await forged.postForm("/a/vacations/edit", [("_csrf", "wrong")] + fields).status == .forbidden)
            #expect(try await client.get("/a/vacations").text.contains("You have 28 days."))
            // The token also works as a form field, as the browser's forms send it.
            let response = try await forged.postForm(
                "/a/vacations/edit", [("_csrf", client.csrf)] + EditingRoutesTests.articleFields(body: "Posted by the form."))
            #expect(response.status == .seeOther)
            #expect(try await client.get("/a/vacations").text.contains("Posted by the form."))
        }
    }

    @Test func signingOutEndsTheSession() async throws {
        try await TestApp.run { client in
            var browser = client
            #expect(try await browser.get("/me").status == .ok)
            let cookie = try #require(browser.cookies["lore_session"])
            _ = try await browser.execute(
                "/logout", method: .post, headers: TestApp.formHeaders,
                body: TestApp.formBody([("_csrf", browser.csrf)]))
            var stale = client
            stale.cookies["lore_session"] = cookie
            let after = try await stale.get("/me")
            #expect(after.status == .seeOther)
            #expect(after.headers[.location]?.hasPrefix("/login") == true)
        }
    }
}
