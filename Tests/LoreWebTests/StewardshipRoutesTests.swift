import Foundation
import Hummingbird
import HummingbirdTesting
import LoreWeb
import Testing

/// Owners and review dates over HTTP, with the sample: Marina owns the regulations (reviewed
/// yearly) and "Режим рабочего времени" was last reviewed 13 months ago; Sergey owns Sales.
@Suite struct StewardshipRoutesTests {
    @Test func anOwnerSeesAndClearsAnOverdueReview() async throws {
        try await DraftFileRoutesTests.sample().test(.router) { client in
            let ivan = try await Browser.signIn(client, login: "ivan", password: LeakTests.demoPassword)
            let asReader = try await ivan.get("/a/rezhim-rabochego-vremeni").text
            #expect(asReader.contains("Owner: Марина Соколова") && asReader.contains("id=\"needs-review\"") && !asReader.contains("id=\"mark-reviewed\""))
            #expect(try await ivan.postForm("/a/rezhim-rabochego-vremeni/reviewed", []).status == .forbidden)

            let marina = try await Browser.signIn(client, login: "marina", password: LeakTests.demoPassword)
            let home = try await marina.get("/").text
            // Working hours were reviewed 13 months ago; the vacation page, first written 200 days ago, never (HR: every 6 months).
            #expect(home.contains("Due for review: 2 pages of yours") && home.contains("href=\"/a/rezhim-rabochego-vremeni\""))
            #expect(try await marina.get("/a/rezhim-rabochego-vremeni").text.contains("id=\"mark-reviewed\""))
            let reviewed = try await marina.postForm("/a/rezhim-rabochego-vremeni/reviewed", [])
            #expect(reviewed.headers[.location] == "/a/rezhim-rabochego-vremeni?notice=reviewed")
            let after = try await marina.get("/a/rezhim-rabochego-vremeni").text
            #expect(!after.contains("id=\"needs-review\"") && after.contains("reviewed") && after.contains("next review"))
            let homeAfter = try await marina.get("/").text
            let due = try #require(homeAfter.firstMatch(of: #/id="review-list"(?s:.)*?</ul>/#)).0
            #expect(homeAfter.contains("Due for review: 1 page of yours") && !due.contains("href=\"/a/rezhim-rabochego-vremeni\""))
            #expect(!(try await ivan.get("/a/rezhim-rabochego-vremeni").text.contains("id=\"needs-review\"")), "the shared page changed too")
        }
    }

    @Test func managersSeeContentHealthAndADepartingOwnersPagesAreHandedOver() async throws {
        try await DraftFileRoutesTests.sample().test(.router) { client in
            let admin = try await Browser.signIn(client, login: "admin", password: TestApp.adminPassword)
            let health = try await admin.get("/content-health").text
            let overdue = try #require(health.firstMatch(of: #/id="health-overdue"(?s:.)*?</section>/#)).0
            #expect(overdue.contains("Режим рабочего времени") && !overdue.contains("Информационная безопасность"))
            #expect(health.contains("id=\"health-without-owner\"") && health.contains("id=\"health-orphans\""))
            let csv = try await admin.get("/content-health.csv")
            #expect(csv.status == .ok && csv.text.contains("Режим рабочего времени"))
            let sergey = try await Browser.signIn(client, login: "sergey", password: LeakTests.demoPassword)
            #expect(try await sergey.get("/content-health").status == .notFound, "Sergey manages nothing")

            let users = try await admin.get("/admin/users").text
            let sergeyId = try #require(users.firstMatch(of: #/href="/admin/users/(\d+)"[^>]*>sergey/#)).1
            let marinaId = try #require(users.firstMatch(of: #/href="/admin/users/(\d+)"[^>]*>marina/#)).1
            #expect(try await admin.postForm("/admin/users/\(sergeyId)/active", [("active", "0")]).status == .seeOther)
            let left = try await admin.get("/content-health").text
            let ownerLeft = try #require(left.firstMatch(of: #/id="health-owner-left"(?s:.)*?</section>/#)).0
            #expect(ownerLeft.contains("Сергей Волков"))
            let page = try await admin.get("/admin/users/\(sergeyId)").text
            #expect(page.contains("id=\"reassign\"") && page.contains("Сергей Волков owns 1"))
            let handed = try await admin.postForm("/admin/users/\(sergeyId)/reassign", [("successor", String(marinaId))])
            #expect(handed.headers[.location] == "/admin/users/\(sergeyId)?notice=reassigned")
            let now = try await admin.get("/content-health").text
            #expect(!(try #require(now.firstMatch(of: #/id="health-owner-left"(?s:.)*?</section>/#)).0.contains("Сергей Волков")))
            #expect(!(try await admin.get("/admin/users/\(sergeyId)").text.contains("id=\"reassign\"")))
        }
    }

    @Test func aManagerSetsAPagesOwnerAndIntervalWithClearErrors() async throws {
        try await DraftFileRoutesTests.sample().test(.router) { client in
            let admin = try await Browser.signIn(client, login: "admin", password: TestApp.adminPassword)
            let form = try await admin.get("/a/bolnichnyy-list/stewardship").text
            #expect(form.contains("As the category: Марина Соколова") && form.contains("As the category: 6 months"))
            let ivanId = try #require(form.firstMatch(of: #/<option value="(\d+)">Иван Петров/#)).1
            let refused = try await admin.postForm("/a/bolnichnyy-list/stewardship", [("owner", "999999"), ("reviewMonths", "3")])
            #expect(refused.status == .unprocessableContent && refused.text.contains("id=\"stewardship-form\""))
            let saved = try await admin.postForm("/a/bolnichnyy-list/stewardship", [("owner", String(ivanId)), ("reviewMonths", "3")])
            #expect(saved.status == .seeOther)
            #expect(try await admin.get("/a/bolnichnyy-list").text.contains("Owner: Иван Петров"))
        }
    }
}
