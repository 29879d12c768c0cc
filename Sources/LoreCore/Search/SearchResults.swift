/// One page of search results and what the search did beyond the words typed.
public struct SearchResults: Sendable, Equatable {
    /// A word that matched nothing the searcher may read, and the nearest words searched instead.
    public struct Correction: Sendable, Equatable {
        public let typed: String
        public let suggested: [String]
    }

    public let hits: [SearchHit]
    /// How many results there are in all (at most ``SearchService/countLimit`` + 1, meaning "more").
    public let total: Int
    /// Synonyms from the dictionary that were searched too.
    public let alsoSearched: [String]
    public let corrections: [Correction]

    static let empty = SearchResults(hits: [], total: 0, alsoSearched: [], corrections: [])

    /// The query as typed with each corrected word replaced by its nearest word: "Did you mean …".
    public func correctedText(_ text: String) -> String? {
        guard !corrections.isEmpty else { return nil }
        var words = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        for correction in corrections {
            guard let suggested = correction.suggested.first else { continue }
            for index in words.indices {
                let bare = words[index].trimmingCharacters(in: .punctuationCharacters)
                if bare == correction.typed { words[index] = words[index].replacingOccurrences(of: bare, with: suggested) }
            }
        }
        return words.joined(separator: " ")
    }
}
