import Hummingbird
import HummingbirdTesting
import LoreWeb
import Testing

@Suite struct AdminRoutesTests {
    @Test(arguments: ["/admin/access", "/admin/access/1", "/admin/roles"])
    func adminPagesDoNotExistForEmployees(uri: String) async throws {
        try await LeakTests.run(as: "ivan") { ivan in
            let response = try await ivan.get(uri)
            #expect(response.status == .notFound)
            #expect(!response.text.contains("Access rights"))
            #expect(try await ivan.postForm(uri, [("name", "Sneaky")]).status == .notFound)
        }
    }

    @Test func gridShowsEffectiveRightsAndWhereTheyComeFrom() async throws {
        try await LeakTests.run(as: "admin") { admin in
            let page = try await admin.get("/admin/access")
            #expect(page.status == .ok)
            #expect(page.text.contains("<th scope=\"col\">HR</th>"))
            #expect(page.text.contains("HR team (internal)"))
            #expect(page.text.contains("from Regulations"))
            #expect(page.text.contains("set here"))
        }
    }

    @Test func changingAGrantAppliesToTheNextRequest() async throws {
        let app = try await buildSample()
        try await app.test(.router) { client in
            let admin = try await Browser.signIn(client, login: "admin", password: TestApp.adminPassword)
            let ivan = try await Browser.signIn(client, login: "ivan", password: LeakTests.demoPassword)
            #expect(try await ivan.get("/c/competitors").status == .notFound)
            let grid = try await admin.get("/admin/access").text
            let competitors = try #require(grid.firstMatch(of: #/href="/admin/access/(\d+)">Competitors/#)).1
            let form = try await admin.get("/admin/access/\(competitors)").text
            let employeeRole = try #require(form.firstMatch(of: #/<label for="role-(\d+)">Employee/#)).1
            let saved = try await admin.postForm("/admin/access/\(competitors)", [("role-\(employeeRole)", "read")])
            #expect(saved.status == .seeOther)
            #expect(try await ivan.get("/c/competitors").status == .ok)
            #expect(try await ivan.get("/a/competitor-overview").status == .ok)
        }
    }

    @Test func rolesAreCreatedOnceEach() async throws {
        try await LeakTests.run(as: "admin") { admin in
            #expect(try await admin.postForm("/admin/roles", [("name", "Legal")]).status == .seeOther)
            #expect(try await admin.get("/admin/roles").text.contains("Legal"))
            let duplicate = try await admin.postForm("/admin/roles", [("name", "legal")])
            #expect(duplicate.status == .unprocessableContent)
            #expect(duplicate.text.contains("value=\"legal\""))
        }
    }

    private func buildSample() async throws -> some ApplicationProtocol {
        try await buildApplication(AppArguments(
            resourcesDirectory: TestApp.repositoryRoot.path, adminPassword: TestApp.adminPassword, inMemory: true,
            demoPassword: LeakTests.demoPassword, passwordCost: 4, logLevel: .critical))
    }
}

@Suite struct AuditRoutesTests {
    @Test func signInsAndGrantChangesAreListedAndFiltered() async throws {
        try await TestApp.run { admin in
            _ = try await admin.postForm("/admin/roles", [("name", "Legal")])
            let all = try await admin.get("/admin/audit")
            #expect(all.status == .ok)
            #expect(all.text.contains("<code>login.succeeded</code>"))
            #expect(all.text.contains("<code>role.created</code>"))
            let filtered = try await admin.get("/admin/audit?action=role.created")
            #expect(filtered.text.contains("Legal"))
            #expect(!filtered.text.contains("<code>login.succeeded</code>"))
        }
    }

    @Test func theAuditLogDoesNotExistForEmployees() async throws {
        try await LeakTests.run(as: "ivan") { (ivan: Browser) async throws in
            #expect(try await ivan.get("/admin/audit").status == .notFound)
        }
    }
}

@Suite struct ArticleAccessRoutesTests {
    @Test func managersRestrictAnArticleAndOthersStopSeeingIt() async throws {
        let app = try await buildApplication(AppArguments(
            resourcesDirectory: TestApp.repositoryRoot.path, adminPassword: TestApp.adminPassword, inMemory: true,
            demoPassword: LeakTests.demoPassword, passwordCost: 4, logLevel: .critical))
        try await app.test(.router) { client in
            let admin = try await Browser.signIn(client, login: "admin", password: TestApp.adminPassword)
            let ivan = try await Browser.signIn(client, login: "ivan", password: LeakTests.demoPassword)
            #expect(try await ivan.get("/a/first-day-checklist").status == .ok)
            #expect(try await ivan.get("/a/first-day-checklist/access").status == .forbidden)
            let form = try await admin.get("/a/first-day-checklist/access")
            #expect(form.status == .ok)
            let hr = try #require(form.text.firstMatch(of: #/name="role-(\d+)"> HR/#)).1
            let saved = try await admin.postForm("/a/first-day-checklist/access", [("role-\(hr)", "on")])
            #expect(saved.status == .seeOther)
            #expect(try await ivan.get("/a/first-day-checklist").status == .notFound)
            #expect(!(try await ivan.get("/c/hr/onboarding").text.contains("first-day-checklist")))
            let marina = try await Browser.signIn(client, login: "marina", password: LeakTests.demoPassword)
            #expect(try await marina.get("/a/first-day-checklist").status == .ok)
        }
    }
}
