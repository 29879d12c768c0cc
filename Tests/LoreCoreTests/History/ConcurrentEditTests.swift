import Testing
@testable import LoreCore

/// Two people edit the same article from the same revision: their work is merged when it can
/// be, and never silently lost when it cannot.
@Suite struct ConcurrentEditTests {
    static let text = "Intro paragraph.\n\nMiddle paragraph.\n\nClosing paragraph.\n"

    func edited(_ article: Article, body: String, title: String? = nil) -> ArticleDraft {
        var draft = ArticleDraft(article)
        draft.body = body
        if let title { draft.title = title }
        return draft
    }

    @Test func editsOfDifferentLinesAreMerged() async throws {
        let world = try await TestWorld()
        let hr = try await world.category("HR")
        let article = try await world.article("Vacations", in: hr, body: Self.text)
        let anna = Self.text.replacingOccurrences(of: "Intro paragraph.", with: "Intro, rewritten by Anna.")
        _ = try await world.articles.save(id: article.id!, edited(article, body: anna), baseRevision: 1, by: world.principal)
        let boris = Self.text.replacingOccurrences(of: "Closing paragraph.", with: "Closing, rewritten by Boris.")
        let saved = try await world.articles.save(id: article.id!, edited(article, body: boris, title: "Annual leave"),
                                                  baseRevision: 1, by: world.principal)
        #expect(saved.revision == 3, "a merge shows as a revision more than one past the base")
        #expect(saved.body == "Intro, rewritten by Anna.\n\nMiddle paragraph.\n\nClosing, rewritten by Boris.\n")
        #expect(saved.title == "Annual leave", "a title only one side changed is taken")
    }

    @Test func overlappingEditsKeepBothTextsAndWriteNothing() async throws {
        let world = try await TestWorld()
        let hr = try await world.category("HR")
        let article = try await world.article("Vacations", in: hr, body: Self.text)
        let anna = Self.text.replacingOccurrences(of: "Middle paragraph.", with: "Middle, by Anna.")
        _ = try await world.articles.save(id: article.id!, edited(article, body: anna), baseRevision: 1, by: world.principal)
        let boris = Self.text.replacingOccurrences(of: "Middle paragraph.", with: "Middle, by Boris.")
        let conflict = try await #require(throws: EditConflict.self) {
            try await world.articles.save(id: article.id!, edited(article, body: boris), baseRevision: 1, by: world.principal)
        }
        #expect(conflict.clashes == [.init(base: "Middle paragraph.", mine: "Middle, by Boris.", theirs: "Middle, by Anna.")])
        #expect(conflict.body.contains("Middle, by Boris.") && conflict.body.contains("Middle, by Anna."))
        #expect(conflict.body.contains("Intro paragraph.") && conflict.body.contains("Closing paragraph."))
        #expect(conflict.current.revision == 2)
        #expect(try await world.revisions(of: article).count == 2)

        // Saving the markers as they are is refused; resolving them saves.
        await #expect(throws: ValidationError(field: "body", .unresolvedConflict)) {
            try await world.articles.save(id: article.id!, edited(article, body: conflict.body), baseRevision: 2, by: world.principal)
        }
        let resolved = Self.text.replacingOccurrences(of: "Middle paragraph.", with: "Middle, by Anna and Boris.")
        let saved = try await world.articles.save(id: article.id!, edited(article, body: resolved), baseRevision: 2, by: world.principal)
        #expect(saved.revision == 3)
    }

    @Test func differentNewTitlesAreAConflictEvenWhenTheTextsMerge() async throws {
        let world = try await TestWorld()
        let hr = try await world.category("HR")
        let article = try await world.article("Vacations", in: hr, body: Self.text)
        _ = try await world.articles.save(id: article.id!, edited(article, body: Self.text, title: "Leave"), baseRevision: 1, by: world.principal)
        let conflict = try await #require(throws: EditConflict.self) {
            try await world.articles.save(id: article.id!, edited(article, body: Self.text + "More.\n", title: "Holidays"),
                                          baseRevision: 1, by: world.principal)
        }
        #expect(conflict.theirTitle == "Leave")
        #expect(conflict.clashes.isEmpty)
        #expect(conflict.body == Self.text + "More.\n", "the merged text is offered")
    }

    @Test func anUnknownStartingPointIsAConflictThatKeepsTheText() async throws {
        let world = try await TestWorld()
        let hr = try await world.category("HR")
        let article = try await world.article("Vacations", in: hr, body: Self.text)
        _ = try await world.articles.save(id: article.id!, edited(article, body: "Changed.\n"), baseRevision: 1, by: world.principal)
        for base in [0, 7, -3] {
            let conflict = try await #require(throws: EditConflict.self) {
                try await world.articles.save(id: article.id!, edited(article, body: "Mine.\n"), baseRevision: base, by: world.principal)
            }
            #expect(conflict.body == "Mine.\n")
            #expect(conflict.base == nil)
        }
    }

    @Test func conflictMarkersAreFoundOnlyAsWritten() {
        #expect(ConflictMarkers.contains("a\n<<<<<<< your version\nx\n=======\ny\n>>>>>>> revision 3\nb"))
        #expect(ConflictMarkers.contains("<<<<<<< your version\r\nx\r\n>>>>>>> revision 3\r\n"))
        #expect(!ConflictMarkers.contains("Use >>>>>>> revision 3 in git docs"))
        #expect(!ConflictMarkers.contains(">>>>>>> revision 3\n<<<<<<< your version"))
    }
}
