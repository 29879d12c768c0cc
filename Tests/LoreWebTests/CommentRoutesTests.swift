import Foundation
import Hummingbird
import HummingbirdTesting
import LoreWeb
import Testing

/// Comments under articles over HTTP, with the sample's people.
@Suite struct CommentRoutesTests {
    @Test func readersCommentReplyEditTheirOwnAndManagersDelete() async throws {
        try await DraftFileRoutesTests.sample().test(.router) { client in
            let ivan = try await Browser.signIn(client, login: "ivan", password: LeakTests.demoPassword)
            let marina = try await Browser.signIn(client, login: "marina", password: LeakTests.demoPassword)
            let sergey = try await Browser.signIn(client, login: "sergey", password: LeakTests.demoPassword)
            let admin = try await Browser.signIn(client, login: "admin", password: TestApp.adminPassword)
            let sent = try await ivan.postForm("/a/bolnichnyy-list/comments", [("comment", "Can I split my **vacation** in three parts?")])
            let location = try #require(sent.headers[.location])
            let id = try #require(location.firstMatch(of: #/#comment-(\d+)$/#)).1
            #expect(location.hasPrefix("/a/bolnichnyy-list"))
            let page = try await sergey.get("/a/bolnichnyy-list").text
            #expect(page.contains("Can I split my <strong>vacation</strong> in three parts?") && page.contains("Иван Петров"))
            #expect(!page.contains("/comments/\(id)/edit"), "only the author edits")
            #expect(try await sergey.postForm("/comments/\(id)/edit", [("comment", "hijacked")]).status == .forbidden)
            #expect(try await sergey.postForm("/comments/\(id)/delete", []).status == .forbidden)

            let reply = try await marina.postForm("/a/bolnichnyy-list/comments", [("comment", "Yes, if one part is 14 days."), ("parent", String(id))])
            #expect(reply.status == .seeOther)
            let own = try await ivan.get("/a/bolnichnyy-list").text
            #expect(own.contains("/comments/\(id)/edit") && own.contains("Yes, if one part is 14 days."))
            #expect(try await ivan.postForm("/comments/\(id)/edit", [("comment", "")]).status == .unprocessableContent)
            #expect(try await ivan.postForm("/comments/\(id)/edit", [("comment", "Can I split it in two?")]).status == .seeOther)
            #expect(try await ivan.postForm("/comments/\(id)/resolve", []).status == .seeOther)
            let resolved = try await sergey.get("/a/bolnichnyy-list").text
            #expect(resolved.contains("Can I split it in two?") && resolved.contains("edited") && resolved.contains("resolved"))

            #expect(try await admin.postForm("/comments/\(id)/delete", []).status == .seeOther, "managers delete any comment")
            let deleted = try await sergey.get("/a/bolnichnyy-list").text
            #expect(!deleted.contains("Can I split it in two?") && deleted.contains("Deleted.") && deleted.contains("Yes, if one part is 14 days."))
        }
    }

    @Test func aPageSomeoneMayNotReadTakesNoCommentFromThemAndShowsNoneToThem() async throws {
        try await DraftFileRoutesTests.sample().test(.router) { client in
            let marina = try await Browser.signIn(client, login: "marina", password: LeakTests.demoPassword)
            let ivan = try await Browser.signIn(client, login: "ivan", password: LeakTests.demoPassword)
            let sent = try await marina.postForm("/a/peresmotr-zarplat/comments", [("comment", "Raise budget is 7 percent")])
            let id = try #require(sent.headers[.location]?.firstMatch(of: #/#comment-(\d+)$/#)).1
            #expect(try await ivan.postForm("/a/peresmotr-zarplat/comments", [("comment", "x")]).status == .notFound)
            #expect(try await ivan.get("/comments/\(id)/edit").status == .notFound)
            #expect(try await ivan.postForm("/comments/\(id)/resolve", []).status == .notFound)
            #expect(!(try await ivan.get("/search?q=budget").text.contains("Raise budget")))
        }
    }
}
