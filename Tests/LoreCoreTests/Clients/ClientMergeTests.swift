import Foundation
import GRDB
import Testing
@testable import LoreCore

/// Two cards for one client become one, and restoring the other from the trash undoes it.
@Suite struct ClientMergeTests {
    @Test func aMergeCombinesTheCardsAndRestoringTheOtherUndoesIt() async throws {
        let world = try await TestWorld()
        var draft = ClientDraft()
        draft.name = "Ромашка"
        draft.status = "active"
        draft.inn = ""
        let kept = try await world.clients.create(draft, by: world.principal)
        draft.name = "ООО Ромашка"
        draft.inn = "7707083893"
        let other = try await world.clients.create(draft, by: world.principal)
        try await world.contact("Анна", on: kept)
        try await world.contact("Борис", on: other)
        try await world.interaction(on: other, "Звонок", nextStep: "Выслать КП", due: isoDay(2))
        var purchase = PurchaseDraft()
        purchase.amount = "1000"
        try await world.clients.addPurchase(purchase, to: other.slug, by: world.principal)

        let sales = try await world.user("sales", roles: [world.role("Sales", [.clientsRead, .clientsEdit])])
        await #expect(throws: AccessDenied.self) { try await world.clients.merge(other.slug, into: kept.slug, taking: [], by: sales) }

        let merged = try await world.clients.merge(other.slug, into: kept.slug, taking: ["inn"], by: world.principal)
        #expect(merged.name == "Ромашка" && merged.inn == "7707083893")
        let card = try await world.clientQueries.card(slug: kept.slug, for: world.principal)
        #expect(Set(card.contacts.map(\.name)) == ["Анна", "Борис"] && card.interactions.count == 1)
        #expect(try await world.clientQueries.purchases(ofClient: kept.id!, for: world.principal).count == 1)
        #expect(try await world.stored(other)?.deletedAt != nil, "the other card is in the trash")

        try await world.clients.restore(slug: other.slug, by: world.principal)
        let undone = try await world.clientQueries.card(slug: kept.slug, for: world.principal)
        #expect(undone.client.inn == "" && undone.contacts.map(\.name) == ["Анна"] && undone.interactions.isEmpty)
        let back = try await world.clientQueries.card(slug: other.slug, for: world.principal)
        #expect(back.contacts.map(\.name) == ["Борис"] && back.interactions.count == 1)
        #expect(try await world.count("SELECT COUNT(*) FROM auditEntry WHERE action IN ('clients.merged', 'clients.unmerged')") == 2)
    }

    @Test func articlesLinkingTheMergedCardLeadToTheKeptOneUntilTheMergeIsUndone() async throws {
        let world = try await TestWorld()
        let kept = try await world.client("Ромашка")
        let other = try await world.client("Ромашка опт")
        let sales = try await world.category("Продажи")
        let article = try await world.article("Скрипт для Ромашки", in: sales, body: "Звонить по [[client:\(other.slug)]].")
        try await world.clients.merge(other.slug, into: kept.slug, taking: [], by: world.principal)

        let html = try await world.queries.visibleHTML(of: article, for: world.principal)
        #expect(html.contains("<a class=\"wikilink client-link\" href=\"/clients/\(kept.slug)\">Ромашка</a>"))
        #expect(try await world.clientQueries.card(slug: kept.slug, for: world.principal).knowledge.map(\.slug) == [article.slug])
        #expect(try await world.clientQueries.mergedCard(slug: other.slug, for: world.principal) == kept.slug)
        let employee = try await world.user("ivan")
        #expect(try await world.clientQueries.mergedCard(slug: other.slug, for: employee) == nil, "no card is revealed to those who may not see it")

        try await world.clients.restore(slug: other.slug, by: world.principal)
        let restored = try await world.queries.visibleHTML(of: article, for: world.principal)
        #expect(restored.contains("href=\"/clients/\(other.slug)\">Ромашка опт</a>"))
        #expect(try await world.clientQueries.card(slug: kept.slug, for: world.principal).knowledge.isEmpty)
    }
}

