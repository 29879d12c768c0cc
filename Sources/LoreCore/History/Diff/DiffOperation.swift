/// One step of an edit script that turns an old token sequence into a new one.
///
/// Ranges are indices into the token arrays handed to `LineDiff`. The
/// operations of a script are ordered and contiguous: together the `old`
/// ranges of `equal` and `delete` cover the old sequence exactly once, and the
/// `new` ranges of `equal` and `insert` cover the new sequence. Within one
/// change block a `delete` always comes before the `insert`, so consumers can
/// pair the two without looking further ahead.
public enum DiffOperation: Sendable, Hashable {
    /// Tokens present in both sequences; both ranges have the same length.
    case equal(old: Range<Int>, new: Range<Int>)
    /// Old tokens dropped; `at` is the position in the new sequence where they were.
    case delete(old: Range<Int>, at: Int)
    /// New tokens added; `at` is the position in the old sequence where they go.
    case insert(new: Range<Int>, at: Int)

    /// How many tokens this operation deletes or inserts (0 for `equal`).
    public var editCount: Int {
        switch self {
        case .equal: 0
        case .delete(let old, _): old.count
        case .insert(let new, _): new.count
        }
    }
}
