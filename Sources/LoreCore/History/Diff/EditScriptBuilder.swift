/// Turns an ordered list of matched runs into a `DiffOperation` script.
///
/// The diff core only reports what matched; everything between two matches is
/// by definition a delete followed by an insert, so deriving the gaps here keeps
/// the ordering guarantees of `DiffOperation` in one place.
struct EditScriptBuilder {
    private(set) var operations: [DiffOperation] = []
    private var oldPosition = 0
    private var newPosition = 0

    /// Records `count` equal tokens at `oldStart`/`newStart`. Calls must be
    /// monotonic in both coordinates; runs that go backwards are ignored rather
    /// than producing an inconsistent script.
    mutating func match(old oldStart: Int, new newStart: Int, count: Int) {
        guard count > 0, oldStart >= oldPosition, newStart >= newPosition else { return }
        let hasGap = oldStart > oldPosition || newStart > newPosition
        emitGap(toOld: oldStart, toNew: newStart)
        if !hasGap, let last = operations.last, case .equal(let old, let new) = last {
            operations[operations.count - 1] = .equal(
                old: old.lowerBound..<(oldStart + count),
                new: new.lowerBound..<(newStart + count)
            )
        } else {
            operations.append(.equal(old: oldStart..<(oldStart + count), new: newStart..<(newStart + count)))
        }
        oldPosition = oldStart + count
        newPosition = newStart + count
    }

    mutating func finish(oldCount: Int, newCount: Int) -> [DiffOperation] {
        emitGap(toOld: oldCount, toNew: newCount)
        oldPosition = max(oldPosition, oldCount)
        newPosition = max(newPosition, newCount)
        return operations
    }

    private mutating func emitGap(toOld: Int, toNew: Int) {
        if toOld > oldPosition {
            operations.append(.delete(old: oldPosition..<toOld, at: newPosition))
        }
        if toNew > newPosition {
            operations.append(.insert(new: newPosition..<toNew, at: max(toOld, oldPosition)))
        }
    }
}
