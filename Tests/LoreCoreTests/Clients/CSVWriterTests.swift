import Foundation
import Testing
@testable import LoreCore

@Suite struct CSVWriterTests {
    @Test func bomAndCRLF() {
        let data = CSVWriter.excelData(header: ["Имя", "Тел"], rows: [["Анна", "1"]], delimiter: ";")
        #expect(Array(data.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(String(decoding: data.dropFirst(3), as: UTF8.self) == "Имя;Тел\r\nАнна;1\r\n")
    }

    @Test func quoting() {
        #expect(CSVWriter.field("a;b", delimiter: ";") == "\"a;b\"")
        #expect(CSVWriter.field("a,b", delimiter: ";") == "a,b")
        #expect(CSVWriter.field("a,b", delimiter: ",") == "\"a,b\"")
        #expect(CSVWriter.field("say \"hi\"", delimiter: ";") == "\"say \"\"hi\"\"\"")
        #expect(CSVWriter.field("line1\nline2", delimiter: ";") == "\"line1\nline2\"")
        #expect(CSVWriter.field(" padded ", delimiter: ";") == "\" padded \"")
        #expect(CSVWriter.field("", delimiter: ";") == "")
    }

    @Test func formulaInjection() {
        #expect(CSVWriter.field("=HYPERLINK(\"http://x\")", delimiter: ";") == "\"'=HYPERLINK(\"\"http://x\"\")\"")
        #expect(CSVWriter.field("@SUM(A1)", delimiter: ";") == "'@SUM(A1)")
        #expect(CSVWriter.field("+cmd|' /C calc'!A0", delimiter: ",") == "'+cmd|' /C calc'!A0")
        #expect(CSVWriter.field("-2+3+cmd|x", delimiter: ";") == "'-2+3+cmd|x")
        #expect(CSVWriter.field("\tx", delimiter: ";") == "'\tx")
        #expect(CSVWriter.field("\r=1", delimiter: ";") == "\"'\r=1\"")
        // Phones and amounts stay readable.
        #expect(CSVWriter.field("+7 912 345-67-89", delimiter: ";") == "+7 912 345-67-89")
        #expect(CSVWriter.field("+7 (495) 123.45.67", delimiter: ";") == "+7 (495) 123.45.67")
        #expect(CSVWriter.field("-1 234,50", delimiter: ";") == "-1 234,50")
        #expect(CSVWriter.field("-", delimiter: ";") == "-")
        #expect(CSVWriter.field("Иван = друг", delimiter: ";") == "Иван = друг")
    }

    @Test(arguments: [Character(";"), ",", "\t"])
    func roundTrip(delimiter: Character) throws {
        let header = ["Имя", "Заметка", "Телефоны", ""]
        let rows = [
            ["ООО «Ромашка»", "строка 1\r\nстрока 2\nстрока 3", "+7 495 123-45-67, +7 912 000-00-00", ""],
            [" пробелы ", "a;b,c\td", "\"кавычки\"", "ёЁ№"],
            ["", "", "", ""],
            ["\"", "\"\"", "x\u{301}\"\u{301}", "последняя"],
        ]
        let data = CSVWriter.excelData(header: header, rows: rows, delimiter: delimiter)
        let decoded = TextDecoding.decode([UInt8](data))
        #expect(decoded.encoding == .utf8BOM)
        let table = try CSVReader.read(decoded.text)
        #expect(table.delimiter == delimiter)
        #expect(table.header == header)
        // The reader normalises CRLF inside quoted fields to LF.
        let expected = rows.map { $0.map { $0.replacingOccurrences(of: "\r\n", with: "\n") } }
        #expect(table.rows.map(\.fields) == expected)
        #expect(table.rows.map(\.line) == [2, 5, 6, 7])
    }

    @Test func formulaGuardIsVisibleAfterRoundTrip() throws {
        let data = CSVWriter.excelData(header: ["a"], rows: [["=1+1"], ["+7 912 345-67-89"]], delimiter: ";")
        let table = try CSVReader.read(TextDecoding.decode([UInt8](data)).text)
        #expect(table.rows.map(\.fields) == [["'=1+1"], ["+7 912 345-67-89"]])
    }
}
