import Foundation
import Hummingbird
import HummingbirdTesting
import LoreWeb
import Testing

/// Personal tokens on the API: sent as Bearer, never cookies; revoked and read-only tokens;
/// the rate limit; problem details for every error.
@Suite struct ApiAuthTests {
    @Test func withoutATokenTheAnswerIs401WithAChallengeEvenForASignedInBrowser() async throws {
        try await TestApp.run { admin in
            // The browser's session cookie counts for nothing: another site's page cannot use it.
            let response = try await admin.get("/api/v1/me")
            #expect(response.status == .unauthorized)
            #expect(response.headers[.wwwAuthenticate] == "Bearer realm=\"Lore\"")
            #expect(response.headers[.contentType]?.hasPrefix("application/problem+json") == true)
            #expect(response.json["code"] as? String == "unauthorized")
            let wrong = try await ApiCaller(client: admin.client, token: "lore_not-a-real-token").get("/api/v1/me")
            #expect(wrong.status == .unauthorized && wrong.json["code"] as? String == "invalid_token")
            #expect(wrong.headers[.wwwAuthenticate]?.contains("error=\"invalid_token\"") == true)
        }
    }

    @Test func aTokenActsAsItsUserWithoutCSRF() async throws {
        try await TestApp.run { admin in
            let api = try await ApiCaller.make(admin, name: "CRM")
            let me = try await api.get("/api/v1/me")
            #expect(me.status == .ok)
            #expect(me.json["username"] as? String == "admin")
            #expect((me.json["token"] as? [String: Any])?["name"] as? String == "CRM")
            #expect(me.headers[.init("RateLimit-Limit")!] == "600")
            let categories = try await api.get("/api/v1/categories")
            let first = try #require((categories.json["items"] as? [[String: Any]])?.first?["id"] as? Int)
            // No CSRF token, no cookie: a write goes through on the token alone.
            let created = try await api.send(.post, "/api/v1/articles", json: #"{"title": "Made by a program", "categoryId": \#(first), "markdown": "Hello"}"#)
            #expect(created.status == .created)
            #expect(created.headers[.location] == "/api/v1/articles/made-by-a-program")
            #expect((created.json["updatedBy"] as? String)?.isEmpty == false)
        }
    }

    @Test func aRevokedTokenStopsWorkingAtOnce() async throws {
        try await TestApp.run { admin in
            let api = try await ApiCaller.make(admin)
            #expect(try await api.get("/api/v1/me").status == .ok)
            let page = try await admin.get("/me")
            let revoke = try #require(page.text.firstMatch(of: #/action="(/me/tokens/\d+/revoke)"/#)).1
            #expect(try await admin.postForm(String(revoke), []).status == .seeOther)
            let after = try await api.get("/api/v1/me")
            #expect(after.status == .unauthorized && after.json["code"] as? String == "invalid_token")
        }
    }

    @Test func aReadOnlyTokenReadsButNeverWrites() async throws {
        try await TestApp.run { admin in
            let api = try await ApiCaller.make(admin, readOnly: true)
            #expect(try await api.get("/api/v1/articles").status == .ok)
            for (method, uri) in [(HTTPRequest.Method.post, "/api/v1/articles"), (.put, "/api/v1/categories/1"), (.delete, "/api/v1/categories/1"),
                                  (.post, "/api/v1/clients")] {
                let refused = try await api.send(method, uri, json: #"{"title": "x"}"#)
                #expect(refused.status == .forbidden, "\(method) \(uri)")
                #expect(refused.json["code"] as? String == "read_only_token")
            }
            #expect(try await api.get("/api/v1/articles").status == .ok)
        }
    }

    @Test func eachTokenIsRateLimitedWithRetryAfter() async throws {
        let app = try await buildApplication(AppArguments(
            resourcesDirectory: TestApp.repositoryRoot.path,
            contentDirectory: TestApp.repositoryRoot.appendingPathComponent("Tests/Fixtures/Content").path,
            adminPassword: TestApp.adminPassword, inMemory: true, demoAccounts: false, passwordCost: 4, apiRateLimit: 3, logLevel: .critical))
        try await app.test(.router) { client in
            let admin = try await Browser.signIn(client, login: "admin", password: TestApp.adminPassword)
            let first = try await ApiCaller.make(admin, name: "first")
            let second = try await ApiCaller.make(admin, name: "second")
            for remaining in ["2", "1", "0"] {
                let response = try await first.get("/api/v1/me")
                #expect(response.status == .ok && response.headers[.init("RateLimit-Remaining")!] == remaining)
            }
            let limited = try await first.get("/api/v1/me")
            #expect(limited.status == .tooManyRequests)
            #expect(limited.json["code"] as? String == "rate_limited")
            #expect(Int(limited.headers[.retryAfter] ?? "") ?? 0 >= 1)
            // Another token of the same person has its own allowance.
            #expect(try await second.get("/api/v1/me").status == .ok)
        }
    }

    @Test func unknownAddressesAndBadBodiesAreProblemsNeverPages() async throws {
        try await TestApp.run { admin in
            let api = try await ApiCaller.make(admin)
            let missing = try await api.get("/api/v1/no-such-thing")
            #expect(missing.status == .notFound && missing.json["code"] as? String == "not_found")
            #expect(!missing.text.contains("<html"))
            let notJSON = try await api.send(.post, "/api/v1/articles", json: "title=x", headers: [.contentType: "application/x-www-form-urlencoded"])
            #expect(notJSON.status == .unsupportedMediaType && notJSON.json["code"] as? String == "unsupported_media_type")
            let broken = try await api.send(.post, "/api/v1/articles", json: #"{"title": "#)
            #expect(broken.status == .badRequest && broken.json["code"] as? String == "bad_request")
            let wrongType = try await api.send(.post, "/api/v1/articles", json: #"{"title": 5}"#)
            #expect(wrongType.status == .badRequest && (wrongType.json["detail"] as? String)?.contains("title") == true)
            let invalid = try await api.send(.post, "/api/v1/articles", json: #"{"title": "", "categoryId": 999999, "markdown": "x"}"#)
            #expect(invalid.status == .unprocessableContent && invalid.json["code"] as? String == "validation_failed")
            let fields = (invalid.json["errors"] as? [[String: Any]] ?? []).compactMap { $0["field"] as? String }
            #expect(fields.contains("title") && fields.contains("categoryId"))
            let cursor = try await api.get("/api/v1/articles?cursor=bm90LWEtY3Vyc29y")
            #expect(cursor.status == .badRequest && cursor.json["code"] as? String == "invalid_cursor")
            let limit = try await api.get("/api/v1/articles?limit=1000")
            #expect(limit.status == .badRequest && limit.json["code"] as? String == "invalid_parameter")
        }
    }
}
