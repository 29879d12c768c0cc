import Foundation
import Testing
@testable import LoreCore

/// The examples of the GFM specification for tables, task lists, strikethrough and extended
/// autolinks, rendered as the spec shows them. Lore differs on purpose in two ways, stated in
/// the README: a table is wrapped in `<div class="table-scroll">` (so that it scrolls in its own
/// box on a phone), and `mailto:`/`xmpp:` addresses written out are not linked. A task list's
/// box also carries its item's key (`data-item`), which readers' ticks are kept by.
@Suite struct GFMExtensionTests {
    let renderer = MarkdownRenderer()
    let resolver = StaticWikiLinkResolver(slugsByKey: ["vacations": "vacations"])

    func html(_ markdown: String) throws -> String {
        try renderer.render(markdown, resolver: resolver).html
            .replacingOccurrences(of: "<div class=\"table-scroll\">", with: "").replacingOccurrences(of: "</table></div>", with: "</table>")
            .replacingOccurrences(of: #" data-item="[0-9a-f]{16}""#, with: "", options: .regularExpression)
    }

    static let specExamples: [(number: Int, markdown: String, html: String)] = [
        (198, "| foo | bar |\n| --- | --- |\n| baz | bim |\n",
         "<table>\n<thead>\n<tr>\n<th>foo</th>\n<th>bar</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>baz</td>\n<td>bim</td>\n</tr>\n</tbody>\n</table>\n"),
        (199, "| abc | defghi |\n:-: | -----------:\nbar | baz\n",
         "<table>\n<thead>\n<tr>\n<th align=\"center\">abc</th>\n<th align=\"right\">defghi</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td align=\"center\">bar</td>\n<td align=\"right\">baz</td>\n</tr>\n</tbody>\n</table>\n"),
        (200, "| f\\|oo  |\n| ------ |\n| b `\\|` az |\n| b **\\|** im |\n",
         "<table>\n<thead>\n<tr>\n<th>f|oo</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>b <code>|</code> az</td>\n</tr>\n<tr>\n<td>b <strong>|</strong> im</td>\n</tr>\n</tbody>\n</table>\n"),
        (201, "| abc | def |\n| --- | --- |\n| bar | baz |\n> bar\n",
         "<table>\n<thead>\n<tr>\n<th>abc</th>\n<th>def</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>bar</td>\n<td>baz</td>\n</tr>\n</tbody>\n</table>\n<blockquote>\n<p>bar</p>\n</blockquote>\n"),
        (202, "| abc | def |\n| --- | --- |\n| bar | baz |\nbar\n\nbar\n",
         "<table>\n<thead>\n<tr>\n<th>abc</th>\n<th>def</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>bar</td>\n<td>baz</td>\n</tr>\n<tr>\n<td>bar</td>\n<td></td>\n</tr>\n</tbody>\n</table>\n<p>bar</p>\n"),
        (203, "| abc | def |\n| --- |\n| bar |\n", "<p>| abc | def |\n| --- |\n| bar |</p>\n"),
        (204, "| abc | def |\n| --- | --- |\n| bar |\n| bar | baz | boo |\n",
         "<table>\n<thead>\n<tr>\n<th>abc</th>\n<th>def</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>bar</td>\n<td></td>\n</tr>\n<tr>\n<td>bar</td>\n<td>baz</td>\n</tr>\n</tbody>\n</table>\n"),
        (205, "| abc | def |\n| --- | --- |\n", "<table>\n<thead>\n<tr>\n<th>abc</th>\n<th>def</th>\n</tr>\n</thead>\n</table>\n"),
        (279, "- [ ] foo\n- [x] bar\n",
         "<ul>\n<li><input disabled=\"\" type=\"checkbox\"> foo</li>\n<li><input checked=\"\" disabled=\"\" type=\"checkbox\"> bar</li>\n</ul>\n"),
        (280, "- [x] foo\n  - [ ] bar\n  - [x] baz\n- [ ] bim\n",
         "<ul>\n<li><input checked=\"\" disabled=\"\" type=\"checkbox\"> foo\n<ul>\n<li><input disabled=\"\" type=\"checkbox\"> bar</li>\n<li><input checked=\"\" disabled=\"\" type=\"checkbox\"> baz</li>\n</ul>\n</li>\n<li><input disabled=\"\" type=\"checkbox\"> bim</li>\n</ul>\n"),
        (491, "~~Hi~~ Hello, ~there~ world!\n", "<p><del>Hi</del> Hello, <del>there</del> world!</p>\n"),
        (492, "This ~~has a\n\nnew paragraph~~.\n", "<p>This ~~has a</p>\n<p>new paragraph~~.</p>\n"),
        (493, "This will ~~~not~~~ strike.\n", "<p>This will ~~~not~~~ strike.</p>\n"),
        (621, "www.commonmark.org\n", "<p><a href=\"http://www.commonmark.org\">www.commonmark.org</a></p>\n"),
        (622, "Visit www.commonmark.org/help for more information.\n",
         "<p>Visit <a href=\"http://www.commonmark.org/help\">www.commonmark.org/help</a> for more information.</p>\n"),
        (623, "Visit www.commonmark.org.\n\nVisit www.commonmark.org/a.b.\n",
         "<p>Visit <a href=\"http://www.commonmark.org\">www.commonmark.org</a>.</p>\n<p>Visit <a href=\"http://www.commonmark.org/a.b\">www.commonmark.org/a.b</a>.</p>\n"),
        (624, "www.google.com/search?q=Markup+(business)\n\nwww.google.com/search?q=Markup+(business)))\n\n(www.google.com/search?q=Markup+(business))\n\n(www.google.com/search?q=Markup+(business)\n",
         "<p><a href=\"http://www.google.com/search?q=Markup+(business)\">www.google.com/search?q=Markup+(business)</a></p>\n<p><a href=\"http://www.google.com/search?q=Markup+(business)\">www.google.com/search?q=Markup+(business)</a>))</p>\n<p>(<a href=\"http://www.google.com/search?q=Markup+(business)\">www.google.com/search?q=Markup+(business)</a>)</p>\n<p>(<a href=\"http://www.google.com/search?q=Markup+(business)\">www.google.com/search?q=Markup+(business)</a></p>\n"),
        (625, "www.google.com/search?q=(business))+ok\n",
         "<p><a href=\"http://www.google.com/search?q=(business))+ok\">www.google.com/search?q=(business))+ok</a></p>\n"),
        (626, "www.google.com/search?q=commonmark&hl=en\n\nwww.google.com/search?q=commonmark&hl;\n",
         "<p><a href=\"http://www.google.com/search?q=commonmark&amp;hl=en\">www.google.com/search?q=commonmark&amp;hl=en</a></p>\n<p><a href=\"http://www.google.com/search?q=commonmark\">www.google.com/search?q=commonmark</a>&amp;hl;</p>\n"),
        (627, "www.commonmark.org/he<lp\n", "<p><a href=\"http://www.commonmark.org/he\">www.commonmark.org/he</a>&lt;lp</p>\n"),
        (628, "http://commonmark.org\n\n(Visit https://encrypted.google.com/search?q=Markup+(business))\n",
         "<p><a href=\"http://commonmark.org\">http://commonmark.org</a></p>\n<p>(Visit <a href=\"https://encrypted.google.com/search?q=Markup+(business)\">https://encrypted.google.com/search?q=Markup+(business)</a>)</p>\n"),
        (629, "foo@bar.baz\n", "<p><a href=\"mailto:foo@bar.baz\">foo@bar.baz</a></p>\n"),
        (630, "hello@mail+xyz.example isn't valid, but hello+xyz@mail.example is.\n",
         "<p>hello@mail+xyz.example isn't valid, but <a href=\"mailto:hello+xyz@mail.example\">hello+xyz@mail.example</a> is.</p>\n"),
        (631, "a.b-c_d@a.b\n\na.b-c_d@a.b.\n\na.b-c_d@a.b-\n\na.b-c_d@a.b_\n",
         "<p><a href=\"mailto:a.b-c_d@a.b\">a.b-c_d@a.b</a></p>\n<p><a href=\"mailto:a.b-c_d@a.b\">a.b-c_d@a.b</a>.</p>\n<p>a.b-c_d@a.b-</p>\n<p>a.b-c_d@a.b_</p>\n"),
    ]

    @Test(arguments: specExamples.map(\.number))
    func specExample(number: Int) throws {
        let example = try #require(Self.specExamples.first { $0.number == number })
        #expect(try html(example.markdown) == example.html)
    }

    @Test func tablesStayInTheirOwnScrollingBox() throws {
        let output = try renderer.render("| a | b |\n| - | - |\n| 1 | 2 |", resolver: resolver).html
        #expect(output.hasPrefix("<div class=\"table-scroll\"><table>"))
    }

    @Test func cellsAreAsSafeAsThePage() throws {
        let output = try html("| a | b |\n| - | - |\n| <script>alert(1)</script> | [x](javascript:alert(1)) |\n| [[Vacations]] | # not a heading |\n")
        #expect(!output.contains("<script"))
        #expect(!output.contains("javascript:"))
        #expect(output.contains("<a class=\"wikilink\" href=\"/a/vacations\""))
        #expect(output.contains("<td># not a heading</td>"))
    }

    @Test func aParagraphAboveATableStaysAParagraph() throws {
        #expect(try html("Hours:\n| day | time |\n| --- | --- |\n| Mon | 9–18 |\n").hasPrefix("<p>Hours:</p>\n<table>"))
    }

    @Test func hostileTablesAreCheap() throws {
        let wide = "|" + String(repeating: " a |", count: 10_000) + "\n|" + String(repeating: " - |", count: 10_000) + "\n"
        #expect(try html(wide).hasPrefix("<p>"), "wider than 100 columns stays text")
        let deep = String(repeating: "- ", count: 2000) + "[ ] x\n"
        _ = try html(deep)
        let taskInTable = try html("| a |\n| - |\n| - [ ] x |\n")
        #expect(taskInTable.contains("<td>- [ ] x</td>"))
    }

    @Test func calloutsAreBoxesWithTheirKind() throws {
        let output = try html("> [!WARNING]\n> Do **not** block the exits.\n\n> [!note]\n> | a | b |\n> | - | - |\n> | 1 | 2 |\n\n> [!UNKNOWN]\n> Just a quote.\n")
        #expect(output.contains("<div class=\"callout callout-warning\" role=\"note\">\n<p class=\"callout-title\"></p>\n<p>Do <strong>not</strong> block the exits.</p>\n</div>"))
        #expect(output.contains("<div class=\"callout callout-note\" role=\"note\">\n<p class=\"callout-title\"></p>\n<div class=\"table-scroll\">") == false,
                "html() unwraps tables")
        #expect(output.contains("callout-note") && output.contains("<td>1</td>"), "a table inside a callout")
        #expect(output.contains("<blockquote>\n<p>[!UNKNOWN]"))
    }

    @Test func strikethroughAcrossOtherSpans() throws {
        #expect(try html("~~old *price*~~ new") == "<p><del>old <em>price</em></del> new</p>\n")
        #expect(try html("a ~~ b ~~ c") == "<p>a ~~ b ~~ c</p>\n", "a run with spaces on both sides neither opens nor closes")
    }
}
