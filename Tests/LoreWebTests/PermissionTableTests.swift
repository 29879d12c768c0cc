import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Testing
@testable import LoreWeb

/// Every route, asked by a guest and by an employee about things hidden from them (HR's internal
/// category and its salary article): nobody gets more than a sign-in page, a refusal or the same
/// 404 as for something missing — and no page shows the hidden title or address.
/// A route added without a row here fails `everyRouteHasARow`.
@Suite struct PermissionTableTests {
    struct Row: Sendable {
        let route: String
        let method: HTTPRequest.Method
        /// `{category}` stands for the hidden category's id.
        let uri: String
        let fields: [(String, String)]
        let employee: HTTPResponse.Status
        let guest: HTTPResponse.Status
        /// The response shows back what was sent (the preview): it must render the hidden title
        /// as a missing page rather than not contain it.
        let echoes: Bool

        init(_ route: String, _ uri: String, employee: HTTPResponse.Status, guest: HTTPResponse.Status = .seeOther,
             fields: [(String, String)] = [], echoes: Bool = false) {
            self.route = route
            self.method = route.hasPrefix("POST") ? .post : .get
            self.uri = uri
            self.fields = fields
            self.employee = employee
            self.echoes = echoes
            // Guests' changes carry no CSRF token: refused before anything else is looked at.
            self.guest = self.method == .post ? .forbidden : guest
        }
    }

    static let hiddenArticle = "/a/salary-review-procedure"

    static let rows: [Row] = [
        Row("GET /", "/", employee: .ok),
        Row("POST /language", "/language", employee: .seeOther, fields: [("lang", "ru"), ("back", "/")]),
        Row("GET /login", "/login", employee: .seeOther, guest: .ok),
        Row("POST /login", "/login", employee: .unauthorized, fields: [("login", "ivan"), ("password", "wrong")]),
        Row("POST /logout", "/logout", employee: .seeOther),
        Row("GET /me", "/me", employee: .ok),
        Row("POST /me/logout-everywhere", "/me/logout-everywhere", employee: .seeOther),
        Row("GET /c/**", "/c/hr/hr-team", employee: .notFound),
        Row("GET /categories/new", "/categories/new?parent={category}", employee: .ok),
        Row("POST /categories/new", "/categories/new", employee: .unprocessableContent,
            fields: [("title", "Inside"), ("parent", "{category}")]),
        Row("GET /categories/{id}/edit", "/categories/{category}/edit", employee: .notFound),
        Row("POST /categories/{id}/edit", "/categories/{category}/edit", employee: .notFound, fields: [("title", "Renamed")]),
        Row("POST /categories/{id}/reorder", "/categories/{category}/reorder", employee: .notFound, fields: [("direction", "up")]),
        Row("POST /categories/{id}/delete", "/categories/{category}/delete", employee: .notFound),
        Row("GET /a/{slug}", hiddenArticle, employee: .notFound),
        Row("GET /a/{slug}/edit", hiddenArticle + "/edit", employee: .notFound),
        Row("POST /a/{slug}/edit", hiddenArticle + "/edit", employee: .notFound, fields: [("title", "x"), ("body", "x")]),
        Row("POST /a/{slug}/delete", hiddenArticle + "/delete", employee: .notFound),
        Row("GET /a/{slug}/access", hiddenArticle + "/access", employee: .notFound),
        Row("POST /a/{slug}/access", hiddenArticle + "/access", employee: .notFound),
        Row("GET /new", "/new?category={category}", employee: .ok),
        Row("POST /new", "/new", employee: .unprocessableContent, fields: [("title", "Sneaky"), ("category", "{category}"), ("body", "x")]),
        Row("POST /preview", "/preview", employee: .ok, fields: [("body", "[[Salary review procedure]]")], echoes: true),
        Row("GET /trash", "/trash", employee: .ok),
        Row("POST /trash/{id}/restore", "/trash/9999/restore", employee: .notFound),
        Row("GET /admin/access", "/admin/access", employee: .notFound),
        Row("GET /admin/access/{id}", "/admin/access/{category}", employee: .notFound),
        Row("POST /admin/access/{id}", "/admin/access/{category}", employee: .notFound),
        Row("GET /admin/roles", "/admin/roles", employee: .notFound),
        Row("POST /admin/roles", "/admin/roles", employee: .notFound, fields: [("name", "Mine")]),
        Row("GET /admin/users", "/admin/users", employee: .notFound),
        Row("GET /admin/users/new", "/admin/users/new", employee: .notFound),
        Row("POST /admin/users/new", "/admin/users/new", employee: .notFound, fields: [("username", "x"), ("displayName", "x")]),
        Row("GET /admin/users/{id}", "/admin/users/2", employee: .notFound),
        Row("POST /admin/users/{id}", "/admin/users/2", employee: .notFound, fields: [("displayName", "x")]),
        Row("POST /admin/users/{id}/active", "/admin/users/2/active", employee: .notFound, fields: [("active", "0")]),
        Row("POST /admin/users/{id}/password-link", "/admin/users/2/password-link", employee: .notFound),
        Row("GET /admin/audit", "/admin/audit", employee: .notFound),
        Row("POST /admin/users/{id}/see-as", "/admin/users/2/see-as", employee: .notFound),
        Row("POST /see-as/stop", "/see-as/stop", employee: .seeOther),
        Row("GET /set-password/{token}", "/set-password/not-a-token", employee: .notFound),
        Row("POST /set-password/{token}", "/set-password/not-a-token", employee: .notFound, fields: [("password", "a long new secret")]),
    ]

    static func arguments() -> AppArguments {
        AppArguments(resourcesDirectory: TestApp.repositoryRoot.path, adminPassword: TestApp.adminPassword, inMemory: true,
                     demoPassword: LeakTests.demoPassword, passwordCost: 4, logLevel: .critical)
    }

    @Test func everyRouteHasARow() async throws {
        let router = try await buildRouter(Self.arguments(), logger: Logger(label: "test"))
        // RouterPath prints parameters as {name}; the recursive wildcard as **.
        let registered = Set(router.routes.map { "\($0.method) \($0.path)" })
        let listed = Set(Self.rows.map(\.route))
        #expect(registered.subtracting(listed).isEmpty, "routes without a row: \(registered.subtracting(listed).sorted())")
        #expect(listed.subtracting(registered).isEmpty, "rows without a route: \(listed.subtracting(registered).sorted())")
    }

    @Test func nobodyReachesWhatIsHiddenFromThem() async throws {
        let app = try await buildApplication(Self.arguments())
        try await app.test(.router) { client in
            let admin = try await Browser.signIn(client, login: "admin", password: TestApp.adminPassword)
            let grid = try await admin.get("/admin/access").text
            let category = String(try #require(grid.firstMatch(of: #/href="/admin/access/(\d+)">HR team \(internal\)/#)).1)
            for row in Self.rows {
                let uri = row.uri.replacingOccurrences(of: "{category}", with: category)
                let fields = row.fields.map { ($0.0, $0.1.replacingOccurrences(of: "{category}", with: category)) }
                let employee = try await Browser.signIn(client, login: "ivan", password: LeakTests.demoPassword)
                let guest = Browser(client: client)
                for (who, browser, expected) in [("employee", employee, row.employee), ("guest", guest, row.guest)] {
                    let response = row.method == .post ? try await browser.postForm(uri, fields) : try await browser.get(uri)
                    #expect(response.status == expected, "\(who): \(row.route) \(uri)")
                    if row.echoes, response.status == .ok {
                        #expect(response.text.contains("wikilink missing"), "\(who): \(row.route) resolves a hidden title")
                        continue
                    }
                    // What the person typed may come back (the language switch's return path); nothing else may.
                    let page = response.text.replacingOccurrences(of: #"name="back" value="[^"]*""#, with: "", options: .regularExpression)
                    for marker in ["Salary review", "salary-review-procedure", "HR team (internal)", "hr-team", "Hiring process"] {
                        #expect(!page.contains(marker), "\(who): \(row.route) shows \(marker)")
                    }
                }
            }
        }
    }
}
