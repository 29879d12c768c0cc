import Testing
@testable import LoreCore

@Suite struct MarkdownRendererTests {
    let renderer = MarkdownRenderer()
    let resolver = StaticWikiLinkResolver(slugsByKey: ["vacations": "vacations", "first-day": "first-day"])

    func html(_ markdown: String) throws -> String {
        try renderer.render(markdown, resolver: resolver).html
    }

    @Test func rendersCommonMark() throws {
        let output = try html("# Title\n\nSome *emphasis* and a [link](https://example.com).\n\n- one\n- two\n")
        #expect(output.contains("<em>emphasis</em>"))
        #expect(output.contains("<a href=\"https://example.com\">link</a>"))
        #expect(output.contains("<li>two</li>"))
    }

    @Test func wikiLinkToExistingArticleUsesItsSlug() throws {
        let output = try html("See [[Vacations]].")
        #expect(output.contains("<a class=\"wikilink\" href=\"/a/vacations\" data-target=\"Vacations\">Vacations</a>"))
    }

    @Test func wikiLinkWithLabel() throws {
        let output = try html("Read [[first-day|your first day]] first.")
        #expect(output.contains("<a class=\"wikilink\" href=\"/a/first-day\" data-target=\"first-day\">your first day</a>"))
    }

    @Test func missingTargetBecomesCreateLink() throws {
        let output = try html("[[Parking rules]]")
        #expect(output.contains("class=\"wikilink missing\""))
        #expect(output.contains("href=\"/new?title=Parking%20rules\""))
    }

    @Test func clientLinks() throws {
        let rendered = try renderer.render("Call [[client:volga-retail]] today.", resolver: resolver)
        #expect(rendered.html.contains("href=\"/clients/volga-retail\""))
        #expect(rendered.links.contains { $0.kind == .client && $0.key == "volga-retail" })
    }

    @Test func linksInsideCodeAreUntouched() throws {
        let output = try html("Write `[[Vacations]]` like this:\n\n```\n[[Vacations]]\n```\n\n    [[Vacations]]\n")
        #expect(!output.contains("wikilink"))
        #expect(output.contains("<code>[[Vacations]]</code>"))
        #expect(output.contains("<pre><code>[[Vacations]]\n</code></pre>"))
    }

    @Test func linksInsideOrdinaryLinkLabelsStayText() throws {
        let output = try html("[about [[Vacations]]](https://example.com)")
        #expect(!output.contains("wikilink"))
    }

    @Test func foundLinksAreReported() throws {
        let rendered = try renderer.render("[[Vacations]], [[vacations|again]], [[Nowhere]] and `[[Code]]`", resolver: resolver)
        #expect(Set(rendered.links.map(\.key)) == ["vacations", "nowhere"])
    }

    @Test func cyrillicWikiLinkTargetsAreTransliterated() throws {
        let rendered = try renderer.render("[[Правила внутреннего распорядка]]", resolver: resolver)
        #expect(rendered.links.first?.key == "pravila-vnutrennego-rasporyadka")
        #expect(rendered.html.contains(">Правила внутреннего распорядка</a>"))
    }

    @Test func rawHTMLIsOmitted() throws {
        let output = try html("<script>alert(1)</script>\n\nText <img src=x onerror=alert(1)> and <b onclick=x>bold</b>")
        #expect(!output.contains("<script"))
        #expect(!output.contains("<img"))
        #expect(!output.contains("onerror"))
        #expect(!output.contains("onclick"))
    }

    @Test(arguments: [
        "[x](javascript:alert(1))", "[x](JAVASCRIPT:alert(1))", "[x](javascript&#58;alert(1))",
        "[x](data:text/html;base64,PHNjcmlwdD4=)", "![x](data:image/png;base64,AAAA)", "[x](vbscript:msgbox)",
        "[x](<java script:alert(1)>)", "[x](file:///etc/passwd)",
    ])
    func dangerousURLsAreRemoved(markdown: String) throws {
        let output = try html(markdown).lowercased()
        #expect(!output.contains("javascript"))
        #expect(!output.contains("data:"))
        #expect(!output.contains("vbscript"))
        #expect(!output.contains("file:"))
    }

    @Test(arguments: ["https://example.com/a?b=c", "mailto:hr@example.com", "tel:+15550100", "/a/vacations", "#section", "relative/page"])
    func safeURLsAreKept(url: String) throws {
        #expect(try html("[x](\(url))").contains("href=\"\(url.replacingOccurrences(of: "&", with: "&amp;"))\""))
    }

    @Test func wikiLinkLabelsAndTargetsAreEscaped() throws {
        let output = try html("[[<img src=x onerror=alert(1)>]] and [[x\" onmouseover=\"alert(1)|label]] and [[a < b & \"c\"]]")
        #expect(!output.contains("<img"))
        #expect(!output.contains("\" onmouseover"))
        #expect(output.contains(">a &lt; b &amp; &quot;c&quot;</a>"))
    }

    @Test func nestedAndUnbalancedBrackets() throws {
        let output = try html("[[[Vacations]]] and [[a [[Vacations]] b]] and [[ ]] and [[|x]] and [[Vacations]")
        #expect(output.contains("<a class=\"wikilink\" href=\"/a/vacations\" data-target=\"Vacations\">Vacations</a>"))
        #expect(!output.contains("<a class=\"wikilink missing\" href=\"/new?title=%20\""))
    }

    @Test func hugeRunsOfBracketsRenderQuickly() throws {
        let hostile = String(repeating: "[[", count: 50_000) + String(repeating: "]]", count: 100)
        let clock = ContinuousClock()
        let elapsed = try clock.measure { _ = try html(hostile) }
        // Linear work: far below a second even in a debug build; quadratic would take minutes.
        #expect(elapsed < .seconds(5))
    }

    /// Shapes of text that make Markdown renderers slow down faster than the text grows (cmark's
    /// CVEs of 2023 and the like), at the size limit: each must render in linear time. Most
    /// take milliseconds; unbounded, `![[]()` took 8 s at 300 KB.
    static let hostileShapes: [String: String] = [
        "unclosed images in brackets": "![[]()", "open brackets": "[", "open images": "![", "unclosed links": "[a](",
        "emphasis": "*a **b ", "underscores": "_a __b ", "stars and underscores": "*_", "backtick runs": "`a``b",
        "nested quotes": "> ", "list markers": "- ", "open tags": "<a", "comments": "<!--", "entities": "&#",
        "autolinks": "<http:", "link titles": "[a](b \"", "images in links": "[![a](b)", "fences": "```\n",
        "setext headings": "a\n=\n", "headings": "# a\n", "wiki links": "[[a]] ", "open wiki links": "[[", "pipes": "[[a|",
        "tasks": "- [ ] a\n", "tables": "| a |\n", "mentions": "@a ", "file links": "[a](file:",
    ]

    @Test(arguments: hostileShapes.keys.sorted())
    func hostileShapesRenderInLinearTime(shape: String) throws {
        let unit = Self.hostileShapes[shape]!
        let text = String(repeating: unit, count: ArticleDraft.maxBodyBytes / unit.utf8.count)
        let elapsed = try ContinuousClock().measure { _ = try renderer.render(text, resolver: resolver) }
        // Generous for a debug build on a machine losing half its CPU to its host (11 s was
        // measured so): superlinear work at this size takes many minutes.
        #expect(elapsed < .seconds(60), "\(shape): \(elapsed)")
    }

    @Test func repeatedHeadingsAreNumberedAroundOnesAlreadyTaken() throws {
        let rendered = try renderer.render("## A\n\n## A-2\n\n## A\n\n## A\n\n## A-3\n", resolver: resolver)
        #expect(rendered.headings.map(\.anchor) == ["a", "a-2", "a-3", "a-4", "a-3-2"])
    }

    @Test func headingsGetUniqueAnchorsAndTableOfContents() throws {
        let rendered = try renderer.render("## Отпуск\n\ntext\n\n## Отпуск\n\n### Sick *leave*\n\n#### Deep\n", resolver: resolver)
        #expect(rendered.headings.map(\.anchor) == ["otpusk", "otpusk-2", "sick-leave", "deep"])
        #expect(rendered.headings.map(\.text) == ["Отпуск", "Отпуск", "Sick leave", "Deep"])
        #expect(rendered.html.contains("<h2><a class=\"heading-anchor\" id=\"otpusk\" href=\"#otpusk\""))
        #expect(rendered.headings.tableOfContents.count == 3)
    }

    @Test func shortArticlesHaveNoTableOfContents() throws {
        let rendered = try renderer.render("## One\n\n## Two\n", resolver: resolver)
        #expect(rendered.headings.tableOfContents.isEmpty)
    }

    @Test func nulBytesAndInvalidInputDoNotCrash() throws {
        let output = try html("a\u{0}b [[x\u{0}y]]")
        #expect(output.contains("a\u{FFFD}b"))
    }
}
