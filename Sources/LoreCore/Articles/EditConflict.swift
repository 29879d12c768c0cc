/// Someone else saved the article after this edit began and the two edits overlap. Nothing
/// was written; the caller gets the current version and both sides of every clash, with the
/// person's text kept whole.
public struct EditConflict: Error, Sendable, Equatable {
    /// One stretch both people changed differently.
    public struct Clash: Sendable, Equatable {
        public let base: String
        public let mine: String
        public let theirs: String
    }

    public let current: Article
    /// The revision both edits started from; nil when the editor's starting point is unknown.
    public let base: Revision?
    public let clashes: [Clash]
    /// The person's text with the other change merged in where it did not clash and, at each
    /// clash, both versions between conflict markers — nothing of either side is lost.
    public let body: String
    /// Set when both changed the title, to different ones.
    public let theirTitle: String?
}
