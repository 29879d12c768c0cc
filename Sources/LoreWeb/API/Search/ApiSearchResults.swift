import Foundation
import LoreCore

/// A page of search results, ranked as on the search page.
struct ApiSearchResults: Encodable, Sendable {
    struct Hit: Encodable, Sendable {
        let kind: String
        let slug: String
        let title: String
        @Null var categoryId: Int64?
        /// HTML: escaped text with the matched words in `<mark>`.
        let snippet: String
        let url: String
        let updatedAt: Date
        let updatedBy: String
        /// The query's words the page lacks (empty when it has them all).
        let missing: [String]

        init(_ hit: SearchHit) {
            kind = hit.kind.rawValue
            slug = hit.slug
            title = hit.title
            categoryId = hit.categoryId
            snippet = hit.snippetHTML
            url = hit.path
            updatedAt = hit.updatedAt
            updatedBy = hit.updatedBy
            missing = hit.missing
        }
    }

    let total: Int
    /// Counting stops at a thousand: then `total` is that and there are more.
    let totalIsLowerBound: Bool
    let items: [Hit]
    /// Synonyms from the dictionary that were searched too.
    let alsoSearched: [String]
    /// The query with misspelt words replaced by the nearest words found (which were searched too).
    @Null var didYouMean: String?
    @Null var nextCursor: String?
}
