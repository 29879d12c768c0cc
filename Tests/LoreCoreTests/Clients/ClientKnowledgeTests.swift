import Foundation
import GRDB
import Testing
@testable import LoreCore

/// Articles about a client: `[[client:…]]` links and links made by hand, each shown only to
/// those who may read both sides.
@Suite struct ClientKnowledgeTests {
    struct Setup {
        let world: TestWorld
        /// clients.read and .edit; an ordinary employee otherwise.
        let sales: Principal
        /// An employee without client rights.
        let employee: Principal
        let open: Category
        /// A category hidden from employees.
        let secret: Category
        let client: Client
    }

    func setup() async throws -> Setup {
        let world = try await TestWorld()
        let sales = try await world.user("sales", roles: [world.role("Sales", [.clientsRead, .clientsEdit])])
        let employee = try await world.user("employee")
        let open = try await world.category("Open")
        let secret = try await world.category("Board")
        try await world.grant(AccessLevel.none, to: world.roles.role(kind: .employee), on: secret)
        let client = try await world.client("Ромашка")
        return Setup(world: world, sales: sales, employee: employee, open: open, secret: secret, client: client)
    }

    @Test func articlesThatMentionTheCardAreItsKnowledge() async throws {
        let s = try await setup()
        try await s.world.article("Как работать с Ромашкой", in: s.open, body: "Ключевой клиент: [[client:\(s.client.slug)]].")
        try await s.world.article("Прайс-лист", in: s.open, body: "Без упоминаний клиентов.")
        let knowledge = try await s.world.clientQueries.card(slug: s.client.slug, for: s.sales).knowledge
        #expect(knowledge.map(\.title) == ["Как работать с Ромашкой"])
        #expect(knowledge.first?.linkedByHand == false)
        #expect(knowledge.first?.categoryId == s.open.id)
    }

    @Test func knowledgeFollowsTheArticleAsItChanges() async throws {
        let s = try await setup()
        let mention = try await s.world.article("Памятка", in: s.open, body: "См. [[client:\(s.client.slug)]].")
        let byHand = try await s.world.article("Регламент", in: s.open)
        try await s.world.clients.linkArticle(byHand.slug, to: s.client.slug, by: s.sales)
        func titles() async throws -> [String] {
            try await s.world.clientQueries.card(slug: s.client.slug, for: s.sales).knowledge.map(\.title)
        }
        #expect(try await titles() == ["Памятка", "Регламент"])

        // The mention removed from the text, the article no longer concerns the card.
        _ = try await s.world.articles.save(id: mention.id!, ArticleDraft(title: "Памятка", categoryId: s.open.id!, body: "Без ссылок."),
                                            baseRevision: mention.revision, by: s.world.principal)
        #expect(try await titles() == ["Регламент"])
        // Moved where the viewer cannot read, it is gone from their card.
        _ = try await s.world.articles.save(id: byHand.id!, ArticleDraft(title: "Регламент", categoryId: s.secret.id!, body: "Text."),
                                            baseRevision: byHand.revision, by: s.world.principal)
        #expect(try await titles().isEmpty)
        #expect(try await s.world.clientQueries.card(slug: s.client.slug, for: s.world.principal).knowledge.map(\.title) == ["Регламент"])
        // Trashed, it is gone for everyone.
        try await s.world.articles.delete(id: byHand.id!, by: s.world.principal)
        #expect(try await s.world.clientQueries.card(slug: s.client.slug, for: s.world.principal).knowledge.isEmpty)
    }

    @Test func articlesTheViewerCannotReadAreNotShownOnTheCard() async throws {
        let s = try await setup()
        let secretTitle = "Секретные условия для Ромашки"
        let hidden = try await s.world.article(secretTitle, in: s.secret, body: "Скидка 40%: [[client:\(s.client.slug)]].")
        try await s.world.clients.linkArticle(hidden.slug, to: s.client.slug, by: s.world.principal)
        try await s.world.article("Открытая памятка", in: s.open, body: "[[client:\(s.client.slug)]]")

        let card = try await s.world.clientQueries.card(slug: s.client.slug, for: s.sales)
        #expect(card.knowledge.map(\.title) == ["Открытая памятка"])
        #expect(!String(describing: card).contains(secretTitle))
        #expect(!String(describing: card).contains(hidden.slug))
        // The administrator sees both, the hidden one linked by hand too.
        let full = try await s.world.clientQueries.card(slug: s.client.slug, for: s.world.principal).knowledge
        #expect(full.map(\.title) == ["Открытая памятка", secretTitle])
        #expect(String(describing: try await s.world.clientQueries.card(slug: s.client.slug, for: s.world.principal)).contains(secretTitle))
        #expect(full.last?.linkedByHand == true)
    }

    @Test func articlesRestrictedToOtherRolesAreNotShownOnTheCard() async throws {
        let s = try await setup()
        let legal = try await s.world.role("Legal")
        let lawyer = try await s.world.user("lawyer", roles: [legal, s.world.role("Clients", [.clientsRead])])
        let restricted = try await s.world.article("Претензия к Ромашке", in: s.open, body: "[[client:\(s.client.slug)]]")
        try await s.world.roles.restrict(article: restricted.id!, to: [legal.id!], by: s.world.principal)
        try await s.world.article("Открытая памятка", in: s.open, body: "[[client:\(s.client.slug)]]")
        #expect(try await s.world.clientQueries.card(slug: s.client.slug, for: s.sales).knowledge.map(\.title) == ["Открытая памятка"])
        #expect(try await s.world.clientQueries.card(slug: s.client.slug, for: lawyer).knowledge.map(\.title)
                == ["Открытая памятка", "Претензия к Ромашке"])
        let error = await #expect(throws: ValidationError.self) {
            try await s.world.clients.linkArticle(restricted.slug, to: s.client.slug, by: s.sales)
        }
        #expect(error?.fields == ["article": .notFound])
    }

    @Test func linkingByHandAddsOnlyReadableArticles() async throws {
        let s = try await setup()
        let guide = try await s.world.article("Регламент отгрузок", in: s.open)
        let hidden = try await s.world.article("Протокол совета", in: s.secret)
        try await s.world.clients.linkArticle(guide.slug, to: s.client.slug, by: s.sales)
        let knowledge = try await s.world.clientQueries.card(slug: s.client.slug, for: s.sales).knowledge
        #expect(knowledge.map(\.slug) == [guide.slug])
        #expect(knowledge.first?.linkedByHand == true)
        // Linking twice is harmless.
        try await s.world.clients.linkArticle(guide.slug, to: s.client.slug, by: s.sales)
        #expect(try await s.world.count("SELECT COUNT(*) FROM clientArticleLink") == 1)

        let error = await #expect(throws: ValidationError.self) {
            try await s.world.clients.linkArticle(hidden.slug, to: s.client.slug, by: s.sales)
        }
        #expect(error?.fields == ["article": .notFound])
        let missing = await #expect(throws: ValidationError.self) {
            try await s.world.clients.linkArticle("no-such-article", to: s.client.slug, by: s.sales)
        }
        #expect(missing?.fields == ["article": .notFound])
        #expect(try await s.world.count("SELECT COUNT(*) FROM clientArticleLink") == 1)

        // Linking is editing the card: readers without clients.edit may not.
        let reader = try await s.world.user("reader", roles: [s.world.role("Readers", [.clientsRead])])
        await #expect(throws: AccessDenied.self) { try await s.world.clients.linkArticle(guide.slug, to: s.client.slug, by: reader) }
        await #expect(throws: NotFound.self) { try await s.world.clients.linkArticle(guide.slug, to: s.client.slug, by: s.employee) }

        try await s.world.clients.unlinkArticle(guide.slug, from: s.client.slug, by: s.sales)
        #expect(try await s.world.clientQueries.card(slug: s.client.slug, for: s.sales).knowledge.isEmpty)
    }

    @Test func anArticleListsTheCardsItConcernsToThoseWhoMaySeeThem() async throws {
        let s = try await setup()
        let other = try await s.world.client("Лютик")
        let article = try await s.world.article("Памятка", in: s.open, body: "См. [[client:\(s.client.slug)]].")
        try await s.world.clients.linkArticle(article.slug, to: other.slug, by: s.world.principal)

        #expect(try await s.world.clientQueries.clients(concerning: article, for: s.sales).map(\.slug) == [other.slug, s.client.slug])
        #expect(try await s.world.clientQueries.clients(concerning: article, for: s.employee).isEmpty)

        let owner = try await s.world.user("owner", roles: [s.world.role("Own", [.clientsRead, .clientsOnlyOwn])])
        #expect(try await s.world.clientQueries.clients(concerning: article, for: owner).isEmpty)

        try await s.world.clients.delete(slug: s.client.slug, by: s.world.principal)
        #expect(try await s.world.clientQueries.clients(concerning: article, for: s.sales).map(\.slug) == [other.slug])
    }

    @Test func clientLinksShowAsMissingToThoseWhoMayNotSeeTheCard() async throws {
        let s = try await setup()
        let article = try await s.world.article("Памятка", in: s.open,
                                                body: "Клиент [[client:\(s.client.slug)|Ромашка]], а также [[client:no-such-client|Никто]].")
        let shown = "<a class=\"wikilink client-link\" href=\"/clients/\(s.client.slug)\">"
        let hidden = "<a class=\"wikilink client-link missing\" href=\"/clients/\(s.client.slug)\""
        let nowhere = "<a class=\"wikilink client-link missing\" href=\"/clients/no-such-client\""

        let forSales = try await s.world.queries.visibleHTML(of: article, for: s.sales)
        #expect(forSales.contains(shown))
        #expect(!forSales.contains(hidden))
        #expect(forSales.contains(nowhere))

        let forEmployee = try await s.world.queries.visibleHTML(of: article, for: s.employee)
        #expect(forEmployee.contains(hidden))
        #expect(!forEmployee.contains(shown))
        #expect(forEmployee.contains(nowhere))

        let owner = try await s.world.user("owner", roles: [s.world.role("Own", [.clientsRead, .clientsOnlyOwn])])
        #expect(try await s.world.queries.visibleHTML(of: article, for: owner).contains(hidden))

        let forAdministrator = try await s.world.queries.visibleHTML(of: article, for: s.world.principal)
        #expect(forAdministrator.contains(shown))
        #expect(forAdministrator.contains(nowhere))

        try await s.world.clients.delete(slug: s.client.slug, by: s.world.principal)
        for viewer in [s.sales, s.employee, s.world.principal] {
            let html = try await s.world.queries.visibleHTML(of: article, for: viewer)
            #expect(html.contains(hidden))
            #expect(!html.contains(shown))
        }

        try await s.world.clients.restore(slug: s.client.slug, by: s.world.principal)
        #expect(try await s.world.queries.visibleHTML(of: article, for: s.sales).contains(shown))
    }

    @Test func clientLinksInNotesFollowTheSameRules() async throws {
        let s = try await setup()
        let partner = try await s.world.client("Лютик", manager: s.sales)
        var draft = ClientDraft(try #require(try await s.world.stored(s.client)))
        draft.notes = "Партнёр: [[client:\(partner.slug)]]."
        draft.manager = String(s.sales.userId!)
        _ = try await s.world.clients.update(slug: s.client.slug, draft, version: s.client.version, by: s.world.principal)
        let shown = "<a class=\"wikilink client-link\" href=\"/clients/\(partner.slug)\">"
        #expect(try await s.world.clientQueries.card(slug: s.client.slug, for: s.sales).notesHTML.contains(shown))
        try await s.world.clients.delete(slug: partner.slug, by: s.world.principal)
        let notes = try await s.world.clientQueries.card(slug: s.client.slug, for: s.sales).notesHTML
        #expect(notes.contains("client-link missing"))
        #expect(!notes.contains(shown))
    }
}
