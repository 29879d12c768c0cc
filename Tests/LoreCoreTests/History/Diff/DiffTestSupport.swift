@testable import LoreCore

/// Rebuilds `new` from `old` and the script, checking the script's
/// contiguity on the way; nil when the script is inconsistent.
func apply<T: Equatable>(_ script: [DiffOperation], to old: [T], new: [T]) -> [T]? {
    var result: [T] = []
    var oldPosition = 0, newPosition = 0
    for operation in script {
        switch operation {
        case .equal(let o, let n):
            guard o.lowerBound == oldPosition, n.lowerBound == newPosition, o.count == n.count,
                  o.upperBound <= old.count else { return nil }
            result.append(contentsOf: old[o])
            oldPosition = o.upperBound
            newPosition = n.upperBound
        case .delete(let o, let at):
            guard o.lowerBound == oldPosition, at == newPosition, !o.isEmpty, o.upperBound <= old.count else { return nil }
            oldPosition = o.upperBound
        case .insert(let n, let at):
            guard n.lowerBound == newPosition, at == oldPosition, !n.isEmpty, n.upperBound <= new.count else { return nil }
            result.append(contentsOf: new[n])
            newPosition = n.upperBound
        }
    }
    guard oldPosition == old.count, newPosition == new.count else { return nil }
    return result
}

func editCount(_ script: [DiffOperation]) -> Int {
    script.reduce(0) { $0 + $1.editCount }
}

/// Longest common subsequence length by dynamic programming: the ground
/// truth a minimal edit script must reach.
func lcsLength<T: Equatable>(_ a: [T], _ b: [T]) -> Int {
    guard !a.isEmpty, !b.isEmpty else { return 0 }
    var previous = [Int](repeating: 0, count: b.count + 1)
    for x in a {
        var current = [Int](repeating: 0, count: b.count + 1)
        for (j, y) in b.enumerated() {
            current[j + 1] = x == y ? previous[j] + 1 : max(previous[j + 1], current[j])
        }
        previous = current
    }
    return previous[b.count]
}

extension DiffLine {
    /// Compact form for assertions: "+3 text", "-2 text", " 1/1 text".
    var summary: String {
        switch kind {
        case .unchanged: " \(oldNumber ?? 0)/\(newNumber ?? 0) \(text)"
        case .added: "+\(newNumber ?? 0) \(text)"
        case .removed: "-\(oldNumber ?? 0) \(text)"
        }
    }

    /// Changed pieces only, e.g. ["28"].
    var changedTexts: [String] {
        segments.filter(\.changed).map(\.text)
    }
}
