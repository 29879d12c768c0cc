import Foundation
import GRDB
import Testing
@testable import LoreCore

/// Read and confirm: who is asked, by when, which revision a confirmation records, when a
/// change asks again, and who may see the report.
@Suite struct AcknowledgementServiceTests {
    static let day: TimeInterval = 86_400

    struct Setup {
        let world: TestWorld
        let service: AcknowledgementService
        let page: Article
        let sales: Role
        let anna: Principal
        let boris: Principal
    }

    /// "Security policy" asked of Sales within 10 days; Anna is in Sales, Boris is not.
    static func setup() async throws -> Setup {
        let world = try await TestWorld()
        let rules = try await world.category("Rules")
        let page = try await world.article("Security policy", in: rules, body: "Lock your screen.")
        let sales = try await world.role("Sales")
        let anna = try await world.user("anna", roles: [sales])
        let boris = try await world.user("boris")
        let service = AcknowledgementService(database: world.database)
        try await service.require(.init(roleIds: [sales.id!], dueDays: 10), ofArticle: page.id!, by: world.principal)
        return Setup(world: world, service: service, page: page, sales: sales, anna: anna, boris: boris)
    }

    static func save(_ setup: Setup, body: String, minor: Bool = false, again: Bool) async throws -> Article {
        let current = try await setup.world.current(setup.page.slug)
        var draft = ArticleDraft(current)
        draft.body = body
        draft.isMinor = minor
        draft.asksToConfirmAgain = again
        return try await setup.world.articles.save(id: current.id!, draft, baseRevision: current.revision, by: setup.world.principal)
    }

    @Test func aReaderConfirmsTheRevisionTheySawAndASignificantChangeAsksAgain() async throws {
        let setup = try await Self.setup()
        let asked = try #require(try await setup.service.status(ofArticle: setup.page.id!, for: setup.anna))
        #expect(asked.roles == ["Sales"] && !asked.isConfirmed && asked.revision == 1)
        #expect(try await setup.service.status(ofArticle: setup.page.id!, for: setup.boris) == nil, "nothing is asked of Boris")
        await #expect(throws: AccessDenied.self) { try await setup.service.acknowledge(articleId: setup.page.id!, revision: 1, by: setup.boris) }

        _ = try await Self.save(setup, body: "Lock your screen when you leave.", again: false)
        await #expect(throws: AcknowledgementService.PageChanged(revision: 2)) {
            try await setup.service.acknowledge(articleId: setup.page.id!, revision: 1, by: setup.anna)
        }
        try await setup.service.acknowledge(articleId: setup.page.id!, revision: 2, by: setup.anna)
        try await setup.service.acknowledge(articleId: setup.page.id!, revision: 2, by: setup.anna)
        let confirmed = try #require(try await setup.service.status(ofArticle: setup.page.id!, for: setup.anna))
        #expect(confirmed.isConfirmed && confirmed.confirmedRevision == 2)
        let rows = try await setup.world.database.reader.read { db in try Acknowledgement.fetchAll(db) }
        #expect(rows.count == 1 && rows[0].revision == 2, "one record per person and revision")

        _ = try await Self.save(setup, body: "Lock your screen when you leave the desk.", minor: true, again: true)
        #expect(try await setup.service.status(ofArticle: setup.page.id!, for: setup.anna)?.isConfirmed == true,
                "a minor edit never asks again, even ticked")
        _ = try await Self.save(setup, body: "Lock your screen. Badges stay with you.", again: false)
        #expect(try await setup.service.status(ofArticle: setup.page.id!, for: setup.anna)?.isConfirmed == true,
                "an edit without the tick does not ask again")
        _ = try await Self.save(setup, body: "Lock your screen. Badges stay with you. No USB sticks.", again: true)
        let again = try #require(try await setup.service.status(ofArticle: setup.page.id!, for: setup.anna))
        #expect(!again.isConfirmed && again.confirmedRevision == 2 && again.revision == 5)
        #expect(try await setup.service.pending(for: setup.anna).map(\.confirmedRevision) == [2])
    }

    @Test func dueDatesCountFromTheChangeOrTheFirstSignInWhicheverIsLater() async throws {
        let setup = try await Self.setup()
        let since = try await setup.world.database.reader.read { db in try ReadingRequirement.fetchOne(db, key: setup.page.id!)!.sinceAt }
        let never = try #require(try await setup.service.status(ofArticle: setup.page.id!, for: setup.anna, now: .distantFuture))
        #expect(never.due == nil && !never.isOverdue, "someone who never signed in has not started their days")
        // Someone here before the requirement has ten days from it.
        let earlier = since.addingTimeInterval(-100 * Self.day)
        try await Self.firstSignIn(setup, at: earlier)
        let old = try #require(try await setup.service.status(ofArticle: setup.page.id!, for: setup.anna))
        #expect(abs(try #require(old.due).timeIntervalSince(since) - 10 * Self.day) < 1)
        // A newcomer who first signs in a month later has ten days from then.
        let firstSignIn = since.addingTimeInterval(30 * Self.day)
        try await Self.firstSignIn(setup, at: firstSignIn)
        let newcomer = try #require(try await setup.service.status(ofArticle: setup.page.id!, for: setup.anna, now: firstSignIn))
        let due = try #require(newcomer.due)
        #expect(abs(due.timeIntervalSince(firstSignIn) - 10 * Self.day) < 1 && !newcomer.isOverdue)
        let lastMoment = try #require(try await setup.service.status(ofArticle: setup.page.id!, for: setup.anna, now: due))
        #expect(!lastMoment.isOverdue, "due at the very moment is not yet overdue")
        let after = try #require(try await setup.service.status(ofArticle: setup.page.id!, for: setup.anna, now: due.addingTimeInterval(1)))
        #expect(after.isOverdue)
        #expect(try await setup.service.pending(for: setup.anna, now: due.addingTimeInterval(1)).map(\.isOverdue) == [true])
    }

    static func firstSignIn(_ setup: Setup, at date: Date) async throws {
        try await setup.world.database.writer.write { db in
            try db.execute(sql: "UPDATE user SET firstSignInAt = ? WHERE id = ?", arguments: [date, setup.anna.userId])
        }
    }

    @Test func theReportListsExactlyThoseAskedWhoMayReadThePage() async throws {
        let setup = try await Self.setup()
        let world = setup.world
        let hr = try await world.role("HR", [.acknowledgementsReport])
        let marina = try await world.user("marina", roles: [hr, setup.sales])
        _ = try await world.user("carl", roles: [setup.sales])
        try await world.database.writer.write { db in
            try db.execute(sql: "UPDATE user SET department = 'Продажи' WHERE username IN ('anna', 'carl')")
            try db.execute(sql: "UPDATE user SET isActive = 0 WHERE username = 'carl'")
        }
        try await setup.service.acknowledge(articleId: setup.page.id!, revision: 1, by: setup.anna)
        let report = try await setup.service.report(ofArticle: setup.page.id!, for: marina)
        #expect(report.readers.map(\.name) == ["Anna", "Marina"], "a deactivated account is not asked")
        #expect(report.readers.map(\.state) == [.confirmed, .pending] && report.readers[0].confirmedRevision == 1)
        #expect(report.departments == ["Продажи"])
        #expect(try await setup.service.report(ofArticle: setup.page.id!, department: "Продажи", for: marina).readers.map(\.name) == ["Anna"])
        #expect(try await setup.service.report(ofArticle: setup.page.id!, role: hr.id, for: marina).readers.map(\.name) == ["Marina"])
        await #expect(throws: AccessDenied.self) { try await setup.service.report(ofArticle: setup.page.id!, for: setup.anna) }

        // Sales may no longer read the rules: nobody in Sales is asked, or listed.
        let rules = try await world.categories.category(id: setup.page.categoryId, for: world.principal)
        try await world.grant(nil, to: try await world.roles.role(kind: .employee), on: rules)
        #expect(try await setup.service.report(ofArticle: setup.page.id!, for: world.principal).readers.isEmpty)
        #expect(try await setup.service.pending(for: setup.anna).isEmpty)
        #expect(try await setup.service.status(ofArticle: setup.page.id!, for: setup.anna) == nil)
        await #expect(throws: NotFound.self) { try await setup.service.acknowledge(articleId: setup.page.id!, revision: 1, by: setup.anna) }
    }

    @Test func onlyManagersSetTheRequirementAndOnlyReportersOrThePersonSeeTheirPages() async throws {
        let setup = try await Self.setup()
        await #expect(throws: AccessDenied.self) {
            try await setup.service.require(.init(roleIds: [], dueDays: 5), ofArticle: setup.page.id!, by: setup.anna)
        }
        await #expect(throws: ValidationError.self) {
            try await setup.service.require(.init(roleIds: [setup.sales.id!], dueDays: 0), ofArticle: setup.page.id!, by: setup.world.principal)
        }
        #expect(try await setup.service.report(ofUser: setup.anna.userId!, for: setup.anna).lines.map(\.title) == ["Security policy"])
        await #expect(throws: NotFound.self) { try await setup.service.report(ofUser: setup.anna.userId!, for: setup.boris) }
        #expect(try await setup.service.report(ofUser: setup.anna.userId!, for: setup.world.principal).lines.map(\.state) == [.pending])

        try await setup.service.require(.init(roleIds: [], dueDays: 5), ofArticle: setup.page.id!, by: setup.world.principal)
        #expect(try await setup.service.pending(for: setup.anna).isEmpty, "nothing is required any more")
        #expect(try await ArticleQueries(database: setup.world.database).personalParts(ofArticle: setup.page.slug).askedRoles.isEmpty)
    }
}
