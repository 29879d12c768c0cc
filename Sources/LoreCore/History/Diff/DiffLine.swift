/// One line of a unified document diff.
public struct DiffLine: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case unchanged
        case added
        case removed
    }

    public let kind: Kind
    /// 1-based line number in the old document; nil for added lines.
    public let oldNumber: Int?
    /// 1-based line number in the new document; nil for removed lines.
    public let newNumber: Int?
    /// The line without its newline. Unchanged lines carry the new text, which
    /// may differ from the old one in trailing whitespace only.
    public let text: String

    /// `text` split into highlighted pieces. They concatenate to `text` and
    /// none is empty, so an empty line has no segments. Without word-level
    /// highlighting the line is one segment, changed unless the line is.
    public var segments: [DiffSegment] {
        highlighted ?? Self.wholeLine(text, kind)
    }

    /// nil when `segments` is the single whole-line segment. Most lines of a
    /// diff are unchanged, and not storing an array for each of them is a
    /// measurable part of diffing a long article. Kept canonical (never equal
    /// to the whole-line default) so the synthesised `==` compares segments.
    private let highlighted: [DiffSegment]?

    public init(kind: Kind, oldNumber: Int?, newNumber: Int?, text: String, segments: [DiffSegment]) {
        self.init(kind: kind, oldNumber: oldNumber, newNumber: newNumber, text: text, highlighted: segments)
    }

    init(kind: Kind, oldNumber: Int?, newNumber: Int?, text: String, highlighted: [DiffSegment]?) {
        self.kind = kind
        self.oldNumber = oldNumber
        self.newNumber = newNumber
        self.text = text
        if let highlighted, !Self.isWholeLine(highlighted, text, kind) {
            self.highlighted = highlighted
        } else {
            self.highlighted = nil
        }
    }

    private static func isWholeLine(_ segments: [DiffSegment], _ text: String, _ kind: Kind) -> Bool {
        guard let first = segments.first else { return text.isEmpty }
        return segments.count == 1 && first.text == text && first.changed == (kind != .unchanged)
    }

    private static func wholeLine(_ text: String, _ kind: Kind) -> [DiffSegment] {
        text.isEmpty ? [] : [DiffSegment(text: text, changed: kind != .unchanged)]
    }
}
