import GRDB
import Testing
@testable import LoreCore

@Suite struct HistoryTests {
    @Test func historyTellsWhatEachRevisionChanged() async throws {
        let world = try await TestWorld()
        let hr = try await world.category("HR")
        let regulations = try await world.category("Regulations")
        let article = try await world.article("Vacations", in: hr, body: "Short.")
        var draft = ArticleDraft(article)
        draft.title = "Annual leave"
        draft.body = "Short, and longer."
        draft.summary = "Renamed"
        _ = try await world.articles.save(id: article.id!, draft, baseRevision: 1, by: world.principal)
        draft.categoryId = regulations.id!
        draft.body = "Short."
        draft.isMinor = true
        _ = try await world.articles.save(id: article.id!, draft, baseRevision: 2, by: world.principal)

        let current = try await world.current("vacations")
        let (revisions, total) = try await HistoryQueries(database: world.database).history(of: current, page: 1, for: world.principal)
        #expect(total == 3)
        #expect(revisions.map(\.number) == [3, 2, 1])
        #expect(revisions.map(\.sizeChange) == [-12, 12, 6])
        #expect(revisions[1].previousTitle == "Vacations" && revisions[0].previousTitle == nil)
        #expect(revisions[0].previousCategoryId == hr.id && revisions[1].previousCategoryId == nil)
        #expect(revisions[0].isMinor && !revisions[1].isMinor)
        #expect(revisions[1].summary == "Renamed")
        let page2 = try await HistoryQueries(database: world.database).history(of: current, page: 2, perPage: 2, for: world.principal)
        #expect(page2.revisions.map(\.number) == [1])
    }

    @Test func restoringMakesANewRevisionAndLeavesTheOldOnesAlone() async throws {
        let world = try await TestWorld()
        let hr = try await world.category("HR")
        let article = try await world.article("Vacations", in: hr, body: "First text.")
        var draft = ArticleDraft(article)
        draft.title = "Leave"
        draft.body = "Second text."
        _ = try await world.articles.save(id: article.id!, draft, baseRevision: 1, by: world.principal)
        let before = try await world.revisions(of: article)

        let restored = try await world.articles.revert(id: article.id!, to: 1, by: world.principal)
        #expect(restored.revision == 3)
        #expect(restored.body == "First text." && restored.title == "Vacations")
        #expect(restored.html.contains("First text."))
        let after = try await world.revisions(of: article)
        #expect(Array(after.prefix(2)) == before, "old revisions never change")
        #expect(after[2].restoredFrom == 1)
        // Restoring what is already current writes nothing.
        #expect(try await world.articles.revert(id: article.id!, to: 3, by: world.principal).revision == 3)
        await #expect(throws: NotFound.self) { try await world.articles.revert(id: article.id!, to: 9, by: world.principal) }
    }

    @Test func readersSeeHistoryButDoNotRestoreAndOthersSeeNothing() async throws {
        let world = try await TestWorld()
        let company = try await world.category("Company")
        let employeeRole = try await world.roles.role(kind: .employee)
        try await world.grant(.read, to: employeeRole, on: company)
        let article = try await world.article("History", in: company, body: "v1")
        let olga = try await world.user("olga")
        let history = HistoryQueries(database: world.database)
        #expect(try await history.history(of: article, page: 1, for: olga).total == 1)
        await #expect(throws: AccessDenied.self) { try await world.articles.revert(id: article.id!, to: 1, by: olga) }

        let hidden = try await world.category("Board")
        try await world.grant(nil, to: employeeRole, on: hidden)
        let secret = try await world.article("Merger", in: hidden, body: "secret")
        await #expect(throws: NotFound.self) { try await history.history(of: secret, page: 1, for: olga) }
        await #expect(throws: NotFound.self) { try await history.revision(1, of: secret, for: olga) }
        await #expect(throws: NotFound.self) { try await world.articles.revert(id: secret.id!, to: 1, by: olga) }
        let changes = try await history.recentChanges(ChangeFilter(), page: 1, for: olga)
        #expect(changes.map(\.articleSlug) == ["history"])
    }

    @Test func aCategoryCanHideHistoryFromThoseWhoOnlyReadIt() async throws {
        let world = try await TestWorld()
        let regulations = try await world.category("Regulations")
        let employeeRole = try await world.roles.role(kind: .employee)
        try await world.grant(.read, to: employeeRole, on: regulations)
        let lawyers = try await world.role("Lawyers")
        try await world.grant(.edit, to: lawyers, on: regulations)
        let article = try await world.article("Fines", in: regulations, body: "v1")
        var draft = CategoryDraft(regulations)
        draft.hidesHistoryFromReaders = true
        _ = try await world.categories.update(id: regulations.id!, with: draft, by: world.principal)

        let reader = try await world.user("olga")
        let editor = try await world.user("lena", roles: [lawyers])
        let history = HistoryQueries(database: world.database)
        await #expect(throws: AccessDenied.self) { try await history.history(of: article, page: 1, for: reader) }
        await #expect(throws: AccessDenied.self) { try await history.revision(1, of: article, for: reader) }
        #expect(try await history.recentChanges(ChangeFilter(), page: 1, for: reader).isEmpty)
        #expect(try await history.history(of: article, page: 1, for: editor).total == 1)
        #expect(try await history.recentChanges(ChangeFilter(), page: 1, for: editor).count == 1)
        // The same rule in Swift, for pages that decide whether to offer the link.
        let stored = try await world.categories.category(id: regulations.id!, for: world.principal)
        #expect(!stored.showsHistory(to: .read) && stored.showsHistory(to: .edit))
    }

    @Test func recentChangesFilterByCategoryAuthorAndMinorEdits() async throws {
        let world = try await TestWorld()
        let hr = try await world.category("HR")
        let onboarding = try await world.category("Onboarding", in: hr)
        let sales = try await world.category("Sales")
        let first = try await world.article("First day", in: onboarding)
        _ = try await world.article("Pricing", in: sales)
        let olga = try await world.user("olga")
        var draft = ArticleDraft(first)
        draft.body = "Typo fixed."
        draft.isMinor = true
        _ = try await world.articles.save(id: first.id!, draft, baseRevision: 1, by: olga)

        let history = HistoryQueries(database: world.database)
        let inHR = try await history.recentChanges(ChangeFilter(categoryId: hr.id), page: 1, for: world.principal)
        #expect(inHR.map(\.articleSlug) == ["first-day", "first-day"], "subcategories count")
        let byOlga = try await history.recentChanges(ChangeFilter(username: "OLGA"), page: 1, for: world.principal)
        #expect(byOlga.map(\.number) == [2])
        let major = try await history.recentChanges(ChangeFilter(hideMinor: true), page: 1, for: world.principal)
        #expect(major.map(\.articleSlug).sorted() == ["first-day", "pricing"])
        let paged = try await history.recentChanges(ChangeFilter(), page: 2, perPage: 2, for: world.principal)
        #expect(paged.count == 1)
    }

    @Test func onlyAdministratorsPurgeAndOnlyFromTheTrash() async throws {
        let world = try await TestWorld()
        let company = try await world.category("Company")
        let article = try await world.article("Old news", in: company)
        let managers = try await world.role("Managers")
        try await world.grant(.manage, to: managers, on: company)
        let manager = try await world.user("mila", roles: [managers])
        await #expect(throws: NotFound.self) { try await world.articles.purge(id: article.id!, by: world.principal) }
        try await world.articles.delete(id: article.id!, by: world.principal)
        await #expect(throws: NotFound.self) { try await world.articles.purge(id: article.id!, by: manager) }
        try await world.articles.purge(id: article.id!, by: world.principal.acting(from: "10.0.0.9"))
        let left = try await world.database.reader.read { db in
            (try Article.fetchCount(db), try Revision.fetchCount(db))
        }
        #expect(left == (0, 0))
        let entry = try #require(try await AuditLog(database: world.database).entries(action: "article.purged", by: world.principal).first)
        #expect(entry.subject.contains("Old news") && entry.address == "10.0.0.9")
    }
}
