import Foundation
import GRDB
import Testing
@testable import LoreCore

/// Text written while a page was confidential stays with those who could read it when the page
/// moves somewhere broader; a revision's text can be removed (redacted) and only administrators see it.
@Suite struct MovedHistoryTests {
    /// "Salaries" (HR only) holding an article with a secret in its first revision, and an open "Handbook".
    static func setUp() async throws -> (TestWorld, Article, Category, hr: Principal, employee: Principal) {
        let world = try await TestWorld()
        let hrRole = try await world.role("HR")
        let employeeRole = try await world.roles.role(kind: .employee)
        let salaries = try await world.category("Salaries")
        try await world.grant(AccessLevel.none, to: employeeRole, on: salaries)
        try await world.grant(.manage, to: hrRole, on: salaries)
        let handbook = try await world.category("Handbook")
        let hr = try await world.user("marina", roles: [hrRole])
        let employee = try await world.user("ivan")
        let article = try await world.articles.create(ArticleDraft(title: "Bonuses", categoryId: salaries.id!, body: "Bonus pool: 4.2 M"), by: hr)
        var draft = ArticleDraft(article)
        draft.body = "Bonuses are paid in March."
        let cleaned = try await world.articles.save(id: article.id!, draft, baseRevision: 1, by: hr)
        return (world, cleaned, handbook, hr, employee)
    }

    static func move(_ article: Article, to category: Category, _ choice: HistoryOnMove?, by mover: Principal,
                     in world: TestWorld) async throws -> Article {
        var move = ArticleDraft(article)
        move.categoryId = category.id!
        move.historyOnMove = choice
        return try await world.articles.save(id: article.id!, move, baseRevision: article.revision, by: mover)
    }

    @Test func movingWhereMorePeopleReadAsksFirstAndNamesThem() async throws {
        let (world, article, handbook, hr, _) = try await Self.setUp()
        await #expect(throws: MoveExposesHistory(revisions: 2, roles: ["Employee"])) {
            try await Self.move(article, to: handbook, nil, by: hr, in: world)
        }
        #expect(try await world.current("bonuses").categoryId == article.categoryId, "nothing moved before the choice")
    }

    @Test func keptRestrictedEarlierRevisionsStayWithTheirOldReaders() async throws {
        let (world, article, handbook, hr, employee) = try await Self.setUp()
        let moved = try await Self.move(article, to: handbook, .keepRestricted, by: hr, in: world)
        let history = HistoryQueries(database: world.database)
        let seen = try await history.history(of: moved, page: 1, for: employee)
        #expect(seen.revisions.map(\.number) == [3] && seen.total == 1, "the employee sees only the move, and counts nothing more")
        await #expect(throws: NotFound.self) { try await history.revision(1, of: moved, for: employee) }
        await #expect(throws: NotFound.self) { try await world.articles.revert(id: moved.id!, to: 1, by: employee) }
        #expect(try await history.recentChanges(ChangeFilter(), page: 1, for: employee).allSatisfy { $0.number == 3 })
        #expect(try await history.history(of: moved, page: 1, for: hr).total == 3, "HR still reads the whole history")
        #expect(try await history.revision(1, of: moved, for: world.principal).body == "Bonus pool: 4.2 M")
    }

    @Test func shownEarlierRevisionsFollowThePage() async throws {
        let (world, article, handbook, hr, employee) = try await Self.setUp()
        let moved = try await Self.move(article, to: handbook, .show, by: hr, in: world)
        #expect(try await HistoryQueries(database: world.database).history(of: moved, page: 1, for: employee).total == 3)
    }

    @Test func aRedactedRevisionShowsNoTextButToAdministrators() async throws {
        let (world, article, _, hr, _) = try await Self.setUp()
        let redaction = RevisionRedaction(database: world.database)
        let history = HistoryQueries(database: world.database)
        await #expect(throws: RedactingTheCurrentRevision()) { try await redaction.redact(article: article.id!, number: 2, by: hr) }
        try await redaction.redact(article: article.id!, number: 1, by: hr)
        let seen = try await history.revision(1, of: article, for: hr)
        #expect(seen.isRedacted && seen.body.isEmpty)
        #expect(try await history.history(of: article, page: 1, for: hr).revisions.last?.isRedacted == true)
        await #expect(throws: AccessDenied.self) { try await world.articles.revert(id: article.id!, to: 1, by: hr) }
        #expect(try await history.revision(1, of: article, for: world.principal).body == "Bonus pool: 4.2 M")
        let stored = try await world.database.reader.read { db in
            try String.fetchAll(db, sql: "SELECT body FROM revision WHERE articleId = ?", arguments: [article.id])
        }
        #expect(!stored.contains("Bonus pool: 4.2 M"), "the text is gone from the revisions themselves")
        await #expect(throws: NotFound.self) { try await redaction.undo(article: article.id!, number: 1, by: hr) }
        try await redaction.undo(article: article.id!, number: 1, by: world.principal)
        #expect(try await history.revision(1, of: article, for: hr).body == "Bonus pool: 4.2 M")
        let actions = try await world.database.reader.read { db in
            try String.fetchAll(db, sql: "SELECT action FROM auditEntry WHERE action LIKE 'revision.%' ORDER BY id")
        }
        #expect(actions == ["revision.redacted", "revision.unredacted"])
    }

    @Test func onlyThoseWhoManageThePageRedact() async throws {
        let world = try await TestWorld()
        let handbook = try await world.category("Handbook")
        let employee = try await world.user("ivan")
        let article = try await world.article("Printers", in: handbook)
        var draft = ArticleDraft(article)
        draft.body = "Changed."
        _ = try await world.articles.save(id: article.id!, draft, baseRevision: 1, by: employee)
        await #expect(throws: AccessDenied.self) {
            try await RevisionRedaction(database: world.database).redact(article: article.id!, number: 1, by: employee)
        }
    }
}
