/// Shortest edit scripts between two token sequences (Myers' O(ND) algorithm).
///
/// "Line" because that is its main use, but any `Hashable` token works: the
/// word-level highlighting runs the same code over word tokens.
///
/// Scripts are minimal unless a stretch of the inputs needs more than about
/// 2,000 edits (a wholesale reordering); then a bounded search keeps the cost
/// near O((N + M) · 1024) and the script is valid but possibly longer.
public enum LineDiff {
    /// The shortest edit script turning `old` into `new`, compared by id.
    public static func diff(old: [Int], new: [Int]) -> [DiffOperation] {
        if let idCount = denseIDCount(old, new) {
            return diff(interned: old, new, idCount: idCount)
        }
        var interner = TokenInterner<Int>(capacity: old.count + new.count)
        let oldIDs = interner.intern(old)
        let newIDs = interner.intern(new)
        return diff(interned: oldIDs, newIDs, idCount: interner.count)
    }

    /// The shortest edit script turning `old` into `new`, compared with `==`.
    public static func diff<Token: Hashable>(old: [Token], new: [Token]) -> [DiffOperation] {
        var interner = TokenInterner<Token>(capacity: old.count + new.count)
        let oldIDs = interner.intern(old)
        let newIDs = interner.intern(new)
        return diff(interned: oldIDs, newIDs, idCount: interner.count)
    }

    /// Core entry point; every id must lie in `0..<idCount`.
    static func diff(
        interned old: [Int], _ new: [Int], idCount: Int, costLimit: Int = MyersCore.defaultCostLimit
    ) -> [DiffOperation] {
        let oldCount = old.count, newCount = new.count
        var prefix = 0
        while prefix < oldCount, prefix < newCount, old[prefix] == new[prefix] {
            prefix += 1
        }
        var suffix = 0
        while suffix < oldCount - prefix, suffix < newCount - prefix,
              old[oldCount - 1 - suffix] == new[newCount - 1 - suffix] {
            suffix += 1
        }

        var builder = EditScriptBuilder()
        builder.match(old: 0, new: 0, count: prefix)
        let oldMiddle = prefix..<(oldCount - suffix)
        let newMiddle = prefix..<(newCount - suffix)
        if !oldMiddle.isEmpty, !newMiddle.isEmpty {
            for run in middleMatches(old, oldMiddle, new, newMiddle, idCount: idCount, costLimit: costLimit) {
                builder.match(old: run.a, new: run.b, count: run.count)
            }
        }
        builder.match(old: oldCount - suffix, new: newCount - suffix, count: suffix)
        return builder.finish(oldCount: oldCount, newCount: newCount)
    }

    /// Matched runs (in original coordinates) inside the changed middle part.
    ///
    /// Tokens that occur on only one side can never be part of a common
    /// subsequence, so they are dropped before running Myers (as GNU diff and
    /// git do). The LCS of what remains is an LCS of the originals, so the
    /// script stays minimal, while a rewritten section full of unique lines
    /// costs next to nothing instead of O(N·D).
    private static func middleMatches(
        _ old: [Int], _ oldRange: Range<Int>,
        _ new: [Int], _ newRange: Range<Int>,
        idCount: Int, costLimit: Int
    ) -> [MatchRun] {
        var inOld = [Bool](repeating: false, count: idCount)
        var inNew = [Bool](repeating: false, count: idCount)
        for i in oldRange { inOld[old[i]] = true }
        for j in newRange { inNew[new[j]] = true }

        var a: [Int] = [], aSource: [Int] = []
        var b: [Int] = [], bSource: [Int] = []
        for i in oldRange where inNew[old[i]] {
            a.append(old[i])
            aSource.append(i)
        }
        for j in newRange where inOld[new[j]] {
            b.append(new[j])
            bSource.append(j)
        }
        guard !a.isEmpty, !b.isEmpty else { return [] }

        var core = MyersCore(a: a, b: b, costLimit: costLimit)
        core.run()

        // A run in the filtered sequences is only a run in the originals where
        // no dropped token sat between its elements, so split it there.
        var result: [MatchRun] = []
        for run in core.runs {
            var k = 0
            while k < run.count {
                let oldStart = aSource[run.a + k], newStart = bSource[run.b + k]
                var length = 1
                while k + length < run.count,
                      aSource[run.a + k + length] == oldStart + length,
                      bSource[run.b + k + length] == newStart + length {
                    length += 1
                }
                result.append(MatchRun(a: oldStart, b: newStart, count: length))
                k += length
            }
        }
        return result
    }

    /// When caller-supplied ids are small non-negative numbers they can index
    /// arrays directly; otherwise they get re-interned first.
    private static func denseIDCount(_ old: [Int], _ new: [Int]) -> Int? {
        let limit = max(1 << 16, 4 * (old.count + new.count))
        var highest = -1
        for id in old {
            guard id >= 0, id < limit else { return nil }
            highest = max(highest, id)
        }
        for id in new {
            guard id >= 0, id < limit else { return nil }
            highest = max(highest, id)
        }
        return highest + 1
    }
}
