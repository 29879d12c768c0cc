import Hummingbird
import HummingbirdTesting
import LoreWeb
import Testing

@Suite struct AdminRoutesTests {
    @Test(arguments: ["/admin/access", "/admin/roles", "/admin/roles/1", "/admin/roles/1/delete"])
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
            #expect(page.text.contains("Отдел персонала (внутреннее)"))
            #expect(page.text.contains("from Регламенты"))
            #expect(page.text.contains("set here"))
        }
    }

    @Test func changingAGrantAppliesToTheNextRequest() async throws {
        let app = try await buildSample()
        try await app.test(.router) { client in
            let admin = try await Browser.signIn(client, login: "admin", password: TestApp.adminPassword)
            let ivan = try await Browser.signIn(client, login: "ivan", password: LeakTests.demoPassword)
            #expect(try await ivan.get("/c/konkurenty").status == .notFound)
            let grid = try await admin.get("/admin/access").text
            let competitors = try #require(grid.firstMatch(of: #/href="/admin/access/(\d+)">Конкуренты/#)).1
            let form = try await admin.get("/admin/access/\(competitors)").text
            let employeeRole = try #require(form.firstMatch(of: #/<label for="role-(\d+)">Employee/#)).1
            let saved = try await admin.postForm("/admin/access/\(competitors)", [("role-\(employeeRole)", "read")])
            #expect(saved.status == .seeOther)
            #expect(try await ivan.get("/c/konkurenty").status == .ok)
            #expect(try await ivan.get("/a/obzor-konkurentov").status == .ok)
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

    @Test func rolesAreRenamedGivenCapabilitiesAndDeleted() async throws {
        let app = try await buildSample()
        try await app.test(.router) { client in
            let admin = try await Browser.signIn(client, login: "admin", password: TestApp.adminPassword)
            let ivan = try await Browser.signIn(client, login: "ivan", password: LeakTests.demoPassword)
            let roles = try await admin.get("/admin/roles").text
            let employee = try #require(roles.firstMatch(of: #/href="/admin/roles/(\d+)">Employee/#)).1
            #expect(try await admin.postForm("/admin/roles/\(employee)/delete", []).status == .forbidden)
            #expect(try await ivan.get("/admin/audit").status == .notFound)
            let saved = try await admin.postForm("/admin/roles/\(employee)", [("name", "Staff"), ("capability-audit.read", "on")])
            #expect(saved.status == .seeOther)
            #expect(try await ivan.get("/admin/audit").status == .ok, "a new capability applies to the next request")
            let form = try await admin.get("/admin/roles/\(employee)").text
            #expect(form.contains("value=\"Staff\""))
            #expect(form.contains("name=\"capability-audit.read\" checked"))

            let created = try await admin.postForm("/admin/roles", [("name", "Legal")])
            let legal = try #require(created.headers[.location]?.firstMatch(of: #/\/admin\/roles\/(\d+)/#)).1
            let blank = try await admin.postForm("/admin/roles/\(legal)", [("name", " ")])
            #expect(blank.status == .unprocessableContent)
            #expect(blank.text.contains("field-error"))
            #expect(try await admin.postForm("/admin/roles/\(legal)/delete", []).status == .seeOther)
            #expect(!(try await admin.get("/admin/roles").text.contains("Legal")))
            #expect(try await admin.get("/admin/audit?action=role.deleted").text.contains("Legal"))
        }
    }

    @Test func categoryManagersChangeTheirCategorysGrantsAndNoOtherOnes() async throws {
        let app = try await buildSample()
        try await app.test(.router) { client in
            let marina = try await Browser.signIn(client, login: "marina", password: LeakTests.demoPassword)
            let ivan = try await Browser.signIn(client, login: "ivan", password: LeakTests.demoPassword)
            let team = try await marina.get("/c/personal/otdel-personala").text
            let id = try #require(team.firstMatch(of: #/href="/admin/access/(\d+)" id="category-access"/#)).1
            let form = try await marina.get("/admin/access/\(id)").text
            let employeeRole = try #require(form.firstMatch(of: #/<label for="role-(\d+)">Employee/#)).1
            #expect(try await ivan.get("/c/personal/otdel-personala").status == .notFound)
            #expect(try await ivan.postForm("/admin/access/\(id)", [("role-\(employeeRole)", "manage")]).status == .notFound)
            let saved = try await marina.postForm("/admin/access/\(id)", [("role-\(employeeRole)", "read")])
            #expect(saved.status == .seeOther)
            #expect(saved.headers[.location]?.hasPrefix("/c/personal/otdel-personala") == true)
            #expect(try await ivan.get("/c/personal/otdel-personala").status == .ok)
            #expect(try await marina.get("/admin/access").status == .notFound, "the whole grid is for those who manage roles")
            // HR manages its own category but only edits Regulations.
            let regulations = try #require(try await marina.get("/c/reglamenty").text.firstMatch(of: #/href="/new\?category=(\d+)"/#)).1
            #expect(try await marina.get("/admin/access/\(regulations)").status == .forbidden)
            #expect(try await marina.postForm("/admin/access/\(regulations)", [("role-\(employeeRole)", "manage")]).status == .forbidden)
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
            #expect(all.text.contains(#"Signed in <code class="meta">login.succeeded</code>"#))
            #expect(all.text.contains(#"Role created <code class="meta">role.created</code>"#))
            let filtered = try await admin.get("/admin/audit?action=role.created")
            #expect(filtered.text.contains("Legal"))
            #expect(!filtered.text.contains("login.succeeded</code>"))
            // A change of rights reads as words, in the reader's language.
            let made = try await admin.postForm("/categories/new", [("title", "Legal"), ("slug", ""), ("parent", ""), ("description", "")])
            #expect(made.status == .seeOther)
            let grants = try await admin.get("/admin/audit?action=grant.changed").text
            #expect(grants.contains("Role Employee: Read in «Legal»"))
            let russian = try await admin.get("/admin/audit?action=grant.changed", headers: [.acceptLanguage: "ru"]).text
            #expect(russian.contains("Роль Сотрудник: Чтение в разделе «Legal»"))
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
            #expect(try await ivan.get("/a/pervyy-rabochiy-den").status == .ok)
            #expect(try await ivan.get("/a/pervyy-rabochiy-den/access").status == .forbidden)
            let form = try await admin.get("/a/pervyy-rabochiy-den/access")
            #expect(form.status == .ok)
            let hr = try #require(form.text.firstMatch(of: #/name="role-(\d+)"> HR/#)).1
            let saved = try await admin.postForm("/a/pervyy-rabochiy-den/access", [("role-\(hr)", "on")])
            #expect(saved.status == .seeOther)
            #expect(try await ivan.get("/a/pervyy-rabochiy-den").status == .notFound)
            #expect(!(try await ivan.get("/c/personal/adaptatsiya").text.contains("pervyy-rabochiy-den")))
            let marina = try await Browser.signIn(client, login: "marina", password: LeakTests.demoPassword)
            #expect(try await marina.get("/a/pervyy-rabochiy-den").status == .ok)
        }
    }
}
