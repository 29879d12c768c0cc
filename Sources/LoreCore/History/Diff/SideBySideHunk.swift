/// A `DiffHunk` laid out as side-by-side rows.
public struct SideBySideHunk: Sendable, Hashable {
    public let oldStart: Int
    public let oldCount: Int
    public let newStart: Int
    public let newCount: Int
    /// Unchanged lines hidden before this hunk, as in `DiffHunk`.
    public let skippedBefore: Int
    public let rows: [DiffRow]

    public init(_ hunk: DiffHunk) {
        self.oldStart = hunk.oldStart
        self.oldCount = hunk.oldCount
        self.newStart = hunk.newStart
        self.newCount = hunk.newCount
        self.skippedBefore = hunk.skippedBefore
        self.rows = DiffRow.rows(for: hunk.lines)
    }
}
