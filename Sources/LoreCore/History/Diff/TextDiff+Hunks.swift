extension TextDiff {
    /// The changes with `context` unchanged lines around each. Unchanged runs
    /// between changes that are longer than 2 × `context` are collapsed and the
    /// diff is split there; leading and trailing runs keep only the `context`
    /// lines next to a change. An identical pair of documents has no hunks.
    /// Pass `Int.max` to keep every line in one hunk.
    public func hunks(context: Int = 3) -> [DiffHunk] {
        let visible = visibility(context: context)
        var hunks: [DiffHunk] = []
        var nextOld = 1, nextNew = 1
        var skipped = 0
        var index = 0
        while index < lines.count {
            guard visible[index] else {
                skipped += 1
                advance(&nextOld, &nextNew, past: lines[index])
                index += 1
                continue
            }
            let start = index
            let oldStart = nextOld, newStart = nextNew
            while index < lines.count, visible[index] {
                advance(&nextOld, &nextNew, past: lines[index])
                index += 1
            }
            hunks.append(DiffHunk(
                oldStart: oldStart, oldCount: nextOld - oldStart,
                newStart: newStart, newCount: nextNew - newStart,
                skippedBefore: skipped, lines: Array(lines[start..<index])
            ))
            skipped = 0
        }
        return hunks
    }

    /// Unchanged lines hidden after the last hunk of `hunks(context:)`; all
    /// lines when the documents are identical.
    public func trailingSkipped(context: Int = 3) -> Int {
        let visible = visibility(context: context)
        guard let last = visible.lastIndex(of: true) else { return lines.count }
        return lines.count - 1 - last
    }

    /// `hunks(context:)` as side-by-side rows.
    public func sideBySide(context: Int = 3) -> [SideBySideHunk] {
        hunks(context: context).map(SideBySideHunk.init)
    }

    /// Which lines are shown: changed ones and unchanged ones within `context`
    /// lines of a change.
    private func visibility(context: Int) -> [Bool] {
        let context = max(0, context)
        var visible = [Bool](repeating: false, count: lines.count)
        var distance = Int.max
        for index in lines.indices {
            distance = lines[index].kind == .unchanged ? (distance == Int.max ? distance : distance + 1) : 0
            visible[index] = distance <= context
        }
        distance = Int.max
        for index in lines.indices.reversed() {
            distance = lines[index].kind == .unchanged ? (distance == Int.max ? distance : distance + 1) : 0
            visible[index] = visible[index] || distance <= context
        }
        return visible
    }

    private func advance(_ nextOld: inout Int, _ nextNew: inout Int, past line: DiffLine) {
        if line.oldNumber != nil { nextOld += 1 }
        if line.newNumber != nil { nextNew += 1 }
    }
}
