import Testing
@testable import LoreCore

@Suite struct CategoryServiceTests {
    @Test func buildsANestedOrderedTree() async throws {
        let world = try await TestWorld()
        let hr = try await world.category("HR")
        let sales = try await world.category("Sales")
        try await world.category("Onboarding", in: hr)
        try await world.category("Leave", in: hr)
        try await world.article("Vacations", in: hr)
        let tree = try await world.categories.tree(for: world.principal)
        #expect(tree.map(\.category.title) == ["HR", "Sales"])
        #expect(tree[0].children.map(\.category.path) == ["hr/onboarding", "hr/leave"])
        #expect(tree[0].articleCount == 1)
        #expect(tree[0].totalArticleCount == 1)
        #expect(tree.flattened.count == 4)
        _ = sales
    }

    @Test func reorderMovesAmongSiblings() async throws {
        let world = try await TestWorld()
        let a = try await world.category("A")
        try await world.category("B")
        let c = try await world.category("C")
        try await world.categories.reorder(id: c.id!, .up, by: world.principal)
        #expect(try await world.categories.tree(for: world.principal).map(\.category.title) == ["A", "C", "B"])
        try await world.categories.reorder(id: a.id!, .up, by: world.principal)  // already first: no change
        try await world.categories.reorder(id: a.id!, .down, by: world.principal)
        #expect(try await world.categories.tree(for: world.principal).map(\.category.title) == ["C", "A", "B"])
    }

    @Test func renameAndMoveCarryTheSubtree() async throws {
        let world = try await TestWorld()
        let hr = try await world.category("HR")
        let onboarding = try await world.category("Onboarding", in: hr)
        let firstWeek = try await world.category("First week", in: onboarding)
        let people = try await world.categories.update(
            id: hr.id!, with: CategoryDraft(title: "People", slug: "people"), by: world.principal)
        #expect(people.path == "people")
        #expect(try await world.categories.category(id: firstWeek.id!, for: world.principal).path == "people/onboarding/first-week")

        let company = try await world.category("Company")
        _ = try await world.categories.update(
            id: onboarding.id!, with: CategoryDraft(title: "Onboarding", slug: "onboarding", parentId: company.id), by: world.principal)
        #expect(try await world.categories.category(id: firstWeek.id!, for: world.principal).path == "company/onboarding/first-week")
        let lineage = try await world.categories.lineage(
            of: try await world.categories.category(id: firstWeek.id!, for: world.principal), for: world.principal)
        #expect(lineage.map(\.title) == ["Company", "Onboarding", "First week"])
    }

    @Test func refusesToMoveIntoItself() async throws {
        let world = try await TestWorld()
        let hr = try await world.category("HR")
        let onboarding = try await world.category("Onboarding", in: hr)
        await #expect(throws: ValidationError(field: "parent", .wouldCreateLoop)) {
            try await world.categories.update(id: hr.id!, with: CategoryDraft(title: "HR", slug: "hr", parentId: onboarding.id), by: world.principal)
        }
        await #expect(throws: ValidationError(field: "parent", .wouldCreateLoop)) {
            try await world.categories.update(id: hr.id!, with: CategoryDraft(title: "HR", slug: "hr", parentId: hr.id), by: world.principal)
        }
        #expect(try await world.categories.category(id: hr.id!, for: world.principal).parentId == nil)
    }

    @Test func validatesInput() async throws {
        let world = try await TestWorld()
        try await world.category("HR")
        await #expect(throws: ValidationError(field: "title", .required)) {
            try await world.categories.create(CategoryDraft(title: "   "), by: world.principal)
        }
        await #expect(throws: ValidationError(field: "title", .duplicate)) {
            try await world.categories.create(CategoryDraft(title: "hr"), by: world.principal)
        }
        await #expect(throws: ValidationError(field: "slug", .invalidSlug)) {
            try await world.categories.create(CategoryDraft(title: "Legal", slug: "Legal Dept"), by: world.principal)
        }
        await #expect(throws: ValidationError(field: "parent", .notFound)) {
            try await world.categories.create(CategoryDraft(title: "Legal", parentId: 999), by: world.principal)
        }
    }

    @Test func deletesOnlyEmptyCategories() async throws {
        let world = try await TestWorld()
        let hr = try await world.category("HR")
        let leave = try await world.category("Leave", in: hr)
        let article = try await world.article("Vacations", in: leave)
        await #expect(throws: CategoryNotEmpty(title: "HR")) { try await world.categories.delete(id: hr.id!, by: world.principal) }
        try await world.articles.delete(id: article.id!, by: world.principal)
        // A trashed article may still be restored into its category.
        await #expect(throws: CategoryNotEmpty(title: "Leave")) { try await world.categories.delete(id: leave.id!, by: world.principal) }
        let empty = try await world.category("Empty")
        try await world.categories.delete(id: empty.id!, by: world.principal)
        await #expect(throws: NotFound()) { try await world.categories.category(id: empty.id!, for: world.principal) }
    }

    @Test func aNewCategoryIsReadByEmployeesUnlessItsMakerChoseRights() async throws {
        let world = try await TestWorld()
        let ivan = try await world.user("ivan")
        let sales = try await world.role("Sales", [])
        let plain = try await world.categories.create(CategoryDraft(title: "Plain"), by: world.principal)
        #expect(try await world.categories.level(inCategory: plain.id!, for: ivan) == .read, "employees read; nobody writes until chosen")
        var draft = CategoryDraft(title: "Deals")
        draft.grants = [try await world.roles.role(kind: .employee).id!: AccessLevel.none, sales.id!: .edit]
        let deals = try await world.categories.create(draft, by: world.principal)
        #expect(try await world.categories.level(inCategory: deals.id!, for: ivan) == AccessLevel.none)
        let seller = try await world.user("seller", roles: [sales])
        #expect(try await world.categories.level(inCategory: deals.id!, for: seller) == .edit)
        let sub = try await world.categories.create(CategoryDraft(title: "Won", parentId: deals.id), by: world.principal)
        #expect(try await world.categories.level(inCategory: sub.id!, for: seller) == .edit, "a subcategory has its parent's rights")
        var admins = CategoryDraft(title: "Nope")
        admins.grants = [try await world.roles.role(kind: .administrator).id!: .read]
        await #expect(throws: ValidationError.self) { try await world.categories.create(admins, by: world.principal) }
    }
}


extension CategoryServiceTests {
    /// The tree is kept per kind of reader between changes: each reader still sees their own
    /// counts, and a new page or a changed grant shows on the next read.
    @Test func aKeptTreeIsEachReadersOwnAndFollowsEveryChange() async throws {
        let world = try await TestWorld()
        let service = CategoryService(database: world.database)
        let hr = try await world.category("HR")
        let team = try await world.category("HR team", in: hr)
        let hrRole = try await world.role("HR")
        try await world.grant(.read, to: hrRole, on: team)
        try await world.grant(AccessLevel.none, to: try await world.roles.role(kind: .employee), on: team)
        try await world.article("Salaries", in: team)
        let marina = try await world.user("marina", roles: [hrRole]), ivan = try await world.user("ivan")

        #expect(try await service.tree(for: marina).flattened.map(\.category.title) == ["HR", "HR team"])
        #expect(try await service.tree(for: ivan).flattened.map(\.category.title) == ["HR"], "not Marina's tree")
        #expect(try await service.tree(for: marina)[0].totalArticleCount == 1)

        try await world.article("Bonuses", in: team)
        #expect(try await service.tree(for: marina)[0].totalArticleCount == 2, "a new page counts at once")
        try await world.grant(.read, to: try await world.roles.role(kind: .employee), on: team)
        #expect(try await service.tree(for: ivan).flattened.map(\.category.title) == ["HR", "HR team"], "a grant shows at once")
    }
}
