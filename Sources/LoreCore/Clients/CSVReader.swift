/// Reads CSV as exported by Excel (semicolons, cp1251 or UTF-8) and Google
/// Sheets (commas, UTF-8). Decode bytes with `TextDecoding` first.
///
/// The parser walks Unicode scalars, not Characters: "\r\n" is a single
/// Character in Swift, and grapheme breaking would also glue a combining mark
/// onto a preceding quote or delimiter. Every scalar is looked at a constant
/// number of times, so hostile input costs linear time.
public enum CSVReader: Sendable {
    /// Data rows, not counting the header.
    public static let maxRows = 10_000
    /// Counted in Unicode scalars, which equals characters for Russian and
    /// Latin text and is cheap to count while parsing.
    public static let maxScalars = 1_000_000
    /// A client list has a few dozen columns; a header of thousands is an attack on the
    /// preview, which shows a mapping choice for each.
    public static let maxColumns = 200

    public static func read(_ text: String) throws(CSVError) -> CSVTable {
        var body = Substring(text).unicodeScalars
        // A caller may have decoded the file without stripping the BOM.
        if body.first == "\u{FEFF}" { body = body.dropFirst() }

        let delimiter = detectDelimiter(body)
        var parser = CSVParser(delimiter: delimiter)
        for scalar in body {
            try parser.consume(scalar)
        }
        try parser.finish()

        guard let header = parser.records.first else {
            throw CSVError(kind: .empty, line: 1)
        }
        return CSVTable(
            delimiter: Character(delimiter),
            header: header.fields,
            rows: Array(parser.records.dropFirst())
        )
    }

    /// Preference order doubles as the tie-break: Russian Excel writes `;`,
    /// and a header with no delimiter at all is a one-column file either way.
    fileprivate static let candidates: [Unicode.Scalar] = [";", ",", "\t"]

    /// Counts candidates outside quotes in the first record only; later rows
    /// hold free text (notes, addresses) full of commas.
    fileprivate static func detectDelimiter(_ body: Substring.UnicodeScalarView) -> Unicode.Scalar {
        var counts = [Int](repeating: 0, count: candidates.count)
        var state = CSVQuoteState.fieldStart
        var seen = 0
        scan: for scalar in body {
            seen += 1
            if seen > maxScalars { break }
            switch state {
            case .quoted:
                if scalar == "\"" { state = .quoteInQuoted }
                continue scan
            case .quoteInQuoted:
                if scalar == "\"" {
                    state = .quoted
                    continue scan
                }
                state = .unquoted
            case .fieldStart, .unquoted:
                break
            }
            if scalar == "\n" || scalar == "\r" { break scan }
            if let index = candidates.firstIndex(of: scalar) {
                counts[index] += 1
                state = .fieldStart
            } else if scalar == "\"" && state == .fieldStart {
                state = .quoted
            } else if scalar != " " {
                state = .unquoted
            }
        }
        var best = 0
        for index in counts.indices where counts[index] > counts[best] {
            best = index
        }
        return candidates[best]
    }
}

fileprivate enum CSVQuoteState {
    case fieldStart, unquoted, quoted, quoteInQuoted
}

/// The state machine behind `CSVReader`, fed one scalar at a time.
fileprivate struct CSVParser {
    let delimiter: Unicode.Scalar
    private(set) var records: [CSVRow] = []

    private var state = CSVQuoteState.fieldStart
    private var field: [Unicode.Scalar] = []
    /// Scalars that came from inside quotes; trimming must not eat them.
    private var protectedCount = 0
    private var fields: [String] = []
    private var recordHadQuote = false
    private var line = 1
    private var recordLine = 1
    private var quoteLine = 1
    /// Set after a CR so that the LF of a CRLF pair is not a second line end.
    private var skipLF = false
    private var scalarCount = 0

    init(delimiter: Unicode.Scalar) {
        self.delimiter = delimiter
    }

    mutating func consume(_ scalar: Unicode.Scalar) throws(CSVError) {
        scalarCount += 1
        if scalarCount > CSVReader.maxScalars {
            throw CSVError(kind: .tooLarge, line: line)
        }
        if skipLF {
            skipLF = false
            if scalar == "\n" { return }
        }
        switch state {
        case .quoted:
            if scalar == "\"" {
                state = .quoteInQuoted
            } else if scalar == "\r" || scalar == "\n" {
                // Normalised so a note reads the same whichever OS wrote it.
                field.append("\n")
                newLine(after: scalar)
            } else {
                field.append(scalar)
            }
        case .quoteInQuoted:
            if scalar == "\"" {
                field.append("\"")
                state = .quoted
            } else {
                protectedCount = field.count
                // Excel keeps stray text after a closing quote (`"a"b` is
                // `ab`); we do the same rather than reject the file.
                state = .unquoted
                try plain(scalar)
            }
        case .fieldStart, .unquoted:
            try plain(scalar)
        }
    }

    mutating func finish() throws(CSVError) {
        if state == .quoted {
            throw CSVError(kind: .unterminatedQuote, line: quoteLine)
        }
        if state == .quoteInQuoted { protectedCount = field.count }
        // A file ending in a newline leaves an empty record here, which
        // `endRecord` drops as a blank line.
        try endField()
        try endRecord()
    }

    private mutating func plain(_ scalar: Unicode.Scalar) throws(CSVError) {
        if scalar == delimiter {
            try endField()
        } else if scalar == "\n" || scalar == "\r" {
            try endField()
            try endRecord()
            newLine(after: scalar)
            recordLine = line
        } else if state == .fieldStart && scalar == "\"" {
            state = .quoted
            recordHadQuote = true
            quoteLine = line
        } else if state == .fieldStart && (scalar == " " || scalar == "\t") {
            // Leading blanks of an unquoted field, or before an opening quote.
        } else {
            // A quote inside an unquoted field is literal, as Excel reads it.
            field.append(scalar)
            state = .unquoted
        }
    }

    private mutating func newLine(after scalar: Unicode.Scalar) {
        line += 1
        skipLF = scalar == "\r"
    }

    private mutating func endField() throws(CSVError) {
        if fields.count >= CSVReader.maxColumns { throw CSVError(kind: .tooWide, line: line) }
        var end = field.count
        while end > protectedCount && (field[end - 1] == " " || field[end - 1] == "\t") {
            end -= 1
        }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: field[..<end])
        fields.append(String(scalars))
        field.removeAll(keepingCapacity: true)
        protectedCount = 0
        state = .fieldStart
    }

    private mutating func endRecord() throws(CSVError) {
        defer {
            fields.removeAll(keepingCapacity: true)
            recordHadQuote = false
        }
        // Blank lines carry no data anywhere in the file; only a quoted
        // empty field ("") makes a one-field record real.
        let isBlankLine = fields.count == 1 && fields[0].isEmpty && !recordHadQuote
        if isBlankLine { return }
        if records.count > CSVReader.maxRows {
            throw CSVError(kind: .tooLarge, line: recordLine)
        }
        records.append(CSVRow(line: recordLine, fields: fields))
    }
}
