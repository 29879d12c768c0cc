import GRDB
import Testing
@testable import LoreCore

/// Scenario tests: for each way rights can arise, the policy's answer for one article and the
/// SQL filter used by every list must agree.
@Suite struct AccessPolicyTests {
    /// Asserts that `principal` can (or cannot) read `article`, by the decision and by every list.
    func expect(_ world: TestWorld, _ principal: Principal, reads article: Article, _ expected: Bool,
                sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let decision = try await world.database.reader.read { db in try AccessPolicy(principal).canRead(article, db) }
        #expect(decision == expected, "decision", sourceLocation: sourceLocation)
        let inCategory = try await world.queries.articles(inCategory: article.categoryId, for: principal)
        #expect(inCategory.contains { $0.id == article.id } == expected, "category list", sourceLocation: sourceLocation)
        let recent = try await world.queries.recentlyChanged(limit: 100, for: principal).contains { $0.id == article.id }
        #expect(recent == expected, "recent list", sourceLocation: sourceLocation)
        let counted = try await world.categories.tree(for: principal).flattened
            .first { $0.category.id == article.categoryId }?.articleCount ?? 0
        #expect(counted == inCategory.count, "count in tree", sourceLocation: sourceLocation)
        let found = (try? await world.queries.article(slug: article.slug, for: principal)) != nil
        #expect(found == expected, "lookup by slug", sourceLocation: sourceLocation)
    }

    @Test func employeesReadOpenCategoriesAndGuestsNothing() async throws {
        let world = try await TestWorld()
        let company = try await world.category("Company")
        let article = try await world.article("History", in: company)
        let employee = try await world.user("olga")
        try await expect(world, employee, reads: article, true)
        try await expect(world, world.principal, reads: article, true)
        let guest = try await PrincipalLoader(database: world.database).guest()
        try await expect(world, guest, reads: article, false)
        let guestRole = try await world.roles.role(kind: .guest)
        try await world.grant(.read, to: guestRole, on: company)
        try await expect(world, guest, reads: article, true)
    }

    @Test func explicitGrantOnARestrictedCategory() async throws {
        let world = try await TestWorld()
        let hrRole = try await world.role("HR")
        let employeeRole = try await world.roles.role(kind: .employee)
        let hr = try await world.category("HR")
        try await world.grant(AccessLevel.none, to: employeeRole, on: hr)
        try await world.grant(.edit, to: hrRole, on: hr)
        let salaries = try await world.article("Salary bands", in: hr)
        let marina = try await world.user("marina", roles: [hrRole])
        let ivan = try await world.user("ivan")
        try await expect(world, marina, reads: salaries, true)
        try await expect(world, ivan, reads: salaries, false)
        #expect(try await world.categories.tree(for: ivan).flattened.allSatisfy { $0.category.title != "HR" })
        await #expect(throws: NotFound()) { try await world.categories.category(id: hr.id!, for: ivan) }
    }

    @Test func subcategoriesInheritAndMayOverride() async throws {
        let world = try await TestWorld()
        let salesRole = try await world.role("Sales")
        let employeeRole = try await world.roles.role(kind: .employee)
        let sales = try await world.category("Sales")
        try await world.grant(AccessLevel.none, to: employeeRole, on: sales)
        try await world.grant(.read, to: salesRole, on: sales)
        let scripts = try await world.category("Scripts", in: sales)
        let open = try await world.category("Public price list", in: sales)
        try await world.grant(.read, to: employeeRole, on: open)
        let secret = try await world.category("Key accounts", in: sales)
        try await world.grant(AccessLevel.none, to: salesRole, on: secret)

        let script = try await world.article("First call", in: scripts)
        let prices = try await world.article("Prices", in: open)
        let accounts = try await world.article("Accounts", in: secret)
        let seller = try await world.user("sergey", roles: [salesRole])
        let employee = try await world.user("ivan")
        try await expect(world, seller, reads: script, true)       // inherited
        try await expect(world, employee, reads: script, false)    // inherited "none"
        try await expect(world, employee, reads: prices, true)     // child grants more than parent
        try await expect(world, seller, reads: accounts, false)    // child grants less than parent
        // The open subcategory shows at the top of the employee's tree, without its hidden parent.
        let tree = try await world.categories.tree(for: employee)
        #expect(tree.contains { $0.category.title == "Public price list" })
        #expect(!tree.flattened.contains { $0.category.title == "Sales" })
    }

    @Test func severalRolesAddUp() async throws {
        let world = try await TestWorld()
        let hrRole = try await world.role("HR")
        let legalRole = try await world.role("Legal")
        let employeeRole = try await world.roles.role(kind: .employee)
        let legal = try await world.category("Legal")
        try await world.grant(AccessLevel.none, to: employeeRole, on: legal)
        try await world.grant(.read, to: legalRole, on: legal)
        let drafts = try await world.article("Drafts", in: legal)
        let both = try await world.user("anna", roles: [hrRole, legalRole])
        let hrOnly = try await world.user("boris", roles: [hrRole])
        try await expect(world, both, reads: drafts, true)
        try await expect(world, hrOnly, reads: drafts, false)
    }

    @Test func articleRestrictionNarrowsItsCategory() async throws {
        let world = try await TestWorld()
        let hrRole = try await world.role("HR")
        let company = try await world.category("Company")
        let open = try await world.article("Holidays", in: company)
        let restricted = try await world.article("Layoff plan", in: company)
        try await world.roles.restrict(article: restricted.id!, to: [hrRole.id!], by: world.principal)
        let marina = try await world.user("marina", roles: [hrRole])
        let ivan = try await world.user("ivan")
        try await expect(world, ivan, reads: open, true)
        try await expect(world, ivan, reads: restricted, false)
        try await expect(world, marina, reads: restricted, true)
        try await expect(world, world.principal, reads: restricted, true)
    }

    @Test func editingNeedsEditAndMovingNeedsItOnBothSides() async throws {
        let world = try await TestWorld()
        let employeeRole = try await world.roles.role(kind: .employee)
        let company = try await world.category("Company")
        let rules = try await world.category("Regulations")
        try await world.grant(.read, to: employeeRole, on: rules)
        let article = try await world.article("Working hours", in: rules)
        let other = try await world.article("History", in: company)
        let ivan = try await world.user("ivan")

        var draft = ArticleDraft(article)
        draft.body = "changed"
        await #expect(throws: AccessDenied()) { try await world.articles.save(id: article.id!, draft, baseRevision: nil, by: ivan) }
        var move = ArticleDraft(other)
        move.categoryId = rules.id!
        await #expect(throws: AccessDenied()) { try await world.articles.save(id: other.id!, move, baseRevision: nil, by: ivan) }
        await #expect(throws: AccessDenied()) {
            try await world.articles.create(ArticleDraft(title: "New rule", categoryId: rules.id!, body: ""), by: ivan)
        }
        await #expect(throws: AccessDenied()) { try await world.articles.delete(id: article.id!, by: ivan) }
        var fine = ArticleDraft(other)
        fine.body = "edited by an employee"
        #expect(try await world.articles.save(id: other.id!, fine, baseRevision: nil, by: ivan).revision == 2)
    }

    @Test func hiddenCategoriesCannotBeWrittenToOrProbed() async throws {
        let world = try await TestWorld()
        let employeeRole = try await world.roles.role(kind: .employee)
        let hr = try await world.category("HR")
        try await world.grant(AccessLevel.none, to: employeeRole, on: hr)
        try await world.article("Secret Salary Bands", in: hr)
        let company = try await world.category("Company")
        let ivan = try await world.user("ivan")
        await #expect(throws: ValidationError(field: "category", .notFound)) {
            try await world.articles.create(ArticleDraft(title: "Sneaky", categoryId: hr.id!, body: ""), by: ivan)
        }
        // A preview must not tell whether a hidden title exists.
        let preview = try await world.articles.preview("[[Secret Salary Bands]]", for: ivan)
        #expect(preview.html.contains("wikilink missing"))
        let note = try await world.article("Note", in: company, body: "See [[Secret Salary Bands]].")
        #expect(try await world.queries.backlinks(to: note, for: ivan).isEmpty)
        await #expect(throws: AccessDenied()) {
            try await world.categories.create(CategoryDraft(title: "Mine"), by: ivan)
        }
    }

    @Test func linksToHiddenPagesLookLikeLinksToMissingOnes() async throws {
        let world = try await TestWorld()
        let employeeRole = try await world.roles.role(kind: .employee)
        let hr = try await world.category("HR")
        try await world.grant(AccessLevel.none, to: employeeRole, on: hr)
        try await world.article("Salary bands", in: hr)
        let company = try await world.category("Company")
        let note = try await world.article("Note", in: company, body: "[[Salary bands]] and [[Nothing here]] and [[Note]]")
        let ivan = try await world.user("ivan")
        let forIvan = try await world.queries.visibleHTML(of: note, for: ivan)
        #expect(!forIvan.contains("/a/salary-bands"))
        #expect(forIvan.contains(#"<a class="wikilink missing" href="/new?title=Salary%20bands" data-target="Salary bands" rel="nofollow">"#))
        #expect(forIvan.contains(#"<a class="wikilink missing" href="/new?title=Nothing%20here" data-target="Nothing here" rel="nofollow">"#))
        #expect(forIvan.contains(#"href="/a/note""#))
        #expect(try await world.queries.visibleHTML(of: note, for: world.principal).contains("/a/salary-bands"))
    }

    @Test func effectiveGrantsComeFromTheNearestAncestor() {
        let parents: [Int64: Int64?] = [1: nil, 2: 1, 3: 2, 4: 1]
        let own: [Int64: [Int64: AccessLevel]] = [1: [10: .read, 11: .edit], 3: [10: .manage], 4: [11: AccessLevel.none]]
        let result = EffectiveGrants.compute(parents: parents, own: own)
        #expect(result[2]?[10] == .init(level: .read, sourceCategoryId: 1))
        #expect(result[3]?[10] == .init(level: .manage, sourceCategoryId: 3))
        #expect(result[3]?[11] == .init(level: .edit, sourceCategoryId: 1))
        #expect(result[4]?[11] == .init(level: AccessLevel.none, sourceCategoryId: 4))
    }
}
