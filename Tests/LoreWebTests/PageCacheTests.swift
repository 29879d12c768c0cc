import Foundation
import Hummingbird
import HummingbirdTesting
import LoreWeb
import Testing

/// Article pages come from a cache of rendered pages per kind of reader: each reader still gets
/// their own name and CSRF token, and an edit or a change of rights shows on the next request.
@Suite struct PageCacheTests {
    static let ivanPage = "/a/pozharnaya-bezopasnost-evakuatsiya"

    @Test func eachReaderGetsTheirOwnTokenFromTheSharedPage() async throws {
        try await LeakTests.run(as: "ivan") { first in
            let second = try await Browser.signIn(first.client, login: "ivan", password: LeakTests.demoPassword)
            #expect(first.csrf != second.csrf)
            for browser in [first, second, first, second] {
                let page = try await browser.get(Self.ivanPage)
                #expect(page.status == .ok)
                #expect(Browser.metaCSRF(in: page.text) == browser.csrf)
                #expect(page.text.contains("Иван Петров") && !page.text.contains("lore-user-") && !page.text.contains("lore-csrf-"))
            }
        }
    }

    @Test func anEditAndARevokedGrantShowOnTheNextRequest() async throws {
        try await LeakTests.run(as: "admin") { admin in
            let ivan = try await Browser.signIn(admin.client, login: "ivan", password: LeakTests.demoPassword)
            let api = try await ApiCaller.make(admin)
            #expect(try await ivan.get(Self.ivanPage).text.contains("Пожарная безопасность: эвакуация"))
            let current = try await api.get("/api/v1\(Self.ivanPage.replacingOccurrences(of: "/a/", with: "/articles/"))")
            let body = try JSONSerialization.data(withJSONObject: [
                "title": "Пожарная безопасность: эвакуация", "categoryId": current.json["categoryId"] ?? 0, "markdown": "Leave by the east stairs.",
            ])
            let saved = try await api.send(.put, "/api/v1/articles/pozharnaya-bezopasnost-evakuatsiya", json: String(decoding: body, as: UTF8.self),
                                           headers: [.ifMatch: current.headers[.eTag] ?? ""])
            #expect(saved.status == .ok)
            #expect(try await ivan.get(Self.ivanPage).text.contains("Leave by the east stairs."))

            let categories = try await api.get("/api/v1/categories").json["items"] as? [[String: Any]] ?? []
            let regulations = try #require(categories.first { $0["path"] as? String == "reglamenty" }?["id"] as? Int)
            let grants = try await api.get("/api/v1/categories/\(regulations)/grants").json["items"] as? [[String: Any]] ?? []
            let employee = try #require(grants.first { $0["role"] as? String == "Employee" }?["roleId"] as? Int)
            let revoked = try await api.send(.put, "/api/v1/categories/\(regulations)/grants",
                                             json: #"{"grants": [{"roleId": \#(employee), "level": "none"}]}"#)
            #expect(revoked.status == .ok)
            let hidden = try await ivan.get(Self.ivanPage)
            #expect(hidden.status == .notFound && !hidden.text.contains("Пожарная безопасность: эвакуация"))
        }
    }

    @Test func textThatLooksLikeAMarkerStaysText() async throws {
        try await LeakTests.run(as: "admin") { admin in
            let api = try await ApiCaller.make(admin)
            let categories = try await api.get("/api/v1/categories").json["items"] as? [[String: Any]] ?? []
            let company = try #require(categories.first { $0["path"] as? String == "o-kompanii" }?["id"] as? Int)
            let created = try await api.send(.post, "/api/v1/articles", json: #"""
                {"title": "Markers", "categoryId": \#(company), "markdown": "[x](https://evil.example/?t=lore-csrf-) lore-user-"}
                """#)
            #expect(created.status == .created)
            for _ in 0..<2 {
                let page = try await admin.get("/a/markers")
                #expect(page.text.contains("https://evil.example/?t=lore-csrf-\"") && page.text.contains("lore-user-"))
                // The token is where the layout puts it (the meta tag and the forms), nowhere else.
                let count = { (text: String) in page.text.components(separatedBy: text).count - 1 }
                #expect(count(admin.csrf) > 0 && count(admin.csrf) == count("content=\"\(admin.csrf)\"") + count("value=\"\(admin.csrf)\""))
            }
        }
    }
}
