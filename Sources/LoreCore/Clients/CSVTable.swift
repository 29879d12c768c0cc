/// The result of `CSVReader.read`: the first record is the header, the rest
/// are data rows. Rows keep their own field count; padding or rejecting
/// ragged rows is the importer's decision, since it knows which columns matter.
public struct CSVTable: Sendable, Hashable {
    public let delimiter: Character
    public let header: [String]
    public let rows: [CSVRow]

    public init(delimiter: Character, header: [String], rows: [CSVRow]) {
        self.delimiter = delimiter
        self.header = header
        self.rows = rows
    }
}

public struct CSVRow: Sendable, Hashable {
    /// 1-based physical line where the record starts, so an import report can
    /// point at the line a user sees in a text editor even after multi-line
    /// quoted notes.
    public let line: Int
    public let fields: [String]

    public init(line: Int, fields: [String]) {
        self.line = line
        self.fields = fields
    }

    /// Excel exports a cleared row as ";;;;"; importers usually skip those.
    public var isBlank: Bool { fields.allSatisfy(\.isEmpty) }

    /// Missing trailing cells read as empty, because Excel drops them.
    public subscript(column: Int) -> String {
        column >= 0 && column < fields.count ? fields[column] : ""
    }
}
