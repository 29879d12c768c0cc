/// One row of a side-by-side diff: the old line on the left, the new on the right.
///
/// Unchanged rows hold the same line on both sides. In a change block the
/// n-th removed line sits next to the n-th added line (the pairing that also
/// drives word highlighting); surplus lines face an empty cell (nil).
public struct DiffRow: Sendable, Hashable {
    public let left: DiffLine?
    public let right: DiffLine?

    public init(left: DiffLine?, right: DiffLine?) {
        self.left = left
        self.right = right
    }

    /// Side-by-side rows for lines in unified order (removals before additions).
    public static func rows(for lines: [DiffLine]) -> [DiffRow] {
        var rows: [DiffRow] = []
        rows.reserveCapacity(lines.count)
        var index = 0
        while index < lines.count {
            if lines[index].kind == .unchanged {
                rows.append(DiffRow(left: lines[index], right: lines[index]))
                index += 1
                continue
            }
            var removed: [DiffLine] = []
            var added: [DiffLine] = []
            while index < lines.count, lines[index].kind == .removed {
                removed.append(lines[index])
                index += 1
            }
            while index < lines.count, lines[index].kind == .added {
                added.append(lines[index])
                index += 1
            }
            for row in 0..<max(removed.count, added.count) {
                rows.append(DiffRow(
                    left: row < removed.count ? removed[row] : nil,
                    right: row < added.count ? added[row] : nil
                ))
            }
        }
        return rows
    }
}
