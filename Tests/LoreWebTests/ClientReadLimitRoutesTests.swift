import Hummingbird
import HummingbirdTesting
import LoreCore
import Testing
@testable import LoreWeb

/// Without the export right, a person reads a limited number of client cards a day, by the
/// pages or the API; administrators are told on their home page.
@Suite struct ClientReadLimitRoutesTests {
    @Test func pastTheLimitCardsAreRefusedWithAMessageAndAdministratorsSeeAnAlert() async throws {
        var arguments = PermissionTableTests.arguments()
        arguments.clientReadLimit = 2
        let app = try await buildApplication(arguments)
        try await app.test(.router) { client in
            let admin = try await Browser.signIn(client, login: "admin", password: TestApp.adminPassword)
            let ids = try await PermissionTableTests.categoryIds(admin)
            let sales = try #require(ids["role Sales"])
            // Sales may read and edit cards, but not export them.
            #expect(try await admin.postForm("/admin/roles/\(sales)", [
                ("name", "Sales"), ("capability-clients.read", "on"), ("capability-clients.edit", "on"),
            ]).status == .seeOther)
            let sergey = try await Browser.signIn(client, login: "sergey", password: LeakTests.demoPassword)
            // The cards in the list, not the pages beside it (new, import, trash, summary…).
            let slugs = try await admin.get("/clients").text.matches(of: #/href="/clients/([a-z0-9-]+)" class="client-name"/#).map { String($0.1) }
            #expect(slugs.count >= 3)
            #expect(try await sergey.get("/clients/\(slugs[0])").status == .ok)
            #expect(try await sergey.get("/clients/\(slugs[1])").status == .ok)
            let refused = try await sergey.get("/clients/\(slugs[2])")
            #expect(refused.status == .tooManyRequests)
            #expect(refused.text.contains("Daily limit on client cards reached"))
            #expect(try await sergey.get("/clients/\(slugs[0])").status == .ok, "cards read today still open")
            let api = try await ApiCaller.make(sergey)
            let list = try await api.get("/api/v1/clients")
            #expect(list.status == .tooManyRequests && list.json["code"] as? String == "client_read_limit")

            let home = try await admin.get("/").text
            #expect(home.contains("id=\"alerts\"") && home.contains("Сергей Волков reached the daily limit"))
            // The administrator, who may export, sees who opened a card.
            let card = try await admin.get("/clients/\(slugs[0])").text
            #expect(card.contains("id=\"client-readers\"") && card.contains("Сергей Волков"))
        }
    }

    @Test func theSummaryAndTheMergeFormDoNotSpendTheDailyLimit() async throws {
        var arguments = PermissionTableTests.arguments()
        arguments.clientReadLimit = 2
        let app = try await buildApplication(arguments)
        try await app.test(.router) { client in
            let admin = try await Browser.signIn(client, login: "admin", password: TestApp.adminPassword)
            let sales = try #require(try await PermissionTableTests.categoryIds(admin)["role Sales"])
            // A head of sales without the export right: the limit applies to them.
            #expect(try await admin.postForm("/admin/roles/\(sales)", [
                ("name", "Sales"), ("capability-clients.read", "on"), ("capability-clients.edit", "on"), ("capability-clients.delete", "on"),
                ("capability-clients.supervise", "on"),
            ]).status == .seeOther)
            let slugs = try await admin.get("/clients").text.matches(of: #/href="/clients/([a-z0-9-]+)" class="client-name"/#).map { String($0.1) }
            let sergey = try await Browser.signIn(client, login: "sergey", password: LeakTests.demoPassword)
            #expect(try await sergey.get("/clients/summary").status == .ok)
            #expect(try await sergey.get("/clients/\(slugs[0])/merge").status == .ok)
            #expect(try await sergey.get("/clients/\(slugs[0])/merge?with=\(slugs[1])").status == .ok)
            #expect(try await sergey.get("/clients/\(slugs[0])").status == .ok)
            #expect(try await sergey.get("/clients/\(slugs[1])").status == .ok, "only the two cards opened count")
            #expect(try await sergey.get("/clients/\(slugs[2])").status == .tooManyRequests)
        }
    }
}
