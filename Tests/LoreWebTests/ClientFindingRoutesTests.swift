import Foundation
import Hummingbird
import HummingbirdTesting
import LoreWeb
import Testing

/// The client list's search box and the duplicate warning, over HTTP with the sample registry.
@Suite struct ClientFindingRoutesTests {
    @Test func theSearchBoxFindsCardsAndADuplicateIsPointedOutBeforeSaving() async throws {
        try await DraftFileRoutesTests.sample().test(.router) { client in
            let sergey = try await Browser.signIn(client, login: "sergey", password: LeakTests.demoPassword)
            let found = try await sergey.get("/clients?q=" + "волга".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!).text
            #expect(found.contains("Волга Ритейл Групп") && !found.contains("Polka Market"))
            #expect(found.contains(#"id="client-results""#) && found.contains(#"value="волга""#))

            let fields = [("name", "Polka Market"), ("kind", "company"), ("status", "lead"), ("manager", "")]
            let warned = try await sergey.postForm("/clients/new", fields)
            #expect(warned.status == .unprocessableContent && warned.text.contains(#"id="client-duplicates""#))
            #expect(warned.text.contains(#"href="/clients/polka-market""#) && warned.text.contains(#"value="Polka Market""#))
            let saved = try await sergey.postForm("/clients/new", fields + [("duplicateOK", "on")])
            #expect(saved.status == .seeOther)

            let ivan = try await Browser.signIn(client, login: "ivan", password: LeakTests.demoPassword)
            #expect(try await ivan.get("/clients?q=polka").status == .notFound)
        }
    }

    @Test func theSummaryShowsSegmentsAndACardItsPurchases() async throws {
        try await DraftFileRoutesTests.sample().test(.router) { client in
            let admin = try await Browser.signIn(client, login: "admin", password: TestApp.adminPassword)
            let champions = try await admin.get("/clients?rfm=champions").text
            #expect(champions.contains(#"<option value="champions" selected>"#) && champions.contains(">Champions</td>"))
            #expect(!champions.contains(">At risk</td>"))
            let summary = try await admin.get("/clients/summary").text
            #expect(summary.contains("Champions") && summary.contains("<svg class=\"bar\"") && summary.contains("id=\"summary-at-risk\""))
            let sergey = try await Browser.signIn(client, login: "sergey", password: LeakTests.demoPassword)
            let card = try await sergey.get("/clients/volga-retail-group").text
            #expect(card.contains("id=\"purchase-list\"") && card.contains("id=\"client-analysis\""))
            let refused = try await sergey.postForm("/clients/volga-retail-group/purchases", [("amount", "a lot"), ("date", "")])
            #expect(refused.status == .unprocessableContent && refused.text.contains("a lot"))
            #expect(try await sergey.postForm("/clients/volga-retail-group/purchases", [("amount", "12 500,50"), ("date", "")]).status == .seeOther)
            #expect(try await sergey.get("/clients/volga-retail-group").text.contains("12"))
        }
    }

    @Test func theAddressOfAMergedCardLeadsToTheCardItWentInto() async throws {
        try await DraftFileRoutesTests.sample().test(.router) { client in
            let admin = try await Browser.signIn(client, login: "admin", password: TestApp.adminPassword)
            #expect(try await admin.postForm("/clients/volga-retail-group/merge", [("with", "polka-market")]).status == .seeOther)
            let moved = try await admin.get("/clients/polka-market")
            #expect(moved.status == .seeOther && moved.headers[.location] == "/clients/volga-retail-group")
            let ivan = try await Browser.signIn(client, login: "ivan", password: LeakTests.demoPassword)
            let hidden = try await ivan.get("/clients/polka-market")
            #expect(hidden.status == .notFound && !hidden.text.contains("volga"))
        }
    }
}

