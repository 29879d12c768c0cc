import Testing
@testable import LoreCore

/// `![Plan](file:plan.png){width=400 align=right}`: an image's size and place.
@Suite struct SizedImagesTests {
    let resolver = StaticWikiLinkResolver(slugsByKey: [:], files: ["plan.png": "/files/7/plan.png"])

    func html(_ markdown: String) throws -> String {
        try MarkdownRenderer().render(markdown, resolver: resolver).html
    }

    @Test func widthAndAlignmentBecomeAttributes() throws {
        #expect(try html("![Plan](file:plan.png){width=400}") == "<p><img src=\"/files/7/plan.png\" alt=\"Plan\" width=\"400\" /></p>\n")
        #expect(try html("A ![*Big* plan](file:plan.png \"Floor 2\"){width=300px align=right} b")
            == "<p>A <img src=\"/files/7/plan.png\" alt=\"Big plan\" title=\"Floor 2\" width=\"300\" class=\"align-right\" /> b</p>\n")
    }

    @Test func anythingElseInBracesStaysText() throws {
        #expect(try html("![Plan](file:plan.png){width=0}").contains("/>{width=0}"))
        #expect(try html("![Plan](file:plan.png){width=9999}").contains("{width=9999}"))
        #expect(try html("![Plan](file:plan.png){onload=alert(1)}").contains("{onload=alert(1)}"))
        let hostile = try html("![Plan](file:plan.png){align=\"><script>}")
        #expect(hostile.contains("{align=&quot;&gt;") && !hostile.contains("<script"))
    }

    @Test func theAddressStaysSafe() throws {
        let rendered = try html("![x\" onerror=\"alert(1)](javascript:alert(1)){width=10}")
        #expect(rendered == "<p><img src=\"\" alt=\"x&quot; onerror=&quot;alert(1)\" width=\"10\" /></p>\n")
    }
}
