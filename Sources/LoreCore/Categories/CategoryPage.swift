/// Everything a category page shows, read through one ``Viewer`` (one snapshot), but the
/// sidebar's tree, which ``CategoryService/tree(for:)`` keeps per kind of reader.
public struct CategoryPage: Sendable {
    public let category: Category
    public let level: AccessLevel
    /// The category and those above it that the reader sees, root first.
    public let lineage: [Category]
    /// Its live articles the reader may read, in display order.
    public let articles: [Article]
    /// Display names of those who last changed them.
    public let authorNames: [Int64: String]
}

extension CategoryService {
    /// The page of the category at this address as the reader sees it (see ``ReaderCategories``).
    public func page(path: String, for principal: Principal) async throws -> CategoryPage {
        try await database.read(as: principal) { viewer in
            let categories = try viewer.categories()
            let category = try categories.category(path: path)
            guard let id = category.id else { throw NotFound() }
            let articles = try viewer.articles(inCategory: id)
            return CategoryPage(
                category: category, level: try viewer.level(inCategory: id), lineage: categories.lineage(of: id),
                articles: articles, authorNames: try viewer.userNames(Set(articles.map(\.updatedById))))
        }
    }
}
