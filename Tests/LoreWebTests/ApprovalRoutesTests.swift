import Foundation
import Hummingbird
import HummingbirdTesting
import LoreWeb
import Testing

/// Approval before publishing over HTTP, with the sample: Regulations needs its managers'
/// approval, and Marina's change to the remote-work rules waits for it.
@Suite struct ApprovalRoutesTests {
    static let page = "/a/udalennaya-rabota"
    static let secret = "до трёх дней в неделю"

    @Test func aWaitingChangeIsSeenOnlyByItsAuthorAndApproversUntilApproved() async throws {
        try await DraftFileRoutesTests.sample().test(.router) { client in
            let ivan = try await Browser.signIn(client, login: "ivan", password: LeakTests.demoPassword)
            let marina = try await Browser.signIn(client, login: "marina", password: LeakTests.demoPassword)
            let admin = try await Browser.signIn(client, login: "admin", password: TestApp.adminPassword)
            for path in [Self.page, "/search?q=%D1%82%D1%80%D1%91%D1%85%20%D0%B4%D0%BD%D0%B5%D0%B9", "/changes", Self.page + "/history", "/approvals"] {
                let text = try await ivan.get(path).text
                #expect(!text.contains(Self.secret) && !text.contains("id=\"waiting\""), "\(path)")
            }
            let mine = try await marina.get(Self.page).text
            #expect(mine.contains("id=\"waiting\"") && !mine.contains(Self.secret), "the author is told; the page stays published")
            let queue = try await admin.get("/").text
            #expect(queue.contains("Waiting for your approval: 1 change"))
            let approvals = try await admin.get("/approvals").text
            let link = try #require(approvals.firstMatch(of: #/href="(/approvals/\d+)"/#)).1
            #expect(try await ivan.get(String(link)).status == .notFound)
            let change = try await admin.get(String(link)).text
            #expect(change.contains(Self.secret) && change.contains("id=\"approve\""))
            #expect(try await marina.postForm(String(link) + "/approve", []).status == .forbidden, "the author does not approve")
            let approved = try await admin.postForm(String(link) + "/approve", [])
            #expect(approved.headers[.location] == Self.page + "?notice=approved")
            #expect(try await ivan.get(Self.page).text.contains(Self.secret), "published for everyone")
            let history = try await ivan.get(Self.page + "/history").text
            #expect(history.contains("approved by Administrator") && history.contains("Марина Соколова"))
        }
    }

    @Test func anEditorsSaveWaitsAndAReturnedChangeGoesBackToThem() async throws {
        try await DraftFileRoutesTests.sample().test(.router) { client in
            let marina = try await Browser.signIn(client, login: "marina", password: LeakTests.demoPassword)
            let edit = try await marina.get("/a/rezhim-rabochego-vremeni/edit").text
            let base = try #require(edit.firstMatch(of: #/name="baseRevision" value="(\d+)"/#)).1
            let saved = try await marina.postForm("/a/rezhim-rabochego-vremeni/edit", EditingRoutesTests.articleFields(
                title: "Режим рабочего времени", slug: "rezhim-rabochego-vremeni", category: "", body: "Fridays end at 15:00.", base: String(base)).filter { $0.0 != "category" })
            #expect(saved.headers[.location] == "/a/rezhim-rabochego-vremeni?notice=submitted")
            #expect(!(try await marina.get("/a/rezhim-rabochego-vremeni").text.contains("Fridays end at 15:00.")))
            let again = try await marina.get("/a/rezhim-rabochego-vremeni/edit").text
            #expect(again.contains("id=\"waiting-change\"") && again.contains("Fridays end at 15:00."), "the author goes on with her change")

            let admin = try await Browser.signIn(client, login: "admin", password: TestApp.adminPassword)
            let list = try await admin.get("/approvals").text
            let link = try #require(list.firstMatch(of: #/href="(/approvals/\d+)">Режим рабочего времени/#)).1
            let empty = try await admin.postForm(String(link) + "/return", [("comment", "")])
            #expect(empty.status == .unprocessableContent)
            #expect(try await admin.postForm(String(link) + "/return", [("comment", "Say which office")]).status == .seeOther)
            let returned = try await marina.get(String(link)).text
            #expect(returned.contains("Say which office") && returned.contains("id=\"resubmit-form\""))

            let api = try await ApiCaller.make(marina)
            let article = try await api.get("/api/v1/articles/informatsionnaya-bezopasnost")
            let etag = try #require(article.headers[.eTag])
            let put = try await api.send(.put, "/api/v1/articles/informatsionnaya-bezopasnost",
                                         json: #"{"title": "Информационная безопасность", "categoryId": \#(article.json["categoryId"] as? Int ?? 0), "markdown": "Waits."}"#,
                                         headers: [.ifMatch: etag])
            #expect(put.status == .accepted && put.json["state"] as? String == "pending")
            #expect(!(try await api.get("/api/v1/articles/informatsionnaya-bezopasnost").text.contains("Waits.")))
        }
    }
}
