import GRDB
import Testing
@testable import LoreCore

/// Client cards in search: found by their names, requisites, people and notes in any word form,
/// and only by those who may see them.
@Suite struct ClientSearchTests {
    func hits(_ text: String, _ world: TestWorld, as principal: Principal, filter: SearchFilter = SearchFilter()) async throws -> [String] {
        return try await SearchService(database: world.database).search(SearchQuery(text), filter: filter, for: principal).hits.map(\.path)
    }

    /// A card "Северный Дистрибьютор" managed by `manager`, with a contact and notes, and an
    /// article that mentions the same word.
    func world() async throws -> (TestWorld, sales: Principal, owner: Principal, employee: Principal) {
        let world = try await TestWorld()
        let sales = try await world.user("sales", roles: [world.role("Sales", [.clientsRead, .clientsEdit])])
        let owner = try await world.user("owner", roles: [world.role("Own", [.clientsRead, .clientsEdit, .clientsOnlyOwn])])
        let employee = try await world.user("employee")
        let open = try await world.category("Open")
        try await world.article("Северная логистика", in: open, body: "Склады на севере.")
        var draft = ClientDraft()
        draft.name = "Северный Дистрибьютор"
        draft.inn = "7707083893"
        draft.notes = "Любит **подробные** отчёты по отгрузкам."
        draft.manager = String(sales.userId!)
        let client = try await ClientService(database: world.database).create(draft, by: world.principal)
        var contact = ContactDraft()
        contact.name = "Андрей Ковалёв"
        _ = try await ClientService(database: world.database).addContact(contact, to: client.slug, by: world.principal)
        return (world, sales, owner, employee)
    }

    @Test func cardsAreFoundByNameRequisitesPeopleAndNotesInAnyWordForm() async throws {
        let (world, sales, _, _) = try await world()
        #expect(try await hits("северного", world, as: sales).contains("/clients/severnyy-distribyutor"))
        #expect(try await hits("7707083893", world, as: sales) == ["/clients/severnyy-distribyutor"])
        #expect(try await hits("Ковалёвым", world, as: sales) == ["/clients/severnyy-distribyutor"])
        #expect(try await hits("отчётами", world, as: sales) == ["/clients/severnyy-distribyutor"])
    }

    @Test func theTypeFilterSeparatesArticlesFromCards() async throws {
        let (world, sales, _, _) = try await world()
        #expect(try await hits("северный", world, as: sales, filter: SearchFilter(kind: .client)) == ["/clients/severnyy-distribyutor"])
        #expect(try await hits("северный", world, as: sales, filter: SearchFilter(kind: .article)) == ["/a/severnaya-logistika"])
        // Category, author and date filters are about articles: no card slips through them.
        let open = try await world.categories.category(path: "open", for: world.principal)
        #expect(try await hits("северный", world, as: sales, filter: SearchFilter(categoryId: open.id)) == ["/a/severnaya-logistika"])
    }

    @Test func cardsStayHiddenFromThoseWhoMayNotSeeThem() async throws {
        let (world, _, owner, employee) = try await world()
        // The employee may read the article, not the registry; the owner sees only their own cards.
        #expect(try await hits("северный", world, as: employee) == ["/a/severnaya-logistika"])
        #expect(try await hits("7707083893", world, as: employee).isEmpty)
        #expect(try await hits("7707083893", world, as: owner).isEmpty)
        let service = SearchService(database: world.database)
        let expression = try #require(SearchQuery.prefixExpression("Сев"))
        #expect(try await service.suggest(expression, for: employee).map(\.path) == ["/a/severnaya-logistika"])
        #expect(Set(try await service.suggest(expression, for: world.principal).map(\.path))
            == ["/a/severnaya-logistika", "/clients/severnyy-distribyutor"])
    }

    @Test func aTrashedCardLeavesTheIndexAndARestoredOneReturns() async throws {
        let (world, sales, _, _) = try await world()
        let clients = ClientService(database: world.database)
        try await clients.delete(slug: "severnyy-distribyutor", by: world.principal)
        #expect(try await hits("7707083893", world, as: world.principal).isEmpty)
        try await clients.restore(slug: "severnyy-distribyutor", by: world.principal)
        #expect(try await hits("7707083893", world, as: sales) == ["/clients/severnyy-distribyutor"])
    }

    @Test func reindexGivesTheSameIndexAsIncrementalUpdates() async throws {
        let (world, _, _, _) = try await world()
        let before = try await Self.indexRows(world)
        try await SearchService(database: world.database).reindex { _, _ in }
        #expect(try await Self.indexRows(world) == before)
    }

    static func indexRows(_ world: TestWorld) async throws -> [String] {
        try await world.database.reader.read { db in
            try String.fetchAll(db, sql: """
                SELECT d.kind || ':' || d.refId || ':' || s.title || '|' || s.headings || '|' || s.body || '|' || s.extra
                FROM searchDocument d JOIN searchIndex s ON s.rowid = d.id ORDER BY d.kind, d.refId
                """)
        }
    }
}
