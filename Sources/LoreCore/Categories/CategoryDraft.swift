/// What a person submits to create or change a category.
public struct CategoryDraft: Sendable, Equatable {
    public var title: String
    /// Empty means "derive it from the title".
    public var slug: String
    public var description: String
    public var parentId: Int64?
    /// Set by imports from front matter; nil places a new category last and leaves an existing one where it is.
    public var position: Int?
    /// Nil leaves an existing category's setting as it is (imports do not know it).
    public var hidesHistoryFromReaders: Bool?
    /// A new category's own rights by role, set as it is made. Roles left out inherit from the
    /// parent; at the top, where nothing is inherited, every employee may read unless said
    /// otherwise — writing only where someone chose it. Ignored when a category is changed.
    public var grants: [Int64: AccessLevel] = [:]

    public init(title: String, slug: String = "", description: String = "", parentId: Int64? = nil, position: Int? = nil,
                hidesHistoryFromReaders: Bool? = nil) {
        self.title = title
        self.slug = slug
        self.description = description
        self.parentId = parentId
        self.position = position
        self.hidesHistoryFromReaders = hidesHistoryFromReaders
    }

    public init(_ category: Category) {
        self.init(title: category.title, slug: category.slug, description: category.description, parentId: category.parentId,
                  hidesHistoryFromReaders: category.hidesHistoryFromReaders)
    }

    static let maxTitleBytes = 200
    static let maxDescriptionBytes = 4000
}
