import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite struct SecurityRoutesTests {
    @Test(arguments: ["/", "/a/first-day", "/a/missing", "/css/lore.css"])
    func everyResponseCarriesSecurityHeaders(uri: String) async throws {
        try await TestApp.run { client in
            let response = try await client.get(uri)
            let policy = try #require(response.headers[.contentSecurityPolicy])
            #expect(policy.contains("script-src 'self'"))
            #expect(!policy.contains("unsafe-inline"))
            #expect(policy.contains("frame-ancestors 'none'"))
            #expect(response.headers[.xContentTypeOptions] == "nosniff")
            #expect(response.headers[HTTPField.Name("Referrer-Policy")!] == "same-origin")
        }
    }

    @Test func crossSitePostsAreRefusedAndChangeNothing() async throws {
        try await TestApp.run { client in
            let fields = EditingRoutesTests.articleFields(body: "defaced")
            let foreign = try await client.postForm("/a/vacations/edit", fields, headers: [.origin: "https://evil.example"])
            #expect(foreign.status == .forbidden)
            #expect(foreign.text.contains("Request refused"))
            let fetchSite = try await client.postForm("/a/vacations/edit", fields, headers: [HTTPField.Name("Sec-Fetch-Site")!: "cross-site"])
            #expect(fetchSite.status == .forbidden)
            #expect(try await client.get("/a/vacations").text.contains("You have 28 days."))
        }
    }

    @Test func languageSwitchNeverRedirectsOffSite() async throws {
        try await TestApp.run { client in
            for back in ["//evil.example/x", "https://evil.example", "/\\evil.example", "javascript:alert(1)"] {
                let response = try await client.postForm("/language", [("lang", "ru"), ("back", back)])
                #expect(response.headers[.location] == "/")
            }
        }
    }

    @Test func oversizedRequestsGetAClearPage() async throws {
        try await TestApp.run { client in
            let body = String(repeating: "a", count: 5 << 20)
            let response = try await client.postForm("/a/vacations/edit", [("title", "x"), ("body", body)])
            #expect(response.status == .contentTooLarge)
            #expect(response.text.contains("Too much data"))
        }
    }

    @Test func articleTextIsEscapedInTitlesAndLists() async throws {
        try await TestApp.run { client in
            let created = try await client.postForm("/new", [("title", "<script>alert('t')</script>"), ("category", "1"), ("body", "x"), ("slug", "")])
            #expect(created.status == .seeOther)
            let home = try await client.get("/").text
            #expect(!home.contains("<script>alert"))
            #expect(home.contains("&lt;script&gt;alert(&#39;t&#39;)&lt;/script&gt;"))
        }
    }
}
