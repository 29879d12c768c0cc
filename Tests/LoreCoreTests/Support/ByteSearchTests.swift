import LoreCore
import Testing

@Suite struct ByteSearchTests {
    @Test func findsTheFirstPlaceFromAnOffset() {
        let text = Array("ab<!--csrf-->cd<!--csrf-->".utf8), marker = Array("<!--csrf-->".utf8)
        #expect(ByteSearch.find(marker, in: text) == 2)
        #expect(ByteSearch.find(marker, in: text, from: 3) == 15)
        #expect(ByteSearch.find(marker, in: text, from: 16) == nil)
        #expect(ByteSearch.find(marker, in: [], from: 0) == nil)
        #expect(ByteSearch.find([], in: text) == nil)
    }

    @Test func tellsWhetherATextHoldsAnother() {
        #expect(ByteSearch.contains("wikilink", in: "<p>Отпуск: <a class=\"wikilink\" href=\"/a/x\">"))
        #expect(!ByteSearch.contains("wikilink", in: "<p>Отпуск: wikilin</p>"))
        #expect(!ByteSearch.contains("a", in: ""))
    }

    @Test func replacesEveryKeyInOnePass() {
        #expect(ByteSearch.replacing(["\r\n": "\n", "\r": "\n"], in: "а\r\nб\rв\n") == "а\nб\nв\n")
        // A replacement is not read again: "&amp;lt;" is the text "&lt;", not "<".
        #expect(ByteSearch.replacing(["&lt;": "<", "&amp;": "&"], in: "&amp;lt; &lt;b&gt;") == "&lt; <b&gt;")
        #expect(ByteSearch.replacing(["ё": "е"], in: "ёлка Ёж") == "елка Ёж")
        #expect(ByteSearch.replacing(["\u{1}": "", "\u{2}": ""], in: "\u{1}отпуск\u{2}") == "отпуск")
        #expect(ByteSearch.replacing(["x": "y"], in: "") == "")
        #expect(ByteSearch.replacing(["&lt;": "<"], in: "no entities &lt") == "no entities &lt")
    }
}
