public struct CSVError: Error, Equatable, Sendable {
    public enum Kind: Sendable, Hashable {
        /// No header record: the text is empty or only blank lines.
        case empty
        /// A quoted field never closes; `line` is where that field began,
        /// because the end of the file says nothing useful to the user.
        case unterminatedQuote
        /// Over `CSVReader.maxRows` data rows or `CSVReader.maxScalars`
        /// characters; `line` is where the limit was hit.
        case tooLarge
        /// Over `CSVReader.maxColumns` fields in one record.
        case tooWide
    }

    public let kind: Kind
    public let line: Int

    public init(kind: Kind, line: Int) {
        self.kind = kind
        self.line = line
    }
}
