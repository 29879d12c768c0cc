import Foundation

/// What a search may be narrowed to.
public struct SearchFilter: Sendable, Equatable {
    /// A category and everything below it.
    public var categoryId: Int64?
    /// Only pages whose last change was by this user.
    public var author: String?
    /// Only pages changed within this many days.
    public var changedWithinDays: Int?

    public init(categoryId: Int64? = nil, author: String? = nil, changedWithinDays: Int? = nil) {
        self.categoryId = categoryId
        self.author = author
        self.changedWithinDays = changedWithinDays
    }
}
