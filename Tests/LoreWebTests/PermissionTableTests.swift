import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Testing
@testable import LoreWeb

/// Runs ``PermissionTable``: every route, for the administrator, HR, sales, an employee and a
/// guest, on an open category, a restricted one, inherited and overridden grants and a
/// restricted article. Each answer must be the expected one — and no page may show the title
/// or address of anything hidden from the person asking. A route added without a row fails
/// `everyRouteHasARow`.
@Suite struct PermissionTableTests {
    typealias Person = PermissionTable.Person

    static func arguments() -> AppArguments {
        AppArguments(resourcesDirectory: TestApp.repositoryRoot.path, adminPassword: TestApp.adminPassword, inMemory: true,
                     demoPassword: LeakTests.demoPassword, passwordCost: 4, logLevel: .critical)
    }

    @Test func everyRouteHasARow() async throws {
        let router = try await buildRouters(Self.arguments(), logger: Logger(label: "test")).web
        // RouterPath prints parameters as {name}; the recursive wildcard as **.
        let registered = Set(router.routes.map { "\($0.method) \($0.path)" })
        let listed = Set(PermissionTable.rows.map(\.route))
        #expect(registered.subtracting(listed).isEmpty, "routes without a row: \(registered.subtracting(listed).sorted())")
        #expect(listed.subtracting(registered).isEmpty, "rows without a route: \(listed.subtracting(registered).sorted())")
    }

    /// One application per person, as the last rows trash the sample articles.
    @Test(arguments: Person.allCases)
    func everyRouteAnswersAsTheTableSays(person: Person) async throws {
        let app = try await buildApplication(Self.arguments())
        try await app.test(.router) { client in
            let admin = try await Browser.signIn(client, login: "admin", password: TestApp.adminPassword)
            try await Self.addPeopleAndPlaces(admin)
            let ids = try await Self.categoryIds(admin)
            try await Self.restrictGlossary(admin)
            try await Self.hideFireSafetyHistory(admin, ids)
            try await Self.limitSalesToOwnClients(admin, ids)
            let files = try await Self.uploadFiles(admin)
            var browser = try await Self.browser(for: person, client)
            for row in PermissionTable.rows {
                let perResource = row.need != nil || (row.uri + row.fields.map { $0.0 + $0.1 }.joined()).contains("{")
                for resource in perResource ? PermissionTable.resources : [PermissionTable.resources[0]] {
                    let fill = { (text: String) in Self.fill(text, resource, ids, files, for: person) }
                    let uri = fill(row.uri)
                    let fields = row.fields.map { (fill($0.0), fill($0.1)) }
                    let response = row.method == .post ? try await browser.postForm(uri, fields) : try await browser.get(uri)
                    let context = "\(person) \(row.route) on \(resource.name)"
                    let expected = row.expected(person, on: resource)
                    #expect(response.status == expected, "\(context)")
                    Self.expectNothingHidden(in: response, for: person, echoes: row.echoes, context)
                    if row.endsSession { browser = try await Self.browser(for: person, client) }
                }
            }
        }
    }

    /// No title, address or category of what the person may not read, on any page they get.
    static func expectNothingHidden(in response: TestResponse, for person: Person, echoes: Bool, _ context: String) {
        // What the person typed may come back (the language switch's return path); nothing else may.
        let page = response.text.replacingOccurrences(of: #"name="back" value="[^"]*""#, with: "", options: .regularExpression)
        for resource in PermissionTable.resources {
            var markers: [String] = []
            if !resource.readsArticle(person) { markers += resource.articleMarkers }
            if resource.level(person) < .read { markers += resource.categoryMarkers }
            // A parent the person may not see: neither its title nor its address, not even in its child's.
            if let parent = resource.parentTitle, resource.visiblePath != nil, person != .admin {
                markers += [">\(parent)<", "/c/\(resource.categoryPath)", "\"/c/\(resource.categoryPath.split(separator: "/")[0])\""]
            }
            if echoes, page.contains("wikilink missing") { markers.removeAll { $0 == resource.title } }
            if let secret = resource.secret, !secret.readers.contains(person) { markers.append(secret.word) }
            for marker in markers {
                #expect(!page.contains(marker), "\(context) shows \(marker)")
            }
        }
        for client in PermissionTable.clients where !client.readers.contains(person) {
            #expect(!page.contains(client.name), "\(context) shows the client \(client.name)")
        }
    }

    static func browser(for person: Person, _ client: any TestClientProtocol) async throws -> Browser {
        switch person {
        case .guest: Browser(client: client)
        case .admin: try await Browser.signIn(client, login: "admin", password: TestApp.adminPassword)
        default: try await Browser.signIn(client, login: person.rawValue, password: LeakTests.demoPassword)
        }
    }

    /// Category and role ids by title, read off the administrator's pages.
    static func categoryIds(_ admin: Browser) async throws -> [String: String] {
        var ids: [String: String] = [:]
        for match in try await admin.get("/admin/access").text.matches(of: #/href="/admin/access/(\d+)">([^<]+)</a>/#) {
            ids[String(match.2)] = String(match.1)
        }
        for match in try await admin.get("/admin/roles").text.matches(of: #/href="/admin/roles/(\d+)">([^<]+)</a>/#) {
            ids["role " + String(match.2)] = String(match.1)
        }
        return ids
    }

    /// What the sample lacks: Nadia, who manages users without being an administrator, and
    /// "Vault › Open shelf", which every employee reads while only the administrator sees Vault.
    static func addPeopleAndPlaces(_ admin: Browser) async throws {
        #expect(try await admin.postForm("/admin/roles", [("name", "People")]).status == .seeOther)
        let roles = try await admin.get("/admin/roles").text
        let people = try #require(roles.firstMatch(of: #/href="/admin/roles/(\d+)">People</#)).1
        #expect(try await admin.postForm("/admin/roles/\(people)", [("name", "People"), ("capability-users.manage", "on")]).status == .seeOther)
        let invited = try await admin.postForm("/admin/users/new", [("username", "nadia"), ("displayName", "Nadia Smirnova"), ("email", ""),
                                                                  ("role-\(people)", "on")])
        let link = String(try #require(invited.text.firstMatch(of: #/<code>http://[^/<]+(/set-password/[A-Za-z0-9_-]+)</code>/#)).1)
        var nadia = Browser(client: admin.client)
        let csrf = Browser.hiddenCSRF(in: try await nadia.execute(link, method: .get, headers: [:], body: nil).text) ?? ""
        let set = try await nadia.execute(link, method: .post, headers: TestApp.formHeaders,
                                         body: TestApp.formBody([("_csrf", csrf), ("password", LeakTests.demoPassword)]))
        #expect(set.status == .seeOther)

        #expect(try await admin.postForm("/categories/new", [("title", "Vault"), ("slug", "vault"), ("parent", ""), ("description", "")])
            .status == .seeOther)
        var ids = try await categoryIds(admin)
        let vault = try #require(ids["Vault"])
        #expect(try await admin.postForm("/categories/new", [("title", "Open shelf"), ("slug", "open-shelf"), ("parent", vault),
                                                           ("description", "")]).status == .seeOther)
        ids = try await categoryIds(admin)
        let shelf = try #require(ids["Open shelf"])
        let employee = try #require(ids["role Employee"])
        #expect(try await admin.postForm("/admin/access/\(vault)", [("role-\(employee)", "none")]).status == .seeOther)
        #expect(try await admin.postForm("/admin/access/\(shelf)", [("role-\(employee)", "read")]).status == .seeOther)
        try await addMovedAndRedacted(admin, ids)
        #expect(try await admin.postForm("/new", EditingRoutesTests.articleFields(
            title: "Quokka shelf inventory", slug: "quokka-shelf", category: shelf, body: "What stands on the shelf.", base: "")).status == .seeOther)
    }

    /// "Moved memo", written in HR's internal category with a secret, cleaned and moved to the open
    /// one keeping its history; "Redacted note", whose first revision's secret was removed.
    static func addMovedAndRedacted(_ admin: Browser, _ ids: [String: String]) async throws {
        let hrTeam = try #require(ids["Отдел персонала (внутреннее)"]), company = try #require(ids["О компании"])
        for (title, slug, category, secret) in [("Moved marmoset memo", "moved-memo", hrTeam, "movedsecret4711"),
                                                 ("Redacted ocelot note", "redacted-note", company, "redactedsecret4712")] {
            #expect(try await admin.postForm("/new", EditingRoutesTests.articleFields(
                title: title, slug: slug, category: category, body: "Draft with \(secret).", base: "")).status == .seeOther)
            #expect(try await admin.postForm("/a/\(slug)/edit", EditingRoutesTests.articleFields(
                title: title, slug: slug, category: category, body: "Clean text.", base: "1")).status == .seeOther)
        }
        #expect(try await admin.postForm("/a/moved-memo/edit", EditingRoutesTests.articleFields(
            title: "Moved marmoset memo", slug: "moved-memo", category: company, body: "Clean text.", base: "2") + [("history", "keep")]).status == .seeOther)
        #expect(try await admin.postForm("/a/redacted-note/revisions/1/redact", []).status == .seeOther)
    }

    static func restrictGlossary(_ admin: Browser) async throws {
        let form = try await admin.get("/a/glossariy/access").text
        let sales = try #require(form.firstMatch(of: #/name="role-(\d+)"> Sales/#)).1
        #expect(try await admin.postForm("/a/glossariy/access", [("role-\(sales)", "on")]).status == .seeOther)
    }

    static func hideFireSafetyHistory(_ admin: Browser, _ ids: [String: String]) async throws {
        let id = try #require(ids["Пожарная безопасность"])
        let saved = try await admin.postForm("/categories/\(id)/edit", [
            ("title", "Пожарная безопасность"), ("slug", "pozharnaya-bezopasnost"), ("parent", ids["Регламенты"] ?? ""), ("hideHistory", "on"),
        ])
        #expect(saved.status == .seeOther)
    }

    /// Sales sees only the clients its holders are responsible for, in these tests.
    static func limitSalesToOwnClients(_ admin: Browser, _ ids: [String: String]) async throws {
        let id = try #require(ids["role Sales"])
        let saved = try await admin.postForm("/admin/roles/\(id)", [
            ("name", "Sales"), ("capability-clients.read", "on"), ("capability-clients.edit", "on"),
            ("capability-clients.export", "on"), ("capability-clients.only-own", "on"),
        ])
        #expect(saved.status == .seeOther)
    }

    /// A file on every sample article and client card, by its owner's slug.
    static func uploadFiles(_ admin: Browser) async throws -> [String: String] {
        var files: [String: String] = [:]
        let owners = PermissionTable.resources.map { ("/a/\($0.slug)", $0.slug, "notes.txt") }
            + PermissionTable.clients.map { ("/clients/\($0.slug)", $0.slug, "card.txt") }
        for (path, slug, name) in owners {
            let response = try await admin.postFile("\(path)/files?name=\(name)", Array("Contents of \(slug)".utf8))
            #expect(response.status == .created, "upload to \(path)")
            files[slug] = try #require(response.text.firstMatch(of: #/"id":(\d+)/#)).1.description
        }
        return files
    }

    static func fill(_ text: String, _ resource: PermissionTable.Resource, _ ids: [String: String], _ files: [String: String] = [:],
                     for person: Person = .admin) -> String {
        var text = text
        for (slug, id) in files { text = text.replacingOccurrences(of: "{file:\(slug)}", with: id) }
        return text.replacingOccurrences(of: "{file}", with: files[resource.slug] ?? "0")
            .replacingOccurrences(of: "{slug}", with: resource.slug)
            .replacingOccurrences(of: "{path}", with: resource.categoryPath(for: person))
            .replacingOccurrences(of: "{titleTail}", with: resource.title.split(separator: " ").dropFirst().joined(separator: "+"))
            .replacingOccurrences(of: "{titleStart}", with: String(resource.title.prefix(4)))
            .replacingOccurrences(of: "{title}", with: resource.title)
            .replacingOccurrences(of: "{category}", with: ids[resource.categoryTitle] ?? "0")
            .replacingOccurrences(of: "{parent}", with: resource.parentTitle.flatMap { ids[$0] } ?? "")
            .replacingOccurrences(of: "{restrictTo}", with: resource.restrictTo.flatMap { ids["role " + $0] } ?? "0")
    }
}
