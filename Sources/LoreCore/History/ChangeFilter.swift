/// What recent changes show: optionally one category (with its subcategories), one author,
/// and without minor edits.
public struct ChangeFilter: Sendable, Equatable {
    public var categoryId: Int64?
    public var username: String?
    public var hideMinor: Bool

    public init(categoryId: Int64? = nil, username: String? = nil, hideMinor: Bool = false) {
        self.categoryId = categoryId
        self.username = username
        self.hideMinor = hideMinor
    }
}
