import Foundation
import Hummingbird
import HummingbirdTesting
import LoreWeb
import Testing

/// Articles over the API: ETags and If-None-Match, updates based on a revision (merged, or
/// refused with both versions), history, moves, the trash, pages by cursor, files.
@Suite struct ApiArticleTests {
    /// A token for the administrator and the id of the first category.
    static func setUp(_ admin: Browser) async throws -> (ApiCaller, Int) {
        let api = try await ApiCaller.make(admin)
        let categories = try await api.get("/api/v1/categories").json["items"] as? [[String: Any]]
        return (api, try #require(categories?.first?["id"] as? Int))
    }

    static func article(_ title: String, _ category: Int, _ markdown: String) -> String {
        String(data: try! JSONSerialization.data(withJSONObject: ["title": title, "categoryId": category, "markdown": markdown]), encoding: .utf8)!
    }

    @Test func anUpdateNeedsItsBaseAndAStaleOverlappingOneGets412WithBothVersions() async throws {
        try await TestApp.run { admin in
            let (api, category) = try await Self.setUp(admin)
            let created = try await api.send(.post, "/api/v1/articles", json: Self.article("Price list", category, "one\ntwo\nthree"))
            let etag = try #require(created.headers[.eTag])
            #expect(etag.hasPrefix("\"r1-"))
            let uri = "/api/v1/articles/price-list"
            let without = try await api.send(.put, uri, json: Self.article("Price list", category, "one\nTWO\nthree"))
            #expect(without.status == .preconditionRequired && without.json["code"] as? String == "precondition_required")
            let garbled = try await api.send(.put, uri, json: Self.article("Price list", category, "x"), headers: [.ifMatch: "yesterday"])
            #expect(garbled.status == .badRequest && garbled.json["code"] as? String == "invalid_precondition")

            let theirs = try await api.send(.put, uri, json: Self.article("Price list", category, "one\nTWO\nthree"), headers: [.ifMatch: etag])
            #expect(theirs.status == .ok && theirs.json["revision"] as? Int == 2 && theirs.json["merged"] as? Bool == false)
            // Based on revision 1 and touching another line: merged, as in the web editor.
            let merged = try await api.send(.put, uri, json: Self.article("Price list", category, "one\ntwo\nthree\nfour"), headers: [.ifMatch: etag])
            #expect(merged.status == .ok && merged.json["merged"] as? Bool == true)
            #expect(merged.json["markdown"] as? String == "one\nTWO\nthree\nfour")
            // Based on revision 1 and changing the line changed since: refused, nothing saved.
            let clash = try await api.send(.put, uri, json: Self.article("Price list", category, "one\n2\nthree"), headers: [.ifMatch: "\"r1\""])
            #expect(clash.status == .preconditionFailed && clash.json["code"] as? String == "edit_conflict")
            let current = try #require(clash.json["current"] as? [String: Any])
            #expect(current["revision"] as? Int == 3 && current["markdown"] as? String == "one\nTWO\nthree\nfour")
            #expect((clash.json["yours"] as? [String: Any])?["markdown"] as? String == "one\n2\nthree")
            #expect((clash.json["merged"] as? String)?.contains("<<<<<<<") == true)
            #expect((clash.json["clashes"] as? [[String: Any]])?.first?["theirs"] as? String == "TWO")
            #expect(try await api.get(uri).json["revision"] as? Int == 3)
        }
    }

    @Test func readsCarryETagsAndAnswer304ToTheCopyAlreadyHeld() async throws {
        try await TestApp.run { admin in
            let (api, category) = try await Self.setUp(admin)
            _ = try await api.send(.post, "/api/v1/articles", json: Self.article("Cached page", category, "text"))
            let first = try await api.get("/api/v1/articles/cached-page")
            let etag = try #require(first.headers[.eTag])
            #expect(try await api.get("/api/v1/articles/cached-page").headers[.eTag] == etag, "the same answer, the same tag")
            let again = try await api.get("/api/v1/articles/cached-page", headers: [.ifNoneMatch: etag])
            #expect(again.status == .notModified && again.body.readableBytes == 0)
            let list = try await api.get("/api/v1/categories")
            let weak = try #require(list.headers[.eTag])
            #expect(weak.hasPrefix("W/\""))
            #expect(try await api.get("/api/v1/categories", headers: [.ifNoneMatch: weak]).status == .notModified)
        }
    }

    @Test func theCursorWalksEveryArticleOnceInIdOrder() async throws {
        try await TestApp.run { admin in
            let (api, category) = try await Self.setUp(admin)
            for number in 1...7 { _ = try await api.send(.post, "/api/v1/articles", json: Self.article("Walk \(number)", category, "x")) }
            var seen: [Int] = []
            var uri: String? = "/api/v1/articles?limit=3"
            while let next = uri {
                let page = try await api.get(next)
                #expect(page.status == .ok)
                seen += (page.json["items"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? Int }
                uri = (page.json["nextCursor"] as? String).map { "/api/v1/articles?limit=3&cursor=\($0)" }
            }
            #expect(seen.count == 3 + 7, "the fixture's 3 articles and the 7 new ones")
            #expect(seen == seen.sorted() && Set(seen).count == seen.count)
            let inCategory = try await api.get("/api/v1/articles?category=\(category)&limit=100").json["items"] as? [[String: Any]]
            #expect(inCategory?.allSatisfy { $0["categoryId"] as? Int == category } == true)
        }
    }

    @Test func historyMoveTrashAndRestore() async throws {
        try await TestApp.run { admin in
            let (api, category) = try await Self.setUp(admin)
            let created = try await api.send(.post, "/api/v1/articles", json: Self.article("Journey", category, "first words"))
            _ = try await api.send(.put, "/api/v1/articles/journey", json: Self.article("Journey", category, "second words"),
                                   headers: [.ifMatch: created.headers[.eTag] ?? ""])
            let revisions = try await api.get("/api/v1/articles/journey/revisions?limit=1")
            #expect((revisions.json["items"] as? [[String: Any]])?.first?["number"] as? Int == 2)
            let older = try #require(revisions.json["nextCursor"] as? String)
            let rest = try await api.get("/api/v1/articles/journey/revisions?limit=1&cursor=\(older)")
            #expect((rest.json["items"] as? [[String: Any]])?.first?["number"] as? Int == 1 && rest.json["nextCursor"] is NSNull)
            let first = try await api.get("/api/v1/articles/journey/revisions/1")
            #expect(first.json["markdown"] as? String == "first words" && (first.json["html"] as? String)?.contains("<p>first words</p>") == true)
            let diff = try await api.get("/api/v1/articles/journey/diff?from=1&to=2")
            let kinds = (diff.json["lines"] as? [[String: Any]] ?? []).compactMap { $0["kind"] as? String }
            #expect(kinds.sorted() == ["added", "removed"])
            #expect(try await api.get("/api/v1/articles/journey/diff?from=1").json["code"] as? String == "invalid_parameter")

            let categories = try await api.get("/api/v1/categories").json["items"] as? [[String: Any]] ?? []
            let other = try #require(categories.compactMap { $0["id"] as? Int }.first { $0 != category })
            let moved = try await api.send(.post, "/api/v1/articles/journey/move", json: #"{"categoryId": \#(other)}"#)
            #expect(moved.status == .ok && moved.json["categoryId"] as? Int == other && moved.json["revision"] as? Int == 3)

            #expect(try await api.send(.delete, "/api/v1/articles/journey").status == .noContent)
            #expect(try await api.get("/api/v1/articles/journey").status == .notFound)
            let trash = try await api.get("/api/v1/trash").json["items"] as? [[String: Any]]
            #expect(trash?.contains { $0["slug"] as? String == "journey" } == true)
            let restored = try await api.send(.post, "/api/v1/articles/journey/restore")
            #expect(restored.status == .ok && restored.json["markdown"] as? String == "second words")
        }
    }

    @Test func filesGoUpAndComeDownWithTheWebsHeaders() async throws {
        try await TestApp.run { admin in
            let (api, category) = try await Self.setUp(admin)
            _ = try await api.send(.post, "/api/v1/articles", json: Self.article("With files", category, "see below"))
            let uploaded = try await api.send(.post, "/api/v1/articles/with-files/attachments?name=plan.html",
                                              body: ByteBuffer(string: "<script>alert(1)</script>"), headers: [.contentType: "text/html"])
            #expect(uploaded.status == .created)
            let download = try #require(uploaded.json["download"] as? String)
            #expect(uploaded.headers[.location] == download && uploaded.json["inline"] as? Bool == false)
            #expect(uploaded.json["markdown"] as? String == "[plan.html](file:plan.html)")
            let file = try await api.get(download)
            #expect(file.status == .ok && file.text == "<script>alert(1)</script>")
            #expect(file.headers[.contentDisposition]?.hasPrefix("attachment") == true)
            #expect(file.headers[.contentSecurityPolicy]?.contains("sandbox") == true)
            let part = try await api.get(download, headers: [.range: "bytes=0-7"])
            #expect(part.status == .partialContent && part.text == "<script>")
            let outside = try await api.get(download, headers: [.range: "bytes=500-600"])
            #expect(outside.status == .rangeNotSatisfiable && outside.json["code"] as? String == "range_not_satisfiable")
            let listed = try await api.get("/api/v1/articles/with-files/attachments").json["items"] as? [[String: Any]]
            #expect(listed?.first?["name"] as? String == "plan.html")
            let nameless = try await api.send(.post, "/api/v1/articles/with-files/attachments", body: ByteBuffer(string: "x"))
            #expect(nameless.status == .badRequest && nameless.json["code"] as? String == "invalid_parameter")
        }
    }
}
