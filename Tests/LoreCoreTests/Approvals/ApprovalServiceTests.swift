import Foundation
import GRDB
import Testing
@testable import LoreCore

/// Approval before publishing: a change waits unseen by readers, is approved as its author's
/// revision or returned, and every write path respects the rule.
@Suite struct ApprovalServiceTests {
    struct Setup {
        let world: TestWorld
        let service: ApprovalService
        let rules: Category
        let page: Article
        let anna: Principal
        let boris: Principal
        let reader: Principal
        let approver: Principal
    }

    /// "Rules" requires approval by the Approvers role; Anna and Boris edit, Reader only reads.
    static func setup() async throws -> Setup {
        let world = try await TestWorld()
        let rules = try await world.category("Rules")
        let page = try await world.article("Dress code", in: rules, body: "one\ntwo\nthree\nfour\nfive")
        let editors = try await world.role("Editors"), approvers = try await world.role("Approvers"), readers = try await world.role("Readers")
        let employee = try await world.roles.role(kind: .employee)
        try await world.grant(nil, to: employee, on: rules)
        try await world.grant(.edit, to: editors, on: rules)
        try await world.grant(.read, to: approvers, on: rules)
        try await world.grant(.read, to: readers, on: rules)
        let service = ApprovalService(database: world.database)
        try await service.set(.init(mode: .required, approverRoleId: approvers.id), ofCategory: rules.id!, by: world.principal)
        return Setup(world: world, service: service, rules: rules, page: page,
                     anna: try await world.user("anna", roles: [editors]), boris: try await world.user("boris", roles: [editors]),
                     reader: try await world.user("reader", roles: [readers]), approver: try await world.user("approver", roles: [approvers]))
    }

    static func draft(_ setup: Setup, _ body: String, title: String = "Dress code") -> ArticleDraft {
        ArticleDraft(title: title, slug: setup.page.slug, categoryId: setup.rules.id!, body: body)
    }

    @Test func aChangeWaitsUnseenAndIsPublishedAsTheAuthorsRevisionWhenApproved() async throws {
        let setup = try await Self.setup()
        let world = setup.world
        await #expect(throws: ApprovalRequired.self) {
            try await world.articles.save(id: setup.page.id!, Self.draft(setup, "one\ntwo\nsecret plan\nfour\nfive"), baseRevision: 1, by: setup.anna)
        }
        let change = try await setup.service.submit(Self.draft(setup, "one\ntwo\nsecret plan\nfour\nfive"), article: setup.page.id, baseRevision: 1,
                                                    by: setup.anna)
        #expect(try await world.current(setup.page.slug).body == "one\ntwo\nthree\nfour\nfive", "readers keep the published text")
        let search = SearchService(database: world.database)
        #expect(try await search.search(SearchQuery("secret plan"), for: world.principal).hits.isEmpty, "the waiting text is not indexed")
        await #expect(throws: NotFound.self) { try await setup.service.change(id: change.id!, for: setup.reader) }
        await #expect(throws: NotFound.self) { try await setup.service.change(id: change.id!, for: setup.boris) }
        #expect(try await setup.service.changes(for: setup.approver).toApprove.map(\.change.id) == [change.id])
        #expect(try await setup.service.changes(for: setup.anna).mine.map(\.change.id) == [change.id])
        #expect(try await world.queries.personalParts(ofArticle: setup.page.slug).hasPendingChanges)
        await #expect(throws: AccessDenied.self) { try await setup.service.approve(id: change.id!, by: setup.anna) }

        let published = try await setup.service.approve(id: change.id!, by: setup.approver)
        #expect(published.revision == 2 && published.body.contains("secret plan") && published.updatedById == setup.anna.userId)
        let history = try await HistoryQueries(database: world.database).history(of: published, before: nil, limit: 10, for: world.principal)
        #expect(history.first?.approvedBy == "Approver" && history.first?.authorName == "Anna")
        #expect(try await setup.service.changes(for: setup.approver).toApprove.isEmpty)
        await #expect(throws: NotFound.self) { try await setup.service.change(id: change.id!, for: setup.approver) }
    }

    @Test func aReturnedChangeGoesBackWithItsCommentAndComesAgain() async throws {
        let setup = try await Self.setup()
        let change = try await setup.service.submit(Self.draft(setup, "one\nTWO\nthree\nfour\nfive"), article: setup.page.id, baseRevision: 1,
                                                    by: setup.anna)
        await #expect(throws: ValidationError.self) { try await setup.service.returnToAuthor(id: change.id!, comment: " ", by: setup.approver) }
        try await setup.service.returnToAuthor(id: change.id!, comment: "Keep it lowercase", by: setup.approver)
        let returned = try await setup.service.change(id: change.id!, for: setup.anna)
        #expect(returned.change.state == .returned && returned.change.comment == "Keep it lowercase")
        #expect(try await setup.service.changes(for: setup.approver).toApprove.isEmpty, "a returned change waits for its author")
        let again = try await setup.service.submit(Self.draft(setup, "one\ntwo!\nthree\nfour\nfive"), article: setup.page.id, baseRevision: 1,
                                                   by: setup.anna)
        #expect(again.id == change.id && again.state == .pending, "sending again replaces the author's change")
        try await setup.service.withdraw(id: change.id!, by: setup.anna)
        let stillWaiting = try await setup.world.queries.personalParts(ofArticle: setup.page.slug).hasPendingChanges
        #expect(!stillWaiting)
    }

    @Test func twoAuthorsChangesMergeOrClashWhenApprovedOneAfterTheOther() async throws {
        let setup = try await Self.setup()
        let first = try await setup.service.submit(Self.draft(setup, "ONE\ntwo\nthree\nfour\nfive"), article: setup.page.id, baseRevision: 1, by: setup.anna)
        let second = try await setup.service.submit(Self.draft(setup, "one\ntwo\nthree\nfour\nFIVE"), article: setup.page.id, baseRevision: 1,
                                                    by: setup.boris)
        try await setup.service.approve(id: first.id!, by: setup.approver)
        let merged = try await setup.service.approve(id: second.id!, by: setup.approver)
        #expect(merged.body == "ONE\ntwo\nthree\nfour\nFIVE", "changes to different lines both land")

        let third = try await setup.service.submit(Self.draft(setup, "uno\ntwo\nthree\nfour\nFIVE"), article: setup.page.id, baseRevision: 3, by: setup.anna)
        _ = try await setup.world.articles.save(id: setup.page.id!, Self.draft(setup, "eins\ntwo\nthree\nfour\nFIVE"), baseRevision: 3,
                                                by: setup.world.principal)
        await #expect(throws: EditConflict.self) { try await setup.service.approve(id: third.id!, by: setup.approver) }
        #expect(try await setup.service.change(id: third.id!, for: setup.approver).change.state == .pending, "a clash keeps the change")
    }

    @Test func newPagesMovesAndRestoresWaitTooAndAnOwnRuleOverridesTheParents() async throws {
        let setup = try await Self.setup()
        let world = setup.world
        await #expect(throws: ApprovalRequired.self) {
            try await world.articles.create(ArticleDraft(title: "Badges", categoryId: setup.rules.id!, body: "x"), by: setup.anna)
        }
        let fresh = try await setup.service.submit(ArticleDraft(title: "Badges", categoryId: setup.rules.id!, body: "Wear it."), article: nil,
                                                   baseRevision: nil, by: setup.anna)
        let created = try await setup.service.approve(id: fresh.id!, by: setup.approver)
        #expect(created.title == "Badges" && created.createdById == setup.anna.userId)

        let elsewhere = try await world.category("Elsewhere")
        var moved = Self.draft(setup, "one\ntwo\nthree\nfour\nfive")
        moved.categoryId = elsewhere.id!
        await #expect(throws: ApprovalRequired.self) { try await world.articles.save(id: setup.page.id!, moved, baseRevision: 1, by: setup.anna) }
        _ = try await world.articles.save(id: setup.page.id!, Self.draft(setup, "changed by the admin"), baseRevision: 1, by: world.principal)
        await #expect(throws: ApprovalRequired.self) { try await world.articles.revert(id: setup.page.id!, to: 1, by: setup.anna) }
        await #expect(throws: AccessDenied.self) { try await world.articles.delete(id: setup.page.id!, by: setup.anna) }

        let open = try await world.category("Open corner", in: setup.rules)
        try await world.grant(.edit, to: try await world.roles.roles().first { $0.name == "Editors" }!, on: open)
        try await setup.service.set(.init(mode: .notRequired), ofCategory: open.id!, by: world.principal)
        let free = try await world.articles.create(ArticleDraft(title: "Notes", categoryId: open.id!, body: "x"), by: setup.anna)
        #expect(free.revision == 1, "a subcategory that sets its own rule publishes at once")
        let annaWaits = try await setup.service.holds(setup.anna, in: [setup.rules.id!])
        let approverWaits = try await setup.service.holds(setup.approver, in: [setup.rules.id!])
        let readerWaits = try await setup.service.holds(setup.reader, in: [setup.rules.id!])
        #expect(annaWaits && !approverWaits)
        #expect(!readerWaits, "a reader is refused, not asked to wait")
    }
}

/// Files and pages waiting for approval: nothing reaches readers before the approval.
@Suite struct ApprovalFileTests {
    @Test func filesWaitWithTheirPageAndArePublishedWithIt() async throws {
        let setup = try await ApprovalServiceTests.setup()
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("lore-approval-files-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let files = AttachmentService(database: setup.world.database, store: FileStore(root: root))
        let png = AttachmentServiceTests.png
        await #expect(throws: AccessDenied.self, "a file on the published page would reach readers at once") {
            try await files.upload(AttachmentServiceTests.Chunks(pieces: [png]), name: "plan.png", to: .article(slug: setup.page.slug), by: setup.anna)
        }
        let key = SecretToken.random()
        let picture = try await files.upload(AttachmentServiceTests.Chunks(pieces: [png]), name: "plan.png", to: .draft(key: key), by: setup.anna)
        let change = try await setup.service.submit(
            ArticleDraft(title: "Floor plan", categoryId: setup.rules.id!, body: "![Plan](file:plan.png)", files: key), article: nil,
            baseRevision: nil, by: setup.anna)
        await #expect(throws: NotFound.self) { try await files.file(id: picture.id!, for: setup.reader) }
        let page = try await setup.service.approve(id: change.id!, by: setup.approver)
        #expect(page.html.contains("src=\"/files/\(picture.id!)/plan.png\""))
        #expect(try await files.file(id: picture.id!, for: setup.reader).attachment.name == "plan.png", "published with its page")
    }
}
