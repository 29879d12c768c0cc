/// One thing a query asks about: a word, a phrase, or words joined by `OR`. A page covers the
/// concept when it has any of its alternatives, in any form (see ``SearchPlan``).
public struct SearchConcept: Sendable, Equatable {
    /// The words or phrases, any of which covers the concept.
    public internal(set) var alternatives: [SearchTerm]
    /// `+word`: pages without it are not results.
    public let isRequired: Bool
    /// The last word of the input, perhaps half typed: its prefix matches too, ranked lower.
    public internal(set) var isTyped = false

    init(alternatives: [SearchTerm], isRequired: Bool) {
        self.alternatives = alternatives
        self.isRequired = isRequired
    }

    /// How the concept is named to the user ("missing: согласовать").
    public var text: String { alternatives.map(\.text).joined(separator: " / ") }

    /// A lone function word, which neither matches nor counts (a required one does).
    var isStopWord: Bool {
        guard !isRequired, alternatives.count == 1, let only = alternatives.first, !only.isPrefix, !only.isQuoted else { return false }
        return Lexicon.isStopWord(only)
    }
}
