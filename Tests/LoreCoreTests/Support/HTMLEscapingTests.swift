import LoreCore
import Testing

@Suite struct HTMLEscapingTests {
    @Test func escapesTheFiveAndKeepsEverythingElse() {
        #expect("<a href=\"x\">Tom & Jerry's</a>".htmlEscaped == "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;")
        #expect("Отпуск — «ёлка» 👩‍💻".htmlEscaped == "Отпуск — «ёлка» 👩‍💻")
        #expect("".htmlEscaped == "")
        // A quote with a combining mark after it is still a quote to a browser.
        #expect("\"\u{0301}onmouseover=x".htmlEscaped == "&quot;\u{0301}onmouseover=x")
    }
}
