/// A run of `count` equal tokens starting at `a` in the old and `b` in the new sequence.
struct MatchRun: Hashable {
    var a: Int
    var b: Int
    var count: Int
}

/// Myers' O(ND) difference algorithm in its linear-space form: find the middle
/// snake of an optimal edit path from both ends at once, then recurse on the
/// two halves. Linear space matters because the greedy variant's trace grows
/// with D², which is hundreds of megabytes for two unrelated large documents.
///
/// The result is a shortest edit script (a longest common subsequence) as
/// long as no sub-problem needs more than `2 × costLimit` edits; only the
/// matched runs are collected, in order, and the caller derives the edits.
///
/// Past the limit the search stops and splits at the furthest point reached,
/// as GNU diff does: the script stays valid but may not be minimal. Without
/// it, O(N·D) lets one reordered 10,000-line revision cost a second of CPU.
struct MyersCore {
    static let defaultCostLimit = 1024

    private let a: [Int]
    private let b: [Int]
    private let costLimit: Int
    private(set) var runs: [MatchRun] = []

    init(a: [Int], b: [Int], costLimit: Int = MyersCore.defaultCostLimit) {
        self.a = a
        self.b = b
        self.costLimit = max(1, costLimit)
    }

    mutating func run() {
        diff(aLow: 0, aHigh: a.count, bLow: 0, bHigh: b.count)
    }

    /// Solves the left half of each split recursively and the right half in
    /// this loop. Left halves cost at most half the edits (or stay under the
    /// cost limit), so the stack stays logarithmic even when the heuristic
    /// peels a huge reordered document off one limit-sized piece at a time.
    private mutating func diff(aLow: Int, aHigh: Int, bLow: Int, bHigh: Int) {
        var aLow = aLow, bLow = bLow, aHigh = aHigh, bHigh = bHigh
        var suffixes: [MatchRun] = []
        while true {
            var prefix = 0
            while aLow + prefix < aHigh, bLow + prefix < bHigh, a[aLow + prefix] == b[bLow + prefix] {
                prefix += 1
            }
            append(MatchRun(a: aLow, b: bLow, count: prefix))
            aLow += prefix
            bLow += prefix

            var suffix = 0
            while aHigh - suffix > aLow, bHigh - suffix > bLow, a[aHigh - suffix - 1] == b[bHigh - suffix - 1] {
                suffix += 1
            }
            aHigh -= suffix
            bHigh -= suffix
            suffixes.append(MatchRun(a: aHigh, b: bHigh, count: suffix))

            guard aLow < aHigh, bLow < bHigh,
                  let split = middleSnake(aLow: aLow, aHigh: aHigh, bLow: bLow, bHigh: bHigh),
                  // A split outside the box or on a corner would trap or loop
                  // forever; the algorithm never produces one, but a
                  // replace-everything answer beats a crash or a hang.
                  (aLow...aHigh).contains(split.x), (bLow...bHigh).contains(split.y),
                  (split.x, split.y) != (aLow, bLow), (split.x, split.y) != (aHigh, bHigh)
            else { break }
            diff(aLow: aLow, aHigh: split.x, bLow: bLow, bHigh: split.y)
            aLow = split.x
            bLow = split.y
        }
        for run in suffixes.reversed() {
            append(run)
        }
    }

    private mutating func append(_ run: MatchRun) {
        guard run.count > 0 else { return }
        if let last = runs.last, last.a + last.count == run.a, last.b + last.count == run.b {
            runs[runs.count - 1].count += run.count
        } else {
            runs.append(run)
        }
    }

    /// Returns a point on an optimal path, strictly inside the edit graph,
    /// or nil when the ranges share nothing (then everything is replaced).
    ///
    /// Forward paths are tracked in `forward` (furthest x per diagonal
    /// k = x - y) and reverse paths in `backward` (furthest distance from the
    /// bottom-right corner). Diagonals that run off the graph are trimmed via
    /// the start/end counters so later rounds skip them.
    private func middleSnake(aLow: Int, aHigh: Int, bLow: Int, bHigh: Int) -> (x: Int, y: Int)? {
        let a = self.a, b = self.b
        let n = aHigh - aLow
        let m = bHigh - bLow
        let maxD = (n + m + 1) / 2
        let offset = maxD
        let size = 2 * maxD + 2
        var forward = [Int](repeating: -1, count: size)
        var backward = forward
        forward[offset + 1] = 0
        backward[offset + 1] = 0
        let delta = n - m
        // With an odd delta the paths can first meet on a forward step,
        // with an even one on a backward step (Myers, lemma 3).
        let checkOnForward = delta & 1 != 0
        var forwardStart = 0, forwardEnd = 0, backwardStart = 0, backwardEnd = 0

        for d in 0..<maxD {
            if d >= costLimit {
                return furthestPoint(
                    forward: forward, backward: backward, offset: offset, lastD: d - 1,
                    n: n, m: m, aLow: aLow, bLow: bLow
                )
            }
            var k = -d + forwardStart
            while k <= d - forwardEnd {
                let index = offset + k
                var x = (k == -d || (k != d && forward[index - 1] < forward[index + 1]))
                    ? forward[index + 1]
                    : forward[index - 1] + 1
                var y = x - k
                while x >= 0, y >= 0, x < n, y < m, a[aLow + x] == b[bLow + y] {
                    x += 1
                    y += 1
                }
                forward[index] = x
                if x > n {
                    forwardEnd += 2
                } else if y > m {
                    forwardStart += 2
                } else if checkOnForward {
                    let other = offset + delta - k
                    if other >= 0, other < size, backward[other] != -1, x >= n - backward[other] {
                        return (aLow + x, bLow + y)
                    }
                }
                k += 2
            }

            k = -d + backwardStart
            while k <= d - backwardEnd {
                let index = offset + k
                var x = (k == -d || (k != d && backward[index - 1] < backward[index + 1]))
                    ? backward[index + 1]
                    : backward[index - 1] + 1
                var y = x - k
                while x >= 0, y >= 0, x < n, y < m, a[aHigh - 1 - x] == b[bHigh - 1 - y] {
                    x += 1
                    y += 1
                }
                backward[index] = x
                if x > n {
                    backwardEnd += 2
                } else if y > m {
                    backwardStart += 2
                } else if !checkOnForward {
                    let other = offset + delta - k
                    if other >= 0, other < size, forward[other] != -1 {
                        let forwardX = forward[other]
                        let forwardY = forwardX - (other - offset)
                        if forwardX >= n - x, forwardX <= n, forwardY >= 0, forwardY <= m {
                            return (aLow + forwardX, bLow + forwardY)
                        }
                    }
                }
                k += 2
            }
        }
        return nil
    }

    /// The point furthest from its starting corner on any diagonal explored
    /// so far, forward or backward. Any point of the box is a valid split;
    /// this one makes the most progress, and its side of the split is known
    /// to cost at most `lastD` edits, so it is solved exactly.
    private func furthestPoint(
        forward: [Int], backward: [Int], offset: Int, lastD: Int,
        n: Int, m: Int, aLow: Int, bLow: Int
    ) -> (x: Int, y: Int)? {
        var best: (x: Int, y: Int)?
        var bestProgress = 0
        var k = -lastD
        while k <= lastD {
            let index = offset + k
            if index >= 0, index < forward.count {
                let x = forward[index], y = forward[index] - k
                if x >= 0, x <= n, y >= 0, y <= m, x + y > bestProgress {
                    best = (aLow + x, bLow + y)
                    bestProgress = x + y
                }
                let backX = backward[index], backY = backward[index] - k
                if backX >= 0, backX <= n, backY >= 0, backY <= m, backX + backY > bestProgress {
                    best = (aLow + n - backX, bLow + m - backY)
                    bestProgress = backX + backY
                }
            }
            k += 2
        }
        return best
    }
}
