import Foundation
import Hummingbird
import HummingbirdTesting
import LoreWeb
import Testing

/// What the API takes in agrees with its OpenAPI document: no property the schema forbids, no
/// empty file, no number that cannot name anything.
@Suite struct ApiInputTests {
    @Test func aPropertyTheSchemaDoesNotHaveIsRefusedAndNothingIsMade() async throws {
        try await TestApp.run { admin in
            let (api, category) = try await ApiArticleTests.setUp(admin)
            let body = #"{"title": "Typo", "categoryId": \#(category), "markdown": "x", "catgoryId": 3}"#
            let answer = try await api.send(.post, "/api/v1/articles", json: body)
            #expect(answer.status == .badRequest)
            #expect((answer.json["detail"] as? String)?.contains("catgoryId") == true)
            #expect(try await api.get("/api/v1/articles/typo").status == .notFound)
            // Nested: a grant with a property of its own.
            let grants = #"{"grants": [{"roleId": 2, "level": "read", "inherit": true}]}"#
            #expect(try await api.send(.put, "/api/v1/categories/\(category)/grants", json: grants).status == .badRequest)
        }
    }

    @Test func anEmptyUploadIsRefused() async throws {
        try await TestApp.run { admin in
            let (api, _) = try await ApiArticleTests.setUp(admin)
            let empty = try await api.send(.post, "/api/v1/articles/vacations/attachments?name=x.txt", body: nil,
                                           headers: [.contentType: "application/octet-stream"])
            #expect(empty.status == .unprocessableContent)
            let web = try await admin.postFile("/a/vacations/files?name=x.txt", [])
            #expect(web.status == .unprocessableContent && web.text.contains("The file is empty"))
        }
    }

    @Test func aPlusInAnUploadNameIsASpace() async throws {
        try await TestApp.run { admin in
            let (api, _) = try await ApiArticleTests.setUp(admin)
            let spaced = try await api.send(.post, "/api/v1/articles/vacations/attachments?name=leave+plan.txt", body: ByteBuffer(string: "x"),
                                            headers: [.contentType: "text/plain"])
            #expect(spaced.json["name"] as? String == "leave plan.txt")
            let plus = try await api.send(.post, "/api/v1/articles/vacations/attachments?name=c%2B%2B.txt", body: ByteBuffer(string: "x"),
                                          headers: [.contentType: "text/plain"])
            #expect(plus.json["name"] as? String == "c++.txt")
        }
    }

    @Test func aNumberThatCannotBeAnIdIsNotFound() async throws {
        try await TestApp.run { admin in
            let (api, _) = try await ApiArticleTests.setUp(admin)
            for uri in ["/api/v1/files/99999999999999999999", "/api/v1/categories/-1", "/api/v1/articles/vacations/revisions/99999999999999999999"] {
                #expect(try await api.get(uri).status == .notFound, "\(uri)")
            }
            for uri in ["/files/99999999999999999999/x.txt", "/admin/users/99999999999999999999", "/a/vacations/revisions/99999999999999999999"] {
                #expect(try await admin.get(uri).status == .notFound, "\(uri)")
            }
        }
    }

    /// The document says int64: any such id narrows a list to what it names, which is nothing,
    /// and any non-negative cursor continues a list, past its end if need be.
    @Test func anyIdTheDocumentAllowsNarrowsAListToNothing() async throws {
        try await TestApp.run { admin in
            let (api, _) = try await ApiArticleTests.setUp(admin)
            for uri in ["/api/v1/search?q=vacation&category=-9223372036854775808", "/api/v1/articles?category=9223372036854775807",
                        "/api/v1/clients?manager=-9223372036854775808", "/api/v1/search?q=vacation&cursor=search.9223372036854775807"] {
                let answer = try await api.get(uri)
                #expect(answer.status == .ok, "\(uri)")
                #expect(answer.text.contains("\"items\":[]"), "\(uri)")
            }
            #expect(try await api.get("/api/v1/search?q=vacation&cursor=search.-1").status == .badRequest)
        }
    }
}
