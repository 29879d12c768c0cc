import Foundation
import Testing
@testable import LoreCore

/// The article page is read through one viewer: everything on it is the reader's, from one snapshot.
@Suite struct ArticlePageTests {
    @Test func aPageHoldsWhatItsReaderMaySeeAndNothingElse() async throws {
        let world = try await TestWorld()
        let employeeRole = try await world.roles.role(kind: .employee)
        let vault = try await world.category("Vault")
        let shelf = try await world.category("Shelf", in: vault)
        try await world.grant(AccessLevel.none, to: employeeRole, on: vault)
        try await world.grant(.read, to: employeeRole, on: shelf)
        let article = try await world.article("Inventory", in: shelf)
        let hidden = try await world.article("Vault rules", in: vault, body: "See [[Inventory]].")
        _ = try await world.article("Shelf guide", in: shelf, body: "See [[Inventory]].")
        let ivan = try await world.user("ivan")

        guard case .page(let page) = try await world.queries.page(slug: article.slug, for: ivan) else {
            Issue.record("the page was not found")
            return
        }
        #expect(page.level == .read)
        #expect(page.lineage.map(\.title) == ["Shelf"], "the hidden parent is not in the breadcrumbs")
        #expect(page.category.path == "shelf")
        #expect(page.backlinks.map(\.title) == ["Shelf guide"], "a hidden page linking here is not named")
        #expect(try await world.categories.tree(for: ivan).map(\.category.title) == ["Shelf"])
        await #expect(throws: NotFound.self) { try await world.queries.page(slug: hidden.slug, for: ivan) }
        guard case .page(let full) = try await world.queries.page(slug: article.slug, for: world.principal) else { return }
        #expect(Set(full.backlinks.map(\.title)) == ["Shelf guide", "Vault rules"])
        #expect(full.lineage.map(\.title) == ["Vault", "Shelf"])

        let shelfPage = try await world.categories.page(path: "shelf", for: ivan)
        #expect(shelfPage.articles.map(\.title) == ["Inventory", "Shelf guide"] && shelfPage.lineage.map(\.title) == ["Shelf"])
        await #expect(throws: NotFound.self) { try await world.categories.page(path: "vault/shelf", for: ivan) }
        #expect(try await world.categories.page(path: "vault/shelf", for: world.principal).articles.count == 2)
    }
}
