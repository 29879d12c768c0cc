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
    /// none is empty, so an empty line has no segments.
    public let segments: [DiffSegment]

    public init(kind: Kind, oldNumber: Int?, newNumber: Int?, text: String, segments: [DiffSegment]) {
        self.kind = kind
        self.oldNumber = oldNumber
        self.newNumber = newNumber
        self.text = text
        self.segments = segments
    }
}
