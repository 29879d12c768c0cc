/// What an uploaded client spreadsheet would do: how it was read, which column feeds which
/// field, and for each row its problems (with the line they are on) and any card it duplicates.
public struct ImportPreview: Sendable {
    /// What to do with a row that duplicates a card.
    public enum Decision: String, Sendable, CaseIterable {
        case create
        case skip
        /// Fill the card's empty fields from the row and add its contact; nothing filled is overwritten.
        case merge
    }

    public struct Duplicate: Sendable, Equatable {
        public enum Reason: String, Sendable {
            case inn, email, name
        }

        /// Nil when the row repeats an earlier row of the same file rather than a card.
        public let slug: String?
        public let name: String
        public let reason: Reason
        /// The earlier row it repeats, for duplicates within the file.
        public let line: Int?
    }

    public struct Row: Sendable {
        public let line: Int
        public let name: String
        /// Problems by column (``ClientColumn`` raw value).
        public let problems: [String: ValidationError.Problem]
        public let duplicate: Duplicate?
        public let decision: Decision
    }

    /// Problems with the file as a whole.
    public enum FileProblem: Error, Sendable, Equatable {
        case empty
        case tooLarge
        case tooManyColumns
        case unterminatedQuote(line: Int)
        case noNameColumn
        case columnTwice(ClientColumn)
    }

    public let encoding: TextDecoding.Encoding
    public let delimiter: Character
    public let header: [String]
    /// The field each column feeds, by position; nil for a column left out.
    public let mapping: [ClientColumn?]
    /// The first non-empty value of each column, to help choose its field.
    public let samples: [String]
    public let rows: [Row]
    public let fileProblems: [FileProblem]
    /// The fields the columns may feed.
    public var schema = ClientSchema.builtIn

    public var problemCount: Int { fileProblems.count + rows.reduce(0) { $0 + $1.problems.count } }
    public var canImport: Bool { problemCount == 0 && !rows.isEmpty }
}

/// The spreadsheet has problems: nothing was imported. The preview says what they are.
public struct ImportRejected: Error, Sendable {
    public let preview: ImportPreview
}

/// What an import did.
public struct ImportResult: Sendable, Equatable {
    public var created = 0
    public var merged = 0
    public var skipped = 0
}
