import Testing
@testable import LoreCore

/// A save renders before its write transaction and uses that rendering only when nothing was
/// committed meanwhile: a page it links to may have been made or renamed in between.
@Suite struct PrerenderedTests {
    @Test func aRenderingIsUsedOnlyForItsTextAndItsMoment() throws {
        let rendered = try MarkdownRenderer().render("See [[Vacations]].", resolver: StaticWikiLinkResolver(slugsByKey: [:]))
        let made = Prerendered(generation: 7, body: "See [[Vacations]].", rendered: rendered)
        #expect(made.usable(for: "See [[Vacations]].", now: 7) == rendered)
        #expect(made.usable(for: "See [[Vacations]].", now: 8) == nil, "something was committed since")
        #expect(made.usable(for: "See [[Leave]].", now: 7) == nil, "the text was merged or changed")
    }

    @Test func aSaveStillResolvesALinkToAPageMadeSinceItsTextWasRendered() async throws {
        let world = try await TestWorld()
        let hr = try await world.category("HR")
        let article = try await world.article("Leave", in: hr, body: "See [[Sick days]].")
        #expect(try await world.current("leave").html.contains("wikilink missing"))
        _ = try await world.article("Sick days", in: hr)
        #expect(try await world.current("leave").html.contains("href=\"/a/sick-days\""), "the link was rendered again when its target appeared")
        var draft = ArticleDraft(article)
        draft.body = "See [[Sick days]] and [[Sick days]]."
        let saved = try await world.articles.save(id: article.id!, draft, baseRevision: article.revision, by: world.principal)
        #expect(!saved.html.contains("wikilink missing"))
    }
}
