import Foundation
import Hummingbird
import HummingbirdTesting
import LoreWeb
import Testing

/// Read and confirm over the API, with the sample's regulations asked of every employee.
@Suite struct ApiAcknowledgementTests {
    @Test func aReaderConfirmsThroughTheApiAndHRReadsTheReport() async throws {
        try await DraftFileRoutesTests.sample().test(.router) { client in
            let ivan = try await ApiCaller.make(try await Browser.signIn(client, login: "ivan", password: LeakTests.demoPassword))
            let pending = try #require(try await ivan.get("/api/v1/acknowledgements").json["items"] as? [[String: Any]])
            #expect(pending.count >= 8 && pending.allSatisfy { $0["overdue"] as? Bool == false && $0["confirmedRevision"] is NSNull })
            let article = try await ivan.get("/api/v1/articles/informatsionnaya-bezopasnost").json
            let revision = try #require(article["revision"] as? Int)
            let stale = try await ivan.send(.post, "/api/v1/articles/informatsionnaya-bezopasnost/acknowledgement", json: #"{"revision": 999}"#)
            #expect(stale.status == .conflict && stale.json["code"] as? String == "page_changed")
            let confirmed = try await ivan.send(.post, "/api/v1/articles/informatsionnaya-bezopasnost/acknowledgement",
                                                json: #"{"revision": \#(revision)}"#)
            #expect(confirmed.status == .ok && confirmed.json["confirmed"] as? Bool == true && confirmed.json["confirmedRevision"] as? Int == revision)
            let after = try #require(try await ivan.get("/api/v1/acknowledgements").json["items"] as? [[String: Any]])
            #expect(after.count == pending.count - 1 && !after.contains { $0["slug"] as? String == "informatsionnaya-bezopasnost" })
            #expect(try await ivan.get("/api/v1/articles/informatsionnaya-bezopasnost/acknowledgements").status == .forbidden)

            let marina = try await ApiCaller.make(try await Browser.signIn(client, login: "marina", password: LeakTests.demoPassword))
            let report = try await marina.get("/api/v1/articles/informatsionnaya-bezopasnost/acknowledgements").json
            let readers = try #require(report["readers"] as? [[String: Any]])
            let byName = Dictionary(uniqueKeysWithValues: readers.map { ($0["name"] as? String ?? "", $0["state"] as? String ?? "") })
            #expect(byName["Иван Петров"] == "confirmed" && byName["Сергей Волков"] == "overdue" && byName["Марина Соколова"] == "confirmed")
            #expect(try await marina.get("/api/v1/articles/bolnichnyy-list/acknowledgements").status == .notFound, "the page asks nobody")
        }
    }
}

/// Owners and review dates over the API.
@Suite struct ApiStewardshipTests {
    @Test func readersSeeTheOwnerAndTheOwnerRecordsAReview() async throws {
        try await DraftFileRoutesTests.sample().test(.router) { client in
            let ivan = try await ApiCaller.make(try await Browser.signIn(client, login: "ivan", password: LeakTests.demoPassword))
            let seen = try await ivan.get("/api/v1/articles/rezhim-rabochego-vremeni/stewardship").json
            #expect((seen["owner"] as? [String: Any])?["name"] as? String == "Марина Соколова")
            #expect(seen["needsReview"] as? Bool == true && seen["reviewMonths"] as? Int == 12 && seen["canMarkReviewed"] as? Bool == false)
            #expect(try await ivan.send(.post, "/api/v1/articles/rezhim-rabochego-vremeni/review").status == .forbidden)
            let marina = try await ApiCaller.make(try await Browser.signIn(client, login: "marina", password: LeakTests.demoPassword))
            let reviewed = try await marina.send(.post, "/api/v1/articles/rezhim-rabochego-vremeni/review")
            #expect(reviewed.status == .ok && reviewed.json["needsReview"] as? Bool == false && reviewed.json["reviewedBy"] as? String == "Марина Соколова")
            let admin = try await ApiCaller.make(try await Browser.signIn(client, login: "admin", password: TestApp.adminPassword))
            let refused = try await admin.send(.put, "/api/v1/articles/rezhim-rabochego-vremeni/stewardship", json: #"{"ownerId": null, "reviewMonths": 99}"#)
            #expect(refused.status == .unprocessableContent || refused.status == .badRequest)
            let changed = try await admin.send(.put, "/api/v1/articles/rezhim-rabochego-vremeni/stewardship", json: #"{"ownerId": null, "reviewMonths": 3}"#)
            #expect(changed.status == .ok && changed.json["reviewMonths"] as? Int == 3)
        }
    }
}
