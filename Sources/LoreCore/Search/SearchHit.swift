import Foundation

/// One result: what matched, where it lives, and why it matched (the snippet).
public struct SearchHit: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        case article
        case client
    }

    public let kind: Kind
    public let slug: String
    public let title: String
    /// The article's category; nil for a client card.
    public let categoryId: Int64?
    /// HTML: the page's own text escaped, the matched words in `<mark>`.
    public let snippetHTML: String
    public let updatedAt: Date
    public let updatedBy: String
    /// The query's words (concepts) this page does not have, when it lacks some.
    public var missing: [String] = []

    /// Where the hit is read.
    public var path: String {
        switch kind {
        case .article: Paths.article(slug)
        case .client: Paths.client(slug)
        }
    }
}
