/// A piece of a line's text for word-level highlighting.
public struct DiffSegment: Sendable, Hashable {
    public let text: String
    /// True when this piece was removed (on the old side) or added (on the new side).
    public let changed: Bool

    public init(text: String, changed: Bool) {
        self.text = text
        self.changed = changed
    }
}
