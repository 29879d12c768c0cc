import Foundation
import Testing
@testable import LoreCore

@Suite struct CSVReaderTests {
    @Test func excelSemicolonFileInCP1251() throws {
        let text = "Название;ИНН;Телефон;Заметка\r\n"
            + "ООО «Ромашка»;7707083893;+7 495 123-45-67;Ёлки, палки\r\n"
            + "ИП Пётр № 5;500100732259;8 (912) 000-00-00;\r\n"
        let decoded = TextDecoding.decode(HandCP1251.encode(text))
        #expect(decoded.encoding == .windows1251)
        let table = try CSVReader.read(decoded.text)
        #expect(table.delimiter == ";")
        #expect(table.header == ["Название", "ИНН", "Телефон", "Заметка"])
        #expect(table.rows.map(\.line) == [2, 3])
        #expect(table.rows[0].fields == ["ООО «Ромашка»", "7707083893", "+7 495 123-45-67", "Ёлки, палки"])
        #expect(table.rows[1].fields == ["ИП Пётр № 5", "500100732259", "8 (912) 000-00-00", ""])
    }

    @Test func googleSheetsCommaFileInUTF8() throws {
        let text = "Name,Email,Note\n\"Иванов, Иван\",ivan@почта.рф,\"Says \"\"hi\"\"\"\nSmith,a@b.co,plain\n"
        let decoded = TextDecoding.decode(Array(text.utf8))
        #expect(decoded.encoding == .utf8)
        let table = try CSVReader.read(decoded.text)
        #expect(table.delimiter == ",")
        #expect(table.rows[0].fields == ["Иванов, Иван", "ivan@почта.рф", "Says \"hi\""])
        #expect(table.rows[1].fields == ["Smith", "a@b.co", "plain"])
    }

    @Test func multilineNoteKeepsLineNumbers() throws {
        let text = "Имя;Заметка\r\nАнна;\"первая строка\r\nвторая; строка\r\n\r\nчетвёртая\"\r\nБорис;ок\r\n\"Вера\";\"a\nb\"\nГлеб;x"
        let table = try CSVReader.read(text)
        #expect(table.rows.map(\.line) == [2, 6, 7, 9])
        #expect(table.rows[0].fields == ["Анна", "первая строка\nвторая; строка\n\nчетвёртая"])
        #expect(table.rows[1].fields == ["Борис", "ок"])
        #expect(table.rows[2].fields == ["Вера", "a\nb"])
        #expect(table.rows[3].fields == ["Глеб", "x"])
    }

    @Test func lineEndingsCRLFAndCRAndLF() throws {
        for end in ["\r\n", "\n", "\r"] {
            let table = try CSVReader.read(["a;b", "1;2", "3;4"].joined(separator: end) + end + end)
            #expect(table.rows.map(\.fields) == [["1", "2"], ["3", "4"]], "\(end.debugDescription)")
            #expect(table.rows.map(\.line) == [2, 3])
        }
    }

    @Test func delimiterDetection() throws {
        #expect(try CSVReader.read("a\tb\tc\n1\t2\t3").delimiter == "\t")
        #expect(try CSVReader.read("a,b;c\n").delimiter == ";")  // tie → ;
        #expect(try CSVReader.read("a,b,c;d\n").delimiter == ",")
        #expect(try CSVReader.read("\"x;y;z\",b\n").delimiter == ",")  // quoted ; not counted
        #expect(try CSVReader.read("single\nvalue").rows.map(\.fields) == [["value"]])
        // Commas in later rows must not matter.
        #expect(try CSVReader.read("a;b\n1,2,3,4;5").rows[0].fields == ["1,2,3,4", "5"])
    }

    @Test func trimmingAndLooseQuotes() throws {
        let table = try CSVReader.read("h1;h2;h3;h4\n  a b  ; \" c \" ;\"x\"y;ab\"c\n")
        #expect(table.rows[0].fields == ["a b", " c ", "xy", "ab\"c"])
    }

    @Test func blankLinesAndEmptyFields() throws {
        let table = try CSVReader.read("\n\na;b\n\n;\n\"\"\n1;2\n\n\n")
        #expect(table.header == ["a", "b"])
        #expect(table.rows.map(\.fields) == [["", ""], [""], ["1", "2"]])
        #expect(table.rows.map(\.line) == [5, 6, 7])
        #expect(table.rows[0].isBlank)
        #expect(table.rows[2][5] == "")
    }

    @Test func bomInsideTheStringIsIgnored() throws {
        #expect(try CSVReader.read("\u{FEFF}Имя;Тел\nА;1").header == ["Имя", "Тел"])
    }

    @Test func combiningMarkAfterQuoteDoesNotConfuseParsing() throws {
        let table = try CSVReader.read("a,b\n\"x\"\"\u{301}y\",z\n")
        #expect(table.rows[0].fields == ["x\"\u{301}y", "z"])
    }

    @Test func errors() {
        #expect(throws: CSVError(kind: .empty, line: 1)) { try CSVReader.read("") }
        #expect(throws: CSVError(kind: .empty, line: 1)) { try CSVReader.read("\r\n\n  \n") }
        #expect(throws: CSVError(kind: .unterminatedQuote, line: 3)) {
            try CSVReader.read("a;b\n1;2\n3;\"open\nstill open\n")
        }
    }

    @Test func rowLimit() throws {
        let ok = "h\n" + String(repeating: "x\n", count: CSVReader.maxRows)
        #expect(try CSVReader.read(ok).rows.count == CSVReader.maxRows)
        #expect(throws: CSVError(kind: .tooLarge, line: CSVReader.maxRows + 2)) {
            try CSVReader.read(ok + "y\n")
        }
    }

    @Test func sizeLimit() throws {
        let big = "h\n" + String(repeating: "я", count: CSVReader.maxScalars - 2)
        #expect(try CSVReader.read(big).rows.count == 1)
        #expect(throws: CSVError(kind: .tooLarge, line: 2)) { try CSVReader.read(big + "я") }
        let long = String(repeating: "a", count: CSVReader.maxScalars + 1)
        #expect(throws: CSVError(kind: .tooLarge, line: 1)) { try CSVReader.read(long) }
    }

    @Test func columnLimit() throws {
        let widest = Array(repeating: "c", count: CSVReader.maxColumns).joined(separator: ";")
        #expect(try CSVReader.read(widest + "\n" + widest).header.count == CSVReader.maxColumns)
        // A 240,000-column header once took minutes and gigabytes to preview.
        #expect(throws: CSVError(kind: .tooWide, line: 2)) { try CSVReader.read("h\n" + widest + ";c") }
        #expect(throws: CSVError(kind: .tooWide, line: 1)) { try CSVReader.read(String(repeating: "a,", count: 240_000)) }
    }

    @Test func hostileQuotesAreLinear() throws {
        let clock = ContinuousClock()
        let elapsed = try clock.measure {
            // Even count: one field holding 499,999 quotes.
            let even = try CSVReader.read(String(repeating: "\"", count: 1_000_000))
            #expect(even.header.first?.count == 499_999)
            // Odd count: never closed.
            #expect(throws: CSVError(kind: .unterminatedQuote, line: 1)) {
                try CSVReader.read(String(repeating: "\"", count: 999_999))
            }
            #expect(throws: CSVError(kind: .unterminatedQuote, line: 1)) {
                try CSVReader.read(String(repeating: "\"", count: 10_001))
            }
            let tenK = try CSVReader.read("a\n" + String(repeating: "\"", count: 10_000) + "\n")
            #expect(tenK.rows.count == 1)
            // A megabyte of quote-newline pairs: one giant multi-line field.
            #expect(throws: CSVError.self) { try CSVReader.read(String(repeating: "\"\n", count: 500_000)) }
        }
        // Debug builds are slow; a quadratic parser would take minutes here.
        #expect(elapsed < .seconds(30))
    }

    @Test func megabyteOfOrdinaryText() throws {
        let row = "ООО Ромашка;7707083893;\"Москва, ул. Ленина, д. 1\"\n"
        let text = "Название;ИНН;Адрес\n" + String(repeating: row, count: 9_999)
        #expect(text.unicodeScalars.count < CSVReader.maxScalars)
        let table = try CSVReader.read(text)
        #expect(table.rows.count == 9_999)
        #expect(table.rows.last?.line == 10_000)
        #expect(table.rows.last?.fields[2] == "Москва, ул. Ленина, д. 1")
    }
}
