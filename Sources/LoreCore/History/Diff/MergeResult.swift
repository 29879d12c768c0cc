/// Outcome of `ThreeWayMerge.merge`.
public enum MergeResult: Sendable, Hashable {
    /// Both edits combined without overlap; the merged document.
    case clean(String)
    /// The document in order, with at least one `.conflict` region.
    case conflicts([MergeRegion])

    public var isClean: Bool {
        if case .clean = self { return true }
        return false
    }

    public var conflictCount: Int {
        guard case .conflicts(let regions) = self else { return 0 }
        return regions.reduce(0) { count, region in
            if case .conflict = region { return count + 1 }
            return count
        }
    }
}
