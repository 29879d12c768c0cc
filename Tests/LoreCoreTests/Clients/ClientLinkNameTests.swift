import Foundation
import GRDB
import Testing
@testable import LoreCore

/// `[[client:slug]]` shows the card's name to those who may see the card, and only to them.
@Suite struct ClientLinkNameTests {
    @Test func aBareClientLinkShowsTheNameToThoseWhoSeeTheCard() async throws {
        let world = try await TestWorld()
        let globex = try await world.client("Globex <Intl>")
        let html = try MarkdownRenderer().render("Call [[client:\(globex.slug)]] and [[client:\(globex.slug)|our friends]].",
                                                 resolver: StaticWikiLinkResolver(slugsByKey: [:])).html
        let employee = try await world.user("ivan")
        let (seen, hidden) = try await world.database.reader.read { db in
            (try VisibleLinks.html(html, policy: AccessPolicy(world.principal), db), try VisibleLinks.html(html, policy: AccessPolicy(employee), db))
        }
        #expect(seen.contains(">Globex &lt;Intl&gt;</a>") && seen.contains(">our friends</a>"))
        #expect(!hidden.contains("Globex") && hidden.contains("missing"))
    }
}
