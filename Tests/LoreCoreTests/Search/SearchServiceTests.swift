import GRDB
import Testing
@testable import LoreCore

@Suite struct SearchServiceTests {
    func titles(_ text: String, _ world: TestWorld, as principal: Principal? = nil, filter: SearchFilter = SearchFilter()) async throws -> [String] {
        return try await SearchService(database: world.database).search(SearchQuery(text), filter: filter, for: principal ?? world.principal).hits.map(\.title)
    }

    @Test func russianAndEnglishWordFormsFindEachOther() async throws {
        let world = try await TestWorld()
        let hr = try await world.category("HR")
        try await world.article("Оформление", in: hr, body: "Заявление на отпуска подают за две недели. С отпуском поздравляем.")
        try await world.article("Ёлка", in: hr, body: "Новогодняя ёлка в офисе.")
        try await world.article("Staff", in: hr, body: "Every employee gets a badge.")
        try await world.article("Café", in: hr, body: "The café on the ground floor.")
        #expect(try await titles("отпуск", world) == ["Оформление"])
        #expect(try await titles("отпусками", world) == ["Оформление"])
        #expect(try await titles("елки", world) == ["Ёлка"])
        #expect(try await titles("employees", world) == ["Staff"])
        #expect(try await titles("cafe", world) == ["Café"])
        #expect(try await titles("Employee badges", world) == ["Staff"], "mixed case, plural")
    }

    @Test(arguments: ["Evac", "Evacuation", "evacuation pro", "Прав", "Правила", "Правила внутр"])
    func suggestionsFollowWholeWordsAsTheyAreTyped(typed: String) async throws {
        let world = try await TestWorld()
        let hr = try await world.category("HR")
        try await world.article("Evacuation procedure", in: hr)
        try await world.article("Правила внутреннего распорядка", in: hr)
        let expression = try #require(SearchQuery.prefixExpression(typed))
        let suggested = try await SearchService(database: world.database).suggest(expression, for: world.principal).map(\.title)
        #expect(suggested.count == 1 && suggested[0].lowercased().hasPrefix(String(typed.lowercased().prefix(4))))
    }

    @Test func phrasesMatchAdjacentWordsInAnyFormAndNothingElse() async throws {
        let world = try await TestWorld()
        let hr = try await world.category("HR")
        try await world.article("Отпуск", in: hr, body: "Отпуска без содержания оформляют заранее.")
        try await world.article("Порядок", in: hr, body: "Без отпуска содержания не бывает.")
        try await world.article("Trip", in: hr, body: "Planning trips early. Trip planning\n\nis done by HR.")
        try await world.article("Title pair", in: hr, body: "Pairs never join the title to the text.")
        #expect(try await titles("\"отпуск без содержания\"", world) == ["Отпуск"], "word forms, and only where adjacent")
        #expect(try await titles("\"отпуском без\"", world) == ["Отпуск"])
        #expect(try await titles("\"trip planning\"", world) == ["Trip"])
        #expect(try await titles("\"planning trips\"", world) == ["Trip"])
        #expect(try await titles("\"pair pairs\"", world).isEmpty, "a title and its text are not one run of words")
        #expect(try await titles("\"отпуск\"", world).count == 2, "a phrase of one word is the word")
    }

    @Test func aTitleMatchRanksAboveABodyMatch() async throws {
        let world = try await TestWorld()
        let hr = try await world.category("HR")
        try await world.article("Parking", in: hr, body: "Mentions the vacation once among many other words about cars.")
        try await world.article("Vacation", in: hr, body: "How to plan it.")
        try await world.article("Holidays", in: hr, body: "## Vacation rules\n\nSee above.")
        #expect(try await titles("vacation", world) == ["Vacation", "Holidays", "Parking"])
    }

    @Test func everyOperatorWorks() async throws {
        let world = try await TestWorld()
        let hr = try await world.category("HR")
        try await world.article("One", in: hr, body: "red apple on the table")
        try await world.article("Two", in: hr, body: "green apple, red table")
        try await world.article("Three", in: hr, body: "pear")
        #expect(try await titles("apple table", world).sorted() == ["One", "Two"])
        #expect(try await titles("\"red apple\"", world) == ["One"])
        #expect(try await titles("apple -green", world) == ["One"])
        #expect(try await titles("pear OR green", world).sorted() == ["Three", "Two"])
        #expect(try await titles("app*", world).sorted() == ["One", "Two"])
        #expect(try await titles("-apple", world).isEmpty)
    }

    @Test(arguments: ["\"", "((", "NEAR(", "*", "title:secret", "{title}:x", "a AND", "NOT", "^", "-", String(repeating: "\"x ", count: 3000),
                      "\u{0}", "😀", "a\"b", "OR OR OR"])
    func hostileQueriesNeverFail(query: String) async throws {
        let world = try await TestWorld()
        let hr = try await world.category("HR")
        try await world.article("Secret", in: hr, body: "x title near")
        _ = try await titles(query, world)
    }

    @Test func snippetsEscapeThePageAndMarkTheMatch() async throws {
        let world = try await TestWorld()
        let hr = try await world.category("HR")
        try await world.article("Scripts", in: hr, body: "Never paste `<script>alert(1)</script>` into a vacation request.")
        let expression = SearchQuery("vacation")
        let hit = try #require(try await SearchService(database: world.database).search(expression, for: world.principal).hits.first)
        #expect(hit.snippetHTML.contains("&lt;script&gt;"))
        #expect(!hit.snippetHTML.contains("<script"))
        #expect(hit.snippetHTML.contains("<mark>vacation</mark>"))

        try await world.article("Parking", in: hr, body: "Level minus one.")
        let titleOnly = SearchQuery("parking")
        let parking = try #require(try await SearchService(database: world.database).search(titleOnly, for: world.principal).hits.first)
        #expect(parking.snippetHTML.contains("<mark>Parking</mark>"), "a match in the title alone still shows why")
    }

    @Test func hiddenPagesGiveNoResultNoCountAndNoSuggestion() async throws {
        let world = try await TestWorld()
        let board = try await world.category("Board")
        let employee = try await world.roles.role(kind: .employee)
        try await world.grant(nil, to: employee, on: board)
        let directors = try await world.role("Directors")
        try await world.grant(.read, to: directors, on: board)
        try await world.article("Merger plan", in: board, body: "Codeword zanzibar.")
        let company = try await world.category("Company")
        let restricted = try await world.article("Zanzibar trip", in: company, body: "Zanzibar again.")
        try await world.roles.restrict(article: restricted.id!, to: [directors.id!], by: world.principal)
        let olga = try await world.user("olga")
        let lena = try await world.user("lena", roles: [directors])
        let search = SearchService(database: world.database)
        let expression = SearchQuery("zanzibar")
        let forOlga = try await search.search(expression, for: olga)
        #expect(forOlga.hits.isEmpty && forOlga.total == 0)
        let zanz = try #require(SearchQuery.prefixExpression("Zanz"))
        let merg = try #require(SearchQuery.prefixExpression("merg"))
        #expect(try await search.suggest(zanz, for: olga).isEmpty)
        #expect(try await search.search(expression, for: lena).total == 2)
        #expect(try await search.suggest(merg, for: lena).map(\.title) == ["Merger plan"])
    }

    @Test func theIndexFollowsRenamesMovesTrashAndRestore() async throws {
        let world = try await TestWorld()
        let hr = try await world.category("HR")
        let sales = try await world.category("Sales")
        let article = try await world.article("Vacations", in: hr, body: "Twenty eight days.")
        var draft = ArticleDraft(article)
        draft.title = "Annual leave"
        draft.categoryId = sales.id!
        _ = try await world.articles.save(id: article.id!, draft, baseRevision: 1, by: world.principal)
        // Required, so that the dictionary's "vacation = annual leave" does not find the new title.
        #expect(try await titles("+vacations", world).isEmpty)
        #expect(try await titles("annual", world) == ["Annual leave"])
        #expect(try await titles("annual", world, filter: SearchFilter(categoryId: hr.id)).isEmpty)
        #expect(try await titles("annual", world, filter: SearchFilter(categoryId: sales.id)) == ["Annual leave"])
        // Articles are also found by their category's name, which follows a rename.
        var renamed = CategoryDraft(sales)
        renamed.title = "Commerce"
        _ = try await world.categories.update(id: sales.id!, with: renamed, by: world.principal)
        #expect(try await titles("commerce days", world) == ["Annual leave"])
        try await world.articles.delete(id: article.id!, by: world.principal)
        #expect(try await titles("annual", world).isEmpty)
        _ = try await world.articles.restore(id: article.id!, by: world.principal)
        #expect(try await titles("annual", world) == ["Annual leave"])
        _ = try await world.articles.revert(id: article.id!, to: 1, by: world.principal)
        #expect(try await titles("+vacations", world) == ["Vacations"])
    }

    @Test func reindexingGivesTheSameIndexAsIncrementalUpdates() async throws {
        let world = try await TestWorld()
        let hr = try await world.category("HR")
        let onboarding = try await world.category("Onboarding", in: hr)
        for n in 0..<12 { try await world.article("Page \(n)", in: n % 2 == 0 ? hr : onboarding, body: "Text \(n) about отпуск and leave.") }
        let gone = try await world.article("Gone", in: hr)
        try await world.articles.delete(id: gone.id!, by: world.principal)
        let snapshot = { () async throws -> [Row] in
            try world.database.reader.read { db in
                try Row.fetchAll(db, sql: """
                    SELECT d.kind, d.refId, s.title, s.headings, s.body, s.extra FROM searchIndex s
                    JOIN searchDocument d ON d.id = s.rowid ORDER BY d.kind, d.refId
                    """)
            }
        }
        let incremental = try await snapshot()
        try await SearchService(database: world.database).reindex { _, _ in }
        #expect(try await snapshot() == incremental)
        #expect(incremental.count == 12)
    }

    @Test func tidyingMergesTheSegmentsThatSavesLeaveAndFindsTheSame() async throws {
        let world = try await TestWorld()
        let hr = try await world.category("HR")
        // Each save commits a segment of its own.
        for n in 0..<12 { try await world.article("Page \(n)", in: hr, body: "Text \(n) about отпуск and leave.") }
        let search = SearchService(database: world.database)
        let before = try await titles("отпуск", world)
        #expect(try await search.tidyIndex() > 0)
        #expect(try await titles("отпуск", world) == before)
        #expect(before.count == 12)
        #expect(try await search.tidyIndex() == 0, "one segment a table: nothing left to merge")
    }

    @Test func filtersByAuthorAndDate() async throws {
        let world = try await TestWorld()
        let hr = try await world.category("HR")
        let article = try await world.article("Leave", in: hr, body: "Leave rules.")
        let olga = try await world.user("olga")
        var draft = ArticleDraft(article)
        draft.body = "Leave rules, edited."
        _ = try await world.articles.save(id: article.id!, draft, baseRevision: 1, by: olga)
        #expect(try await titles("leave", world, filter: SearchFilter(author: "olga")) == ["Leave"])
        #expect(try await titles("leave", world, filter: SearchFilter(author: "admin")).isEmpty)
        #expect(try await titles("leave", world, filter: SearchFilter(changedWithinDays: 7)) == ["Leave"])
        try await world.database.writer.write { db in
            try db.execute(sql: "UPDATE article SET updatedAt = datetime('now', '-40 days')")
        }
        #expect(try await titles("leave", world, filter: SearchFilter(changedWithinDays: 30)).isEmpty)
    }
}
