/// A stretch of the unified diff shown together: changed lines plus the
/// unchanged context around them.
public struct DiffHunk: Sendable, Hashable {
    /// 1-based number of the first old line in the hunk. When the hunk has no
    /// old lines it is the number the next old line would have.
    public let oldStart: Int
    /// How many old lines (unchanged or removed) the hunk shows.
    public let oldCount: Int
    /// 1-based number of the first new line in the hunk, like `oldStart`.
    public let newStart: Int
    /// How many new lines (unchanged or added) the hunk shows.
    public let newCount: Int
    /// Unchanged lines hidden between the previous hunk (or the top of the
    /// document) and this one; what a UI shows as "⋯ 42 unchanged lines".
    public let skippedBefore: Int
    public let lines: [DiffLine]

    public init(oldStart: Int, oldCount: Int, newStart: Int, newCount: Int, skippedBefore: Int, lines: [DiffLine]) {
        self.oldStart = oldStart
        self.oldCount = oldCount
        self.newStart = newStart
        self.newCount = newCount
        self.skippedBefore = skippedBefore
        self.lines = lines
    }
}
