import Foundation
import Hummingbird
import HummingbirdTesting
import LoreCore
import LoreWeb
import Testing

/// `/healthz`, `/metrics` and the request id every answer carries.
@Suite struct OpsRoutesTests {
    static func app(metricsToken: String?) async throws -> some ApplicationProtocol {
        try await buildApplication(AppArguments(
            resourcesDirectory: TestApp.repositoryRoot.path,
            contentDirectory: TestApp.repositoryRoot.appendingPathComponent("Tests/Fixtures/Content").path,
            adminPassword: TestApp.adminPassword, inMemory: true, demoAccounts: false, passwordCost: 4, metricsToken: metricsToken,
            logLevel: .critical))
    }

    @Test func healthAnswersWithoutASession() async throws {
        try await Self.app(metricsToken: nil).test(.router) { client in
            let response = try await client.execute(uri: "/healthz", method: .get)
            #expect(response.status == .ok && response.text == #"{"status":"ok","database":"ok"}"#)
            #expect(response.headers[.setCookie] == nil, "a health check starts no session")
        }
    }

    @Test func metricsNeedTheTokenAndCountRequestsByRoute() async throws {
        try await Self.app(metricsToken: "scrape-secret").test(.router) { client in
            _ = try await client.execute(uri: "/a/vacations", method: .get)
            _ = try await client.execute(uri: "/api/v1/me", method: .get)
            #expect(try await client.execute(uri: "/metrics", method: .get).status == .notFound)
            #expect(try await client.execute(uri: "/metrics", method: .get, headers: [.authorization: "Bearer wrong"]).status == .notFound)
            let metrics = try await client.execute(uri: "/metrics", method: .get, headers: [.authorization: "Bearer scrape-secret"])
            #expect(metrics.status == .ok)
            #expect(metrics.text.contains(#"lore_http_requests_total{route="/a/{slug}",method="GET",status="303"} 1"#))
            #expect(metrics.text.contains(#"lore_http_requests_total{route="/api/v1/me",method="GET",status="401"} 1"#))
            #expect(metrics.text.contains("lore_http_request_duration_seconds_bucket"))
            #expect(metrics.text.contains("lore_articles 3.0") && metrics.text.contains("lore_clients 0.0"))
            #expect(!metrics.text.contains("vacations"), "addresses never become labels")
        }
    }

    @Test func withoutATokenMetricsAreForTheLoopbackAddressOnly() async throws {
        // The test client has no network address, like a request from elsewhere.
        try await Self.app(metricsToken: nil).test(.router) { client in
            let response = try await client.execute(uri: "/metrics", method: .get)
            #expect(response.status == .notFound)
        }
    }

    @Test func everyAnswerAndErrorPageNamesItsRequest() async throws {
        try await TestApp.run { admin in
            let page = try await admin.get("/a/no-such-page")
            let id = try #require(page.headers[.init("X-Request-Id")!])
            #expect(page.status == .notFound && page.text.contains("<code>\(id)</code>"))
            let api = try await admin.get("/api/v1/me")
            #expect(api.headers[.init("X-Request-Id")!] != nil && api.headers[.init("X-Request-Id")!] != id)
        }
    }
}

/// The administrators' backup page makes a verified archive and lists it.
@Suite struct BackupRoutesTests {
    @Test func anAdministratorBacksUpFromThePage() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lore-web-backups-\(UUID().uuidString)")
        let app = try await buildApplication(AppArguments(
            resourcesDirectory: TestApp.repositoryRoot.path,
            contentDirectory: TestApp.repositoryRoot.appendingPathComponent("Tests/Fixtures/Content").path,
            adminPassword: TestApp.adminPassword, inMemory: true, demoAccounts: false, passwordCost: 4, backupDirectory: folder.path,
            backupInterval: 86_400, logLevel: .critical))
        try await app.test(.router) { client in
            let admin = try await Browser.signIn(client, login: "admin", password: TestApp.adminPassword)
            let empty = try await admin.get("/admin/backups")
            #expect(empty.status == .ok && empty.text.contains("every day") && empty.text.contains("There is no backup yet."))
            let made = try await admin.postForm("/admin/backups", [])
            #expect(made.status == .seeOther)
            let page = try await admin.get("/admin/backups?notice=backup_made")
            #expect(page.text.contains("lore-backup-") && page.text.contains("made and verified"))
            let archive = try #require(try FileManager.default.contentsOfDirectory(atPath: folder.path).first { $0.hasSuffix(".tar") })
            #expect(try BackupArchive.verify(folder.appendingPathComponent(archive)).articles == 3)
            #expect(try await admin.get("/admin/audit").text.contains("backup.created"))
        }
    }
}
