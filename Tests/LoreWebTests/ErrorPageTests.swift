import Foundation
import Hummingbird
import HummingbirdTesting
import LoreCore
import Testing
@testable import LoreWeb

@Suite struct ErrorPageTests {
    struct Secret: Error, CustomStringConvertible {
        var description: String { "SQLITE secret /var/lib/lore path and stack" }
    }

    /// Stands in for the session middleware: an administrator is acting.
    struct ActAsAdministrator: RouterMiddleware {
        func handle(_ request: Request, context: AppRequestContext, next: (Request, AppRequestContext) async throws -> Response) async throws -> Response {
            var context = context
            context.principal = Principal(userId: 1, displayName: "Admin", roleIds: [], isAdministrator: true, capabilities: [])
            return try await next(request, context)
        }
    }

    @Test func unexpectedErrorsShowAPageWithoutInternals() async throws {
        let views = try await ViewRenderer(templatesDirectory: TestApp.repositoryRoot.appendingPathComponent("Templates").path)
        let services = AppServices(database: try AppDatabase.inMemory(), views: views, apiSchemas: try ApiSchemas(document: Data("{}".utf8)))
        let router = Router(context: AppRequestContext.self)
        router.addMiddleware {
            ActAsAdministrator()
            ErrorPageMiddleware(services: services)
        }
        router.get("/boom") { _, _ -> Response in throw Secret() }
        try await Application(router: router).test(.router) { client in
            let response = try await client.execute(uri: "/boom", method: .get, headers: [:], body: nil)
            #expect(response.status == .internalServerError)
            #expect(response.text.contains("Something went wrong"))
            #expect(response.text.contains("class=\"site-header\""))
            #expect(!response.text.contains("SQLITE"))
            #expect(!response.text.contains("secret"))
        }
    }
}
