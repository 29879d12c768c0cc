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
}
