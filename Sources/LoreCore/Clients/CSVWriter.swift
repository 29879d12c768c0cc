import Foundation

/// Writes CSV that Excel opens correctly by double-click, and that
/// `CSVReader` reads back.
public enum CSVWriter: Sendable {
    /// UTF-8 with a BOM (without it Excel assumes the ANSI code page and shows
    /// Cyrillic as mojibake) and CRLF after every record. Pass `;` for Russian
    /// Excel, whose list separator is a semicolon; `,` for Google Sheets.
    public static func excelData(header: [String], rows: [[String]], delimiter: Character) -> Data {
        var data = Data([0xEF, 0xBB, 0xBF])
        data.append(contentsOf: Array(text(header: header, rows: rows, delimiter: delimiter).utf8))
        return data
    }

    /// The same content without the BOM, e.g. for a text preview.
    public static func text(header: [String], rows: [[String]], delimiter: Character) -> String {
        var output = ""
        for record in [header] + rows {
            output += record.map { field($0, delimiter: delimiter) }.joined(separator: String(delimiter))
            output += "\r\n"
        }
        return output
    }

    /// One field, neutralised against formula injection and quoted if needed.
    public static func field(_ value: String, delimiter: Character) -> String {
        let safe = needsFormulaGuard(value) ? "'" + value : value
        return needsQuotes(safe, delimiter: delimiter) ? quoted(safe) : safe
    }

    /// Decision on formula injection (OWASP "CSV injection"): a client's
    /// name or note typed by anyone must not run as a formula in the
    /// exporting manager's Excel.
    ///
    /// - `=`, `@`, tab and CR at the start always get a leading `'`.
    /// - `+` and `-` get it unless the value only holds digits, spaces and
    ///   `( ) + - . ,` — phones like "+7 912 345-67-89" and amounts like
    ///   "-1 234,50" stay untouched. Without letters, quotes, `!` or `|` such a
    ///   value cannot call a function or reach another sheet or a DDE server,
    ///   so at worst Excel shows arithmetic; a `'` in every exported phone
    ///   would be visible damage on each export.
    ///
    /// The `'` stays in the data read back by `CSVReader`: stripping it on
    /// import would remove a character users may have typed themselves.
    static func needsFormulaGuard(_ value: String) -> Bool {
        guard let first = value.unicodeScalars.first else { return false }
        switch first {
        case "=", "@", "\t", "\r":
            return true
        case "+", "-":
            return !value.unicodeScalars.allSatisfy(isNumberLike)
        default:
            return false
        }
    }

    private static func isNumberLike(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "0"..."9", " ", "(", ")", "+", "-", ".", ",": return true
        default: return false
        }
    }

    /// Blanks at either end are quoted because `CSVReader` (like most
    /// readers) trims them around unquoted fields.
    private static func needsQuotes(_ value: String, delimiter: Character) -> Bool {
        let scalars = value.unicodeScalars
        let edges: Set<Unicode.Scalar> = [" ", "\t"]
        if let first = scalars.first, edges.contains(first) { return true }
        if let last = scalars.last, edges.contains(last) { return true }
        let delimiterScalars = Set(delimiter.unicodeScalars)
        return scalars.contains { scalar in
            scalar == "\"" || scalar == "\r" || scalar == "\n" || delimiterScalars.contains(scalar)
        }
    }

    /// Doubles quotes per scalar: a Character-level replace would miss a
    /// quote followed by a combining mark, which `CSVReader` sees as a quote.
    private static func quoted(_ value: String) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.append("\"")
        for scalar in value.unicodeScalars {
            scalars.append(scalar)
            if scalar == "\"" { scalars.append("\"") }
        }
        scalars.append("\"")
        return String(scalars)
    }
}
