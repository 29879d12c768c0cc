import Foundation

/// What a search may be narrowed to.
public struct SearchFilter: Sendable, Equatable {
    /// A category and everything below it.
    public var categoryId: Int64?
    /// Only pages whose last change was by this user.
    public var author: String?
    /// Only pages changed within this many days.
    public var changedWithinDays: Int?
    /// Only articles or only client cards; nil for both.
    public var kind: SearchHit.Kind?

    public init(categoryId: Int64? = nil, author: String? = nil, changedWithinDays: Int? = nil, kind: SearchHit.Kind? = nil) {
        self.categoryId = categoryId
        self.author = author
        self.changedWithinDays = changedWithinDays
        self.kind = kind
    }

    /// The kinds of document a search with this filter may return to `principal`: the category,
    /// author and date filters are about articles, and client cards need the right to see clients.
    func kinds(for principal: Principal) -> [SearchHit.Kind] {
        let articlesOnly = categoryId != nil || author != nil || changedWithinDays != nil || !principal.has(.clientsRead)
        return SearchHit.Kind.allCases.filter { kind == nil || $0 == kind }.filter { $0 == .article || !articlesOnly }
    }
}
