import Testing
@testable import LoreCore

/// Each reader ticks a page's checklist for themselves; ticks stay on their items when the page
/// changes around them; managers see everyone's progress; nobody else sees or ticks anything.
@Suite struct ChecklistServiceTests {
    static let body = "## Day one\n\n- [ ] Get your access card\n- [ ] Meet HR\n- [x] Read the handbook\n"

    @Test func readersTickForThemselvesAndEditsKeepTheirTicks() async throws {
        let world = try await TestWorld()
        let hr = try await world.category("HR")
        let page = try await world.article("First day", in: hr, body: Self.body)
        let anna = try await world.user("anna"), boris = try await world.user("boris")
        let checklists = ChecklistService(database: world.database)
        let fresh = try await checklists.state(slug: page.slug, for: anna)
        #expect(fresh.items.map(\.checked) == [false, false, true], "the text's own states")
        let card = fresh.items[0].key, hrItem = fresh.items[1].key
        _ = try await checklists.tick(slug: page.slug, item: card, checked: true, by: anna)
        let borisState = try await checklists.tick(slug: page.slug, item: hrItem, checked: true, by: boris)
        #expect(borisState.items.map(\.checked) == [false, true, true])
        #expect(try await checklists.state(slug: page.slug, for: anna).done == 2)

        // A line added above and a word changed elsewhere leave every tick on its item.
        var draft = ArticleDraft(page)
        draft.body = "Welcome!\n\n## Day one\n\n- [ ] Sign the contract\n- [ ] Get your access card\n- [ ] Meet HR\n- [x] Read the whole handbook\n"
        _ = try await world.articles.save(id: page.id!, draft, baseRevision: 1, by: world.principal)
        let after = try await checklists.state(slug: page.slug, for: anna)
        #expect(after.items.map(\.checked) == [false, true, false, true])
        #expect(after.total == 4 && after.done == 2)
    }

    @Test func managersSeeEveryonesProgressAndOthersNothing() async throws {
        let world = try await TestWorld()
        let hr = try await world.category("HR")
        let page = try await world.article("First day", in: hr, body: Self.body)
        let anna = try await world.user("anna")
        let checklists = ChecklistService(database: world.database)
        let key = try await checklists.state(slug: page.slug, for: anna).items[0].key
        _ = try await checklists.tick(slug: page.slug, item: key, checked: true, by: anna)
        let progress = try await checklists.progress(slug: page.slug, by: world.principal)
        #expect(progress.map(\.done) == [2] && progress.map(\.total) == [3])
        await #expect(throws: AccessDenied.self) { try await checklists.progress(slug: page.slug, by: anna) }
        await #expect(throws: NotFound.self) { try await checklists.tick(slug: page.slug, item: "0123456789abcdef", checked: true, by: anna) }
    }

    @Test func aReaderWithoutRightsCannotSeeOrTick() async throws {
        let world = try await TestWorld()
        let board = try await world.category("Board")
        try await world.grant(nil, to: try await world.roles.role(kind: .employee), on: board)
        let page = try await world.article("Board onboarding", in: board, body: Self.body)
        let outsider = try await world.user("outsider")
        let checklists = ChecklistService(database: world.database)
        let key = try await checklists.state(slug: page.slug, for: world.principal).items[0].key
        await #expect(throws: NotFound.self) { try await checklists.state(slug: page.slug, for: outsider) }
        await #expect(throws: NotFound.self) { try await checklists.tick(slug: page.slug, item: key, checked: true, by: outsider) }
        #expect(try await checklists.progress(slug: page.slug, by: world.principal).isEmpty)
    }
}
