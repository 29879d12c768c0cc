import LoreCore

/// The line-by-line comparison of two revisions, with the changed words of each line.
struct ApiDiff: Encodable, Sendable {
    struct TitleChange: Encodable, Sendable {
        let from: String
        let to: String
    }

    struct Line: Encodable, Sendable {
        let kind: String
        @Null var oldNumber: Int?
        @Null var newNumber: Int?
        let text: String
        let segments: [Segment]
    }

    struct Segment: Encodable, Sendable {
        let text: String
        let changed: Bool
    }

    let from: Int
    let to: Int
    let added: Int
    let removed: Int
    @Null var titleChange: TitleChange?
    let lines: [Line]

    init(older: Revision, newer: Revision) {
        let diff = TextDiff(old: older.body, new: newer.body)
        from = older.number
        to = newer.number
        added = diff.added
        removed = diff.removed
        titleChange = older.title == newer.title ? nil : TitleChange(from: older.title, to: newer.title)
        lines = diff.lines.map { line in
            Line(kind: "\(line.kind)", oldNumber: line.oldNumber, newNumber: line.newNumber, text: line.text,
                 segments: line.segments.map { Segment(text: $0.text, changed: $0.changed) })
        }
    }
}
