import Foundation

/// One result: what matched, where it lives, and why it matched (the snippet).
public struct SearchHit: Sendable, Equatable {
    public let slug: String
    public let title: String
    public let categoryId: Int64
    /// HTML: the page's own text escaped, the matched words in `<mark>`.
    public let snippetHTML: String
    public let updatedAt: Date
    public let updatedBy: String
}
