import Foundation
import GRDB
import Testing
@testable import LoreCore

@Suite struct ArticleServiceTests {
    @Test func createStoresTheFirstRevisionAndRenderedHTML() async throws {
        let world = try await TestWorld()
        let hr = try await world.category("HR")
        let article = try await world.article("Правила внутреннего распорядка", in: hr, body: "## Время\n\nС 9 до 18.")
        #expect(article.slug == "pravila-vnutrennego-rasporyadka")
        #expect(article.revision == 1)
        #expect(article.html.contains("С 9 до 18."))
        #expect(article.outline.map(\.anchor) == ["vremya"])
        let revisions = try await world.revisions(of: article)
        #expect(revisions.count == 1)
        #expect(revisions[0].body == "## Время\n\nС 9 до 18.")
        #expect(revisions[0].authorId == world.principal.userId)
        #expect(revisions[0].size == "## Время\n\nС 9 до 18.".utf8.count)
    }

    @Test func anArticleIsReadBackAsItWasWritten() async throws {
        let world = try await TestWorld()
        let hr = try await world.category("HR")
        let article = try await world.article("Outline", in: hr, body: "## One\n\ntext\n\n### Two «кавычки»\n")
        try await world.articles.delete(id: article.id!, by: world.principal)
        let row = try #require(try await world.database.reader.read { db in try Article.fetchOne(db, key: article.id) })
        #expect(row.outline == [Heading(level: 2, anchor: "one", text: "One"), Heading(level: 3, anchor: "two-kavychki", text: "Two «кавычки»")])
        #expect(row.deletedById == world.principal.userId && row.deletedAt != nil)
        #expect([row.slug, row.title, row.titleKey, row.body, row.html] == [article.slug, article.title, article.titleKey, article.body, article.html])
        #expect([row.categoryId, row.createdById, row.updatedById] == [hr.id!, world.principal.userId!, world.principal.userId!])
        #expect(row.revision == 1 && abs(row.updatedAt.timeIntervalSince(article.updatedAt)) < 0.01)
        let live = try await world.article("Live", in: hr, body: "x")
        let listed = try await world.queries.page(after: nil, limit: 5, for: world.principal)
        #expect(listed.map { [$0.id, $0.categoryId, $0.updatedById] } == [[live.id!, hr.id!, world.principal.userId!]])
        #expect(listed.map { "\($0.slug) \($0.title) \($0.revision)" } == ["live Live 1"])
    }

    @Test func aCommentersPageIsTheirsAloneAndOthersShareIt() async throws {
        let world = try await TestWorld()
        let hr = try await world.category("HR")
        let page = try await world.article("Lunch", in: hr, body: "At one.")
        let anna = try await world.user("anna"), boris = try await world.user("boris")
        #expect(try await world.queries.personalParts(ofArticle: page.slug) == ArticlePersonalParts(askedRoles: [], ownerId: nil,
                                                                                                    hasPendingChanges: false, commenters: []))
        try await CommentService(database: world.database).add("And on Fridays?", on: .article(page.id!), by: anna)
        let parts = try await world.queries.personalParts(ofArticle: page.slug)
        #expect(parts.commenters == [anna.userId!])
        #expect(parts.isPersonal(for: anna) && !parts.isPersonal(for: boris))
        #expect(!(try await world.queries.personalParts(ofArticle: "no-such-page")).isPersonal(for: anna))
    }

    @Test func everySaveAddsARevisionAndIdenticalSavesAddNone() async throws {
        let world = try await TestWorld()
        let hr = try await world.category("HR")
        let article = try await world.article("Vacations", in: hr, body: "28 days.")
        var draft = ArticleDraft(article)
        draft.body = "28 calendar days."
        draft.summary = "clarified"
        let saved = try await world.articles.save(id: article.id!, draft, baseRevision: 1, by: world.principal)
        #expect(saved.revision == 2)
        let again = try await world.articles.save(id: article.id!, draft, baseRevision: 2, by: world.principal)
        #expect(again.revision == 2)
        let revisions = try await world.revisions(of: article)
        #expect(revisions.map(\.number) == [1, 2])
        #expect(revisions.map(\.body) == ["28 days.", "28 calendar days."])
        #expect(revisions[1].summary == "clarified")
    }

    @Test func staleEditIsRefusedAndNothingIsWritten() async throws {
        let world = try await TestWorld()
        let hr = try await world.category("HR")
        let article = try await world.article("Vacations", in: hr, body: "v1")
        var first = ArticleDraft(article)
        first.body = "v2 by Anna"
        _ = try await world.articles.save(id: article.id!, first, baseRevision: 1, by: world.principal)
        var second = ArticleDraft(article)
        second.body = "v2 by Boris"
        await #expect(throws: EditConflict.self) {
            try await world.articles.save(id: article.id!, second, baseRevision: 1, by: world.principal)
        }
        #expect(try await world.current("vacations").body == "v2 by Anna")
        #expect(try await world.revisions(of: article).count == 2)
    }

    @Test func renamingKeepsTheOldAddressWorking() async throws {
        let world = try await TestWorld()
        let hr = try await world.category("HR")
        let article = try await world.article("Vacations", in: hr)
        var draft = ArticleDraft(article)
        draft.title = "Annual leave"
        draft.slug = "annual-leave"
        _ = try await world.articles.save(id: article.id!, draft, baseRevision: nil, by: world.principal)
        #expect(try await world.queries.article(slug: "vacations", for: world.principal) == .moved(to: "annual-leave"))
        #expect(try await world.current("annual-leave").title == "Annual leave")
        // The old address stays its page's: a new article gets another, and old links keep leading to the renamed page.
        let newer = try await world.article("Vacations", in: hr)
        #expect(newer.slug == "vacations-2")
        #expect(try await world.queries.article(slug: "vacations", for: world.principal) == .moved(to: "annual-leave"))
        // The page itself may take its old address back.
        draft.slug = "vacations"
        #expect(try await world.articles.save(id: article.id!, draft, baseRevision: nil, by: world.principal).slug == "vacations")
    }

    @Test func movingChangesTheCategoryAndRecordsIt() async throws {
        let world = try await TestWorld()
        let hr = try await world.category("HR")
        let rules = try await world.category("Regulations")
        let article = try await world.article("Working hours", in: hr)
        var draft = ArticleDraft(article)
        draft.categoryId = rules.id!
        _ = try await world.articles.save(id: article.id!, draft, baseRevision: 1, by: world.principal)
        #expect(try await world.queries.articles(inCategory: rules.id!, for: world.principal).map(\.title) == ["Working hours"])
        #expect(try await world.queries.articles(inCategory: hr.id!, for: world.principal).isEmpty)
        #expect(try await world.revisions(of: article).map(\.categoryId) == [hr.id!, rules.id!])
    }

    @Test func validation() async throws {
        let world = try await TestWorld()
        let hr = try await world.category("HR")
        try await world.article("Vacations", in: hr)
        await #expect(throws: ValidationError(field: "title", .required)) {
            try await world.articles.create(ArticleDraft(title: " ", categoryId: hr.id!, body: "text"), by: world.principal)
        }
        #expect(try await world.articles.create(ArticleDraft(title: "Other", slug: "vacations", categoryId: hr.id!, body: ""),
                                                by: world.principal).slug == "vacations-2", "a taken address is not refused: a free one is given")
        await #expect(throws: ValidationError(field: "slug", .invalidSlug)) {
            try await world.articles.create(ArticleDraft(title: "Other", slug: "Not A Slug", categoryId: hr.id!, body: ""), by: world.principal)
        }
        await #expect(throws: ValidationError(field: "body", .tooLong(maxBytes: ArticleDraft.maxBodyBytes))) {
            try await world.articles.create(
                ArticleDraft(title: "Big", categoryId: hr.id!, body: String(repeating: "я", count: ArticleDraft.maxBodyBytes / 2 + 1)),
                by: world.principal)
        }
        await #expect(throws: ValidationError(field: "body", .invalidText)) {
            try await world.articles.create(ArticleDraft(title: "Bad", categoryId: hr.id!, body: "broken \u{FFFD} bytes"), by: world.principal)
        }
        await #expect(throws: ValidationError(field: "category", .notFound)) {
            try await world.articles.create(ArticleDraft(title: "Lost", categoryId: 4242, body: ""), by: world.principal)
        }
        let count = try await world.database.reader.read { db in try Article.fetchCount(db) }
        #expect(count == 2, "only the page with a taken address was made")
    }

    @Test func addressesOfTrashedAndHiddenPagesAreNotGivenAway() async throws {
        let world = try await TestWorld()
        let hr = try await world.category("HR")
        let article = try await world.article("Vacations", in: hr)
        try await world.articles.delete(id: article.id!, by: world.principal)
        let new = try await world.articles.create(ArticleDraft(title: "Leave", slug: "vacations", categoryId: hr.id!, body: ""), by: world.principal)
        #expect(new.slug == "vacations-2", "the trashed page keeps its address for its restore")
    }

    @Test func duplicateTitlesGetDistinctSlugs() async throws {
        let world = try await TestWorld()
        let hr = try await world.category("HR")
        let first = try await world.article("FAQ", in: hr)
        let second = try await world.article("FAQ", in: hr)
        #expect([first.slug, second.slug] == ["faq", "faq-2"])
    }

    @Test func trashAndRestoreKeepHistory() async throws {
        let world = try await TestWorld()
        let hr = try await world.category("HR")
        let article = try await world.article("Vacations", in: hr)
        try await world.articles.delete(id: article.id!, by: world.principal)
        await #expect(throws: NotFound()) { try await world.queries.article(slug: "vacations", for: world.principal) }
        #expect(try await world.queries.trash(for: world.principal).map(\.title) == ["Vacations"])
        #expect(try await world.queries.recentlyChanged(limit: 10, for: world.principal).isEmpty)
        let restored = try await world.articles.restore(id: article.id!, by: world.principal)
        #expect(restored.deletedAt == nil)
        #expect(try await world.queries.trash(for: world.principal).isEmpty)
        #expect(try await world.revisions(of: article).count == 1)
        await #expect(throws: NotFound()) { try await world.articles.restore(id: article.id!, by: world.principal) }
    }

    @Test func linksAreStoredAndPagesLinkingToANewArticleAreRenderedAgain() async throws {
        let world = try await TestWorld()
        let hr = try await world.category("HR")
        let checklist = try await world.article("First day", in: hr, body: "Read [[Vacations]] and [[client:acme]].")
        #expect(checklist.html.contains("wikilink missing"))
        let vacations = try await world.article("Vacations", in: hr)
        let refreshed = try await world.current("first-day")
        #expect(refreshed.html.contains("<a class=\"wikilink\" href=\"/a/vacations\" data-target=\"Vacations\">Vacations</a>"))
        #expect(refreshed.revision == 1)
        #expect(try await world.queries.backlinks(to: vacations, for: world.principal).map(\.title) == ["First day"])

        // Renamed: the link follows it. Trashed: the link shows as missing, and the backlink goes with it.
        var draft = ArticleDraft(vacations)
        draft.slug = "annual-leave"
        _ = try await world.articles.save(id: vacations.id!, draft, baseRevision: nil, by: world.principal)
        #expect(try await world.current("first-day").html.contains("href=\"/a/annual-leave\""))
        try await world.articles.delete(id: vacations.id!, by: world.principal)
        #expect(try await world.current("first-day").html.contains("wikilink missing"))
        try await world.articles.delete(id: checklist.id!, by: world.principal)
        let back = try await world.articles.restore(id: vacations.id!, by: world.principal)
        #expect(try await world.queries.backlinks(to: back, for: world.principal).isEmpty)
    }

    @Test func previewResolvesLinksWithoutSaving() async throws {
        let world = try await TestWorld()
        let hr = try await world.category("HR")
        try await world.article("Vacations", in: hr)
        let preview = try await world.articles.preview("**Hi** [[Vacations]]", for: world.principal)
        #expect(preview.html.contains("<strong>Hi</strong>"))
        #expect(preview.html.contains("href=\"/a/vacations\""))
        #expect(try await world.database.reader.read { db in try Revision.fetchCount(db) } == 1)
    }
}
