import Foundation
import Testing
@testable import LoreCore

@Suite struct TextDecodingTests {
    @Test func cp1251BytesWrittenByHand() {
        // П р и в е т , ␠ ё Ё ␠ №
        let bytes: [UInt8] = [0xCF, 0xF0, 0xE8, 0xE2, 0xE5, 0xF2, 0x2C, 0x20, 0xB8, 0xA8, 0x20, 0xB9]
        let result = TextDecoding.decode(bytes)
        #expect(result.text == "Привет, ёЁ №")
        #expect(result.encoding == .windows1251)
        #expect(TextDecoding.windows1251(bytes) == "Привет, ёЁ №")
        #expect(HandCP1251.encode("Привет, ёЁ №") == bytes)
    }

    @Test func wholeAlphabetRoundTrips() {
        let alphabet = "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдеёжзийклмнопрстуфхцчшщъыьэюя"
        #expect(TextDecoding.decode(HandCP1251.encode(alphabet)).text == alphabet)
    }

    @Test func everyByteDecodesToOneScalar() {
        let all = (0...255).map(UInt8.init)
        let text = TextDecoding.windows1251(all)
        #expect(text.unicodeScalars.count == 256)
        #expect(!text.unicodeScalars.contains("\u{FFFD}"))
        #expect(TextDecoding.windows1251([0x88, 0x96, 0x97, 0xAB, 0xBB]) == "€–—«»")
    }

    @Test func utf8WithAndWithoutBOM() {
        let plain = Array("Имя;Телефон".utf8)
        #expect(TextDecoding.decode(plain).text == "Имя;Телефон")
        #expect(TextDecoding.decode(plain).encoding == .utf8)
        let withBOM = TextDecoding.decode([0xEF, 0xBB, 0xBF] + plain)
        #expect(withBOM.text == "Имя;Телефон")
        #expect(withBOM.encoding == .utf8BOM)
        #expect(TextDecoding.decode(Data([0xEF, 0xBB, 0xBF])).text.isEmpty)
    }

    @Test func asciiAndEmptyAreUTF8() {
        #expect(TextDecoding.decode(Array("a,b".utf8)).encoding == .utf8)
        #expect(TextDecoding.decode([]) == ("", .utf8))
        #expect(TextDecoding.Encoding.utf8BOM.rawValue == "utf8-bom")
        #expect(TextDecoding.Encoding.windows1251.rawValue == "windows-1251")
    }

    @Test func truncatedUTF8FallsBackToCP1251() {
        // "Д" in UTF-8 is D0 94; a lone D0 is invalid UTF-8 and is "Р" in cp1251.
        #expect(TextDecoding.decode([0xD0]).text == "Р")
        #expect(TextDecoding.decode([0xD0]).encoding == .windows1251)
    }

    @Test func largeInputIsFast() {
        let bytes = [UInt8](repeating: 0xE0, count: 1_000_000)
        let result = TextDecoding.decode(bytes)
        #expect(result.encoding == .windows1251)
        #expect(result.text.unicodeScalars.count == 1_000_000)
    }
}
