import Foundation
import Testing
@testable import LoreCore

@Suite struct BracketLimiterTests {
    let resolver = StaticWikiLinkResolver(slugsByKey: [:])

    @Test func ordinaryPagesAreLeftAlone() {
        let page = (1...400).map { "- [[Page \($0)]] and [a link](https://example.com/\($0))" }.joined(separator: "\n")
        #expect(BracketLimiter.limited(page) == page, "brackets are counted per list item")
        let code = "```\n" + String(repeating: "[", count: 5000) + "\n```"
        #expect(BracketLimiter.limited(code) == code, "brackets in code are not touched")
    }

    @Test func thePathologicalPatternRendersQuicklyWithItsBracketsShown() throws {
        // CVE-2023-22486: cmark 0.30.2 took 8 s for 300 KB of this; the limit on a page is 256 KiB.
        let attack = String(repeating: "![[]()", count: ArticleDraft.maxBodyBytes / 6)
        let limited = BracketLimiter.limited(attack)
        #expect(limited.utf8.count(where: { $0 == UInt8(ascii: "\\") }) == attack.utf8.count(where: { $0 == UInt8(ascii: "[") }) - BracketLimiter.limit)
        let clock = ContinuousClock()
        var html = ""
        let elapsed = try clock.measure { html = try MarkdownRenderer().render(attack, resolver: resolver).html }
        // Quadratic, this takes minutes in a debug build; linear, well under a second.
        #expect(elapsed < .seconds(5))
        #expect(html.contains("![[]()"), "the escaped brackets show as typed")
    }
}
