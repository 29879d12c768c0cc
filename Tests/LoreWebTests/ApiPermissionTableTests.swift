import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Testing
@testable import LoreWeb

/// Runs ``ApiPermissionTable`` with a personal token for each person (none for the guest):
/// every API route answers as the person's rights on the web say, and no answer names
/// anything hidden from them.
@Suite struct ApiPermissionTableTests {
    typealias Person = PermissionTable.Person

    @Test func everyApiRouteHasARow() async throws {
        let router = try await buildRouters(PermissionTableTests.arguments(), logger: Logger(label: "test")).api
        let registered = Set(router.routes.map { "\($0.method) \($0.path)" })
        let listed = Set(ApiPermissionTable.rows.map(\.route))
        #expect(registered.subtracting(listed).isEmpty, "API routes without a row: \(registered.subtracting(listed).sorted())")
        #expect(listed.subtracting(registered).isEmpty, "rows without an API route: \(listed.subtracting(registered).sorted())")
    }

    @Test(arguments: Person.allCases)
    func everyApiRouteAnswersAsTheTableSays(person: Person) async throws {
        let app = try await buildApplication(PermissionTableTests.arguments())
        try await app.test(.router) { client in
            let admin = try await Browser.signIn(client, login: "admin", password: TestApp.adminPassword)
            try await PermissionTableTests.addPeopleAndPlaces(admin)
            let ids = try await PermissionTableTests.categoryIds(admin)
            try await PermissionTableTests.restrictGlossary(admin)
            try await PermissionTableTests.hideFireSafetyHistory(admin, ids)
            try await PermissionTableTests.limitSalesToOwnClients(admin, ids)
            let files = try await PermissionTableTests.uploadFiles(admin)
            let caller = person.isGuest
                ? ApiCaller(client: client, token: nil)
                : try await ApiCaller.make(try await PermissionTableTests.browser(for: person, client))
            for row in ApiPermissionTable.rows {
                for resource in row.isPerResource ? PermissionTable.resources : [PermissionTable.resources[0]] {
                    let fill = { (text: String) in PermissionTableTests.fill(text, resource, ids, files, for: person) }
                    let response = try await caller.send(row.method, fill(row.uri), json: row.json.map(fill), headers: row.headers)
                    let context = "\(person) \(row.route) \(fill(row.uri)) on \(resource.name)"
                    #expect(response.status == row.expected(person, on: resource), "\(context): \(response.text.prefix(300))")
                    PermissionTableTests.expectNothingHidden(in: response, for: person, echoes: false, context)
                }
            }
        }
    }
}
