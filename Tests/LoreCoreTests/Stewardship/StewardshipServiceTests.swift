import Foundation
import GRDB
import Testing
@testable import LoreCore

/// Owners and review dates: inherited from categories, overdue at the right moment, recorded by
/// the owner or managers, listed for managers, and handed over when someone leaves.
@Suite struct StewardshipServiceTests {
    static func months(_ count: Int, from date: Date) -> Date {
        Calendar(identifier: .gregorian).date(byAdding: .month, value: count, to: date)!
    }

    @Test func pagesInheritTheirCategorysOwnerAndIntervalUnlessTheySetTheirOwn() async throws {
        let world = try await TestWorld()
        let rules = try await world.category("Rules")
        let fire = try await world.category("Fire", in: rules)
        let page = try await world.article("Evacuation", in: fire)
        let anna = try await world.user("anna"), boris = try await world.user("boris")
        let service = StewardshipService(database: world.database)
        try await service.set(.init(ownerId: anna.userId, reviewMonths: 6), ofCategory: rules.id!, by: world.principal)
        var line = try #require(try await service.line(ofArticle: page.id!, for: boris))
        #expect(line.ownerName == "Anna" && line.stewardship.reviewMonths == 6 && !line.canMarkReviewed)
        #expect(try await world.queries.personalParts(ofArticle: page.slug).ownerId == anna.userId)
        try await service.set(.init(ownerId: boris.userId, reviewMonths: nil), ofArticle: page.id!, by: world.principal)
        line = try #require(try await service.line(ofArticle: page.id!, for: boris))
        #expect(line.ownerName == "Boris" && line.stewardship.reviewMonths == 6 && line.canMarkReviewed)
        await #expect(throws: ValidationError.self) {
            try await service.set(.init(ownerId: nil, reviewMonths: 99), ofArticle: page.id!, by: world.principal)
        }
        await #expect(throws: AccessDenied.self) { try await service.set(.init(ownerId: nil, reviewMonths: 3), ofArticle: page.id!, by: anna) }
    }

    @Test func aPageNeedsReviewOnlyAfterItsIntervalAndAReviewResetsIt() async throws {
        let world = try await TestWorld()
        let rules = try await world.category("Rules")
        let page = try await world.article("Evacuation", in: rules)
        let anna = try await world.user("anna"), boris = try await world.user("boris")
        let service = StewardshipService(database: world.database)
        try await service.set(.init(ownerId: anna.userId, reviewMonths: 6), ofArticle: page.id!, by: world.principal)
        let line = try #require(try await service.line(ofArticle: page.id!, for: anna))
        let due = try #require(line.stewardship.nextReview)
        #expect(abs(due.timeIntervalSince(Self.months(6, from: page.createdAt))) < 1, "never reviewed: from the page's creation")
        #expect(!line.stewardship.needsReview(now: due) && line.stewardship.needsReview(now: due.addingTimeInterval(1)))
        #expect(try await service.myOverdue(for: anna, now: due.addingTimeInterval(1)).map(\.title) == ["Evacuation"])
        #expect(try await service.myOverdue(for: boris, now: due.addingTimeInterval(1)).isEmpty)

        await #expect(throws: AccessDenied.self) { try await service.markReviewed(articleId: page.id!, by: boris) }
        try await service.markReviewed(articleId: page.id!, by: anna)
        let reviewed = try #require(try await service.line(ofArticle: page.id!, for: anna))
        let next = try #require(reviewed.stewardship.nextReview)
        #expect(reviewed.reviewedByName == "Anna" && next > due, "the next review counts from this one")
        #expect(abs(reviewed.stewardship.reviewedAt.timeIntervalSinceNow) < 5)
        #expect(try await world.current(page.slug).revision == 1, "a review writes no revision")
    }

    @Test func contentHealthListsWhatNeedsAttentionInWhatTheManagerManages() async throws {
        let world = try await TestWorld()
        let rules = try await world.category("Rules")
        let linked = try await world.article("Linked", in: rules, body: "Plain.")
        _ = try await world.article("Linker", in: rules, body: "See [[Linked]] and [[Nowhere at all]].")
        let anna = try await world.user("anna")
        let service = StewardshipService(database: world.database)
        try await service.set(.init(ownerId: anna.userId, reviewMonths: 1), ofArticle: linked.id!, by: world.principal)
        let later = Self.months(2, from: Date())
        var health = try await service.health(for: world.principal, now: later)
        #expect(health.overdue.map(\.title) == ["Linked"])
        #expect(health.withoutOwner.map(\.title) == ["Linker"] && health.ownerLeft.isEmpty)
        #expect(health.brokenLinks.map(\.title) == ["Linker"] && health.brokenLinks[0].brokenTargets == ["nowhere-at-all"])
        #expect(health.orphans.map(\.title) == ["Linker"], "Linked has a page linking to it")
        #expect(health.untouched.isEmpty)
        #expect(try await service.health(for: world.principal, now: Self.months(13, from: Date())).untouched.count == 2)
        // Views are counted in memory and written together; a page read lately is not "unread".
        let views = PageViews(database: world.database)
        views.record(slug: "linker", at: Self.months(5, from: Date()))
        try await views.flush()
        #expect(try await service.health(for: world.principal, now: Self.months(7, from: Date())).unread.map(\.title) == ["Linked"])
        let annas = try await service.health(for: anna)
        #expect(annas.overdue.isEmpty && annas.withoutOwner.isEmpty, "Anna manages nothing")

        // Anna leaves: her page shows as the owner's gone, and is handed to Boris in one step.
        let boris = try await world.user("boris")
        try await UserAdministration(database: world.database, passwordCost: 4).setActive(false, id: anna.userId!, by: world.principal)
        health = try await service.health(for: world.principal, now: later)
        #expect(health.ownerLeft.map(\.title) == ["Linked"])
        await #expect(throws: NotFound.self) { try await service.reassign(from: anna.userId!, to: boris.userId!, by: boris) }
        #expect(try await service.ownedCount(of: anna.userId!) == 1)
        #expect(try await service.reassign(from: anna.userId!, to: boris.userId!, by: world.principal) == 1)
        #expect(try await service.line(ofArticle: linked.id!, for: boris)?.ownerName == "Boris")
        await #expect(throws: ValidationError.self) { try await service.reassign(from: boris.userId!, to: anna.userId!, by: world.principal) }
    }
}
