import LoreCore

/// A diff as the templates draw it, inline or side by side. Line text is escaped here,
/// with changed words wrapped in `<del>` or `<ins>`.
struct DiffView {
    struct Line {
        let oldNumber: String
        let newNumber: String
        let kind: String
        let marker: String
        let html: String
    }

    struct Row {
        let left: Line?
        let right: Line?
    }

    struct Hunk {
        let skipped: String?
        let lines: [Line]
        let rows: [Row]
    }

    let hunks: [Hunk]
    let trailingSkipped: String?
    let identical: Bool
    let sideBySide: Bool
    let stats: String

    static let context = 3

    init(_ diff: TextDiff, sideBySide: Bool, t: Translations) {
        let skipped = { (count: Int) in count > 0 ? t.plural("diff_unchanged_lines", count) : nil }
        hunks = diff.hunks(context: Self.context).map { hunk in
            Hunk(skipped: skipped(hunk.skippedBefore),
                 lines: sideBySide ? [] : hunk.lines.map(Self.line),
                 rows: sideBySide ? DiffRow.rows(for: hunk.lines).map { Row(left: $0.left.map(Self.line), right: $0.right.map(Self.line)) } : [])
        }
        trailingSkipped = skipped(diff.trailingSkipped(context: Self.context))
        identical = !diff.hasChanges
        self.sideBySide = sideBySide
        stats = t.format("diff_stats", ["added": String(diff.added), "removed": String(diff.removed)])
    }

    private static func line(_ line: DiffLine) -> Line {
        let (kind, marker, tag) = switch line.kind {
        case .added: ("added", "+", "ins")
        case .removed: ("removed", "−", "del")
        case .unchanged: ("unchanged", "", "")
        }
        let html = line.segments.map { segment in
            segment.changed && !tag.isEmpty ? "<\(tag)>\(segment.text.htmlEscaped)</\(tag)>" : segment.text.htmlEscaped
        }.joined()
        return Line(oldNumber: line.oldNumber.map(String.init) ?? "", newNumber: line.newNumber.map(String.init) ?? "",
                    kind: kind, marker: marker, html: html)
    }
}
