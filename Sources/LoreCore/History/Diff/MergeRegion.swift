/// A part of a three-way merge that did not combine cleanly, or the agreed text around it.
public enum MergeRegion: Sendable, Hashable {
    /// Lines everyone agrees on (including one-sided changes already taken).
    case stable([String])
    /// The base lines and both rewrites of them, each intact, for a human to resolve.
    case conflict(base: [String], mine: [String], theirs: [String])
}
