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

        init(_ hit: SearchHit) {
            kind = hit.kind.rawValue
            slug = hit.slug
            title = hit.title
            categoryId = hit.categoryId
            snippet = hit.snippetHTML
            url = hit.path
            updatedAt = hit.updatedAt
            updatedBy = hit.updatedBy
        }
    }

    let total: Int
    /// Counting stops at a thousand: then `total` is that and there are more.
    let totalIsLowerBound: Bool
    let items: [Hit]
    @Null var nextCursor: String?
}
