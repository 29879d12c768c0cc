import Foundation
import GRDB
import Testing
@testable import LoreCore

/// A word on more than a thousand pages: the count stops at "more than 1,000", pages still
/// come, the best match still comes first, and rights still narrow everything.
@Suite struct BroadSearchTests {
    /// 1,100 pages saying "warehouse" in an open category, 300 in a hidden one, and last one
    /// page with the word in its title.
    func world() async throws -> (TestWorld, reader: Principal) {
        let world = try await TestWorld()
        let open = try await world.category("Open")
        let hidden = try await world.category("Hidden")
        let reader = try await world.user("reader")
        let employee = try #require(try await world.roles.roles().first { $0.kind == .employee })
        try await world.grant(AccessLevel.none, to: employee, on: hidden)
        try await world.database.writer.write { db in
            // Written directly: a thousand saves through the service would only slow the test.
            let now = Date()
            for number in 0..<1400 {
                var article = Article(
                    slug: "page-\(number)", title: "Page \(number)", titleKey: "page-\(number)", categoryId: (number < 1100 ? open : hidden).id!,
                    body: "The warehouse keeps pallets number \(number).", html: "<p>The warehouse keeps pallets number \(number).</p>",
                    outline: [], position: 0, revision: 1, createdById: 1, createdAt: now, updatedById: 1, updatedAt: now)
                try article.insert(db)
                try SearchIndex.update(article, db)
            }
        }
        try await world.article("Warehouse map", in: open, body: "Where each warehouse zone is.")
        return (world, reader)
    }

    @Test func theCountStopsPastAThousandAndPagesStillCome() async throws {
        let (world, reader) = try await world()
        let search = SearchService(database: world.database)
        let expression = SearchQuery("warehouse")
        for principal in [world.principal, reader] {
            let first = try await search.search(expression, for: principal)
            #expect(first.total == SearchService.countLimit + 1, "more than 1,000")
            #expect(first.hits.count == 20)
            #expect(first.hits.first?.title == "Warehouse map", "a title match among many body matches comes first")
            let fifth = try await search.search(expression, page: 5, for: principal)
            #expect(fifth.hits.count == 20)
            #expect(Set(fifth.hits.map(\.slug)).isDisjoint(with: first.hits.map(\.slug)))
        }
    }

    @Test func anUnfinishedWordOnNoPageStillFindsTheThousandItBegins() async throws {
        let (world, reader) = try await world()
        let search = SearchService(database: world.database)
        for principal in [world.principal, reader] {
            // "wareh" is on no page: its candidates come from the typed prefix, ranked in full.
            let found = try await search.search(SearchQuery("wareh"), for: principal)
            #expect(found.total == SearchService.countLimit + 1)
            #expect(found.hits.count == 20)
            #expect(found.hits.first?.title == "Warehouse map")
        }
    }

    @Test func aNarrowSearchCountsExactlyWhatTheReaderMaySee() async throws {
        let (world, reader) = try await world()
        let search = SearchService(database: world.database)
        let expression = SearchQuery("+pallets +1250")
        #expect(try await search.search(expression, for: world.principal).total == 1)
        #expect(try await search.search(expression, for: reader).total == 0, "page 1250 is in the hidden category")
        let hiddenOnly = SearchQuery("+warehouse +1399")
        #expect(try await search.search(hiddenOnly, for: reader).hits.isEmpty)
        let ranked = try await search.search(SearchQuery("warehouse 1399"), for: reader)
        #expect(ranked.hits.first?.title == "Warehouse map", "the hidden page that has both words is not among them")
        #expect(!ranked.hits.contains { $0.slug == "page-1399" })
    }
}
