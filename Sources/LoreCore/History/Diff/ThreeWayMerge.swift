/// Line-based three-way merge (diff3) of two edits of a common base.
public enum ThreeWayMerge {
    /// Combines `mine` and `theirs`, both edited from `base`.
    ///
    /// Base lines left untouched by both sides anchor the merge; each stretch
    /// between anchors is resolved on its own:
    /// - changed on one side only: that side's version is taken;
    /// - changed identically on both sides: taken once;
    /// - changed differently on both sides, which includes insertions at the
    ///   same spot and edits of directly adjacent lines (as in diff3 and git,
    ///   since neither version can be assumed to still make sense next to the
    ///   other): a conflict.
    ///
    /// Lines are compared exactly after normalising line endings to LF; unlike
    /// `TextDiff`, trailing whitespace counts, because the merged text must
    /// reproduce someone's lines verbatim. The clean result ends with a newline
    /// iff `mine` did (or `theirs`, when `mine` is empty).
    public static func merge(base: String, mine: String, theirs: String) -> MergeResult {
        let documents = [DocumentLines(base), DocumentLines(mine), DocumentLines(theirs)]
        let baseLines = documents[0].lines, mineLines = documents[1].lines, theirLines = documents[2].lines
        let interned = LineInterner.intern(
            documents.map { ($0.text[...], $0.lines) }, allKnownNFC: documents.allSatisfy(\.isKnownNFC)
        )
        let baseIDs = interned.ids[0], mineIDs = interned.ids[1], theirIDs = interned.ids[2]
        let mineMatch = matches(base: baseIDs, other: mineIDs, idCount: interned.count)
        let theirMatch = matches(base: baseIDs, other: theirIDs, idCount: interned.count)

        var regions = RegionBuilder()
        // Positions in base ("original"), mine and theirs, named as in diff3 papers.
        var o = 0, a = 0, b = 0
        while o < baseIDs.count || a < mineIDs.count || b < theirIDs.count {
            var stable = 0
            while o + stable < baseIDs.count,
                  mineMatch[o + stable] == a + stable, theirMatch[o + stable] == b + stable {
                stable += 1
            }
            if stable > 0 {
                regions.take(baseLines[o..<(o + stable)])
                o += stable
                a += stable
                b += stable
                continue
            }
            // The unstable stretch runs up to the next base line kept by both sides.
            var sync = o
            while sync < baseIDs.count, mineMatch[sync] < 0 || theirMatch[sync] < 0 {
                sync += 1
            }
            let mineEnd = sync < baseIDs.count ? max(a, mineMatch[sync]) : mineIDs.count
            let theirEnd = sync < baseIDs.count ? max(b, theirMatch[sync]) : theirIDs.count
            let baseChunk = baseIDs[o..<sync]
            let mineChunk = mineIDs[a..<mineEnd]
            let theirChunk = theirIDs[b..<theirEnd]
            if mineChunk.elementsEqual(baseChunk) {
                regions.take(theirLines[b..<theirEnd])
            } else if theirChunk.elementsEqual(baseChunk) || mineChunk.elementsEqual(theirChunk) {
                regions.take(mineLines[a..<mineEnd])
            } else {
                regions.conflict(
                    base: baseLines[o..<sync], mine: mineLines[a..<mineEnd], theirs: theirLines[b..<theirEnd]
                )
            }
            guard (sync, mineEnd, theirEnd) != (o, a, b) else {
                // Matches are monotonic, so every round advances; should one
                // ever not, hand the rest over as a conflict rather than loop
                // forever or drop text.
                regions.conflict(base: baseLines[o...], mine: mineLines[a...], theirs: theirLines[b...])
                break
            }
            o = sync
            a = mineEnd
            b = theirEnd
        }
        let newlineSource = mine.isEmpty ? theirs : mine
        return regions.finish(endsWithNewline: DocumentLines.endsWithNewline(newlineSource))
    }

    /// For each base line, the index of the line it is matched with in
    /// `other` by a shortest diff, or -1 when that side changed it.
    private static func matches(base: [Int], other: [Int], idCount: Int) -> [Int] {
        var match = [Int](repeating: -1, count: base.count)
        for operation in LineDiff.diff(interned: base, other, idCount: idCount) {
            if case .equal(let baseRange, let otherRange) = operation {
                for (baseIndex, otherIndex) in zip(baseRange, otherRange) {
                    match[baseIndex] = otherIndex
                }
            }
        }
        return match
    }

    /// Accumulates agreed lines and conflicts in document order.
    private struct RegionBuilder {
        private var regions: [MergeRegion] = []
        // Kept as slices: a clean merge joins them straight into the result
        // instead of allocating a String per line first.
        private var pending: [Substring] = []
        private var hasConflict = false

        mutating func take(_ lines: ArraySlice<Substring>) {
            pending.append(contentsOf: lines)
        }

        mutating func conflict(base: ArraySlice<Substring>, mine: ArraySlice<Substring>, theirs: ArraySlice<Substring>) {
            flush()
            regions.append(.conflict(base: base.map(String.init), mine: mine.map(String.init), theirs: theirs.map(String.init)))
            hasConflict = true
        }

        mutating func finish(endsWithNewline: Bool) -> MergeResult {
            if hasConflict {
                flush()
                return .conflicts(regions)
            }
            guard !pending.isEmpty else { return .clean("") }
            var text = pending.joined(separator: "\n")
            if endsWithNewline { text.append("\n") }
            return .clean(text)
        }

        private mutating func flush() {
            guard !pending.isEmpty else { return }
            regions.append(.stable(pending.map(String.init)))
            pending = []
        }
    }
}
