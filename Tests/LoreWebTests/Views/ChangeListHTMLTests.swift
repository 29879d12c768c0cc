@testable import LoreWeb
import Testing

/// Recent changes' rows, written as HTML without the templates.
@Suite struct ChangeListHTMLTests {
    func row(number: Int, title: String, summary: String = "", notes: [String] = [], isMinor: Bool = false) -> RevisionRow {
        RevisionRow(number: number, articleTitle: title, articleURL: "/a/x", url: "/a/x/revisions/\(number)", rawURL: "/a/x/revisions/\(number)/raw",
                    diffURL: number > 1 ? "/a/x/diff?from=\(number - 1)&to=\(number)" : nil, date: "3 дек. 2026 г., 21:30",
                    author: "Ольга <HR>", authorURL: "/changes?user=olga", summary: summary, sizeChange: "+12", sizeClass: "grew",
                    isMinor: isMinor, notes: notes, fromChecked: false, toChecked: false)
    }

    @Test func writesEachRowEscapedWithItsDiffBadgeAndNotes() {
        let html = ChangeListHTML.items([
            row(number: 2, title: "<script>alert(1)</script>", summary: "fixed \"typos\"", isMinor: true),
            row(number: 1, title: "Отпуск", notes: ["создана"]),
        ], t: .russian)
        #expect(html.components(separatedBy: "<li>").count == 3)
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && !html.contains("<script>"))
        #expect(html.contains("<a href=\"/a/x/diff?from=1&amp;to=2\">\(Translations.russian["diff_previous"])</a>"))
        #expect(html.components(separatedBy: "/diff?").count == 2, "the first revision has nothing to compare with")
        #expect(html.contains("<span class=\"summary\">fixed &quot;typos&quot;</span>"))
        #expect(html.components(separatedBy: "class=\"badge\"").count == 2)
        #expect(html.contains("<span class=\"note\">(создана)</span>"))
        #expect(html.contains("Ольга &lt;HR&gt;"))
        #expect(!html.contains("class=\"summary\">\u{3C}/span>"), "no empty summary")
    }
}
