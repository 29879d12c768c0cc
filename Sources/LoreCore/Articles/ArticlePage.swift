/// Everything the article page shows, read through one ``Viewer``: one snapshot, so the page
/// is whole or a 404, never half of each. The sidebar's tree is not part of it: it comes from
/// ``CategoryService/tree(for:)``, kept per kind of reader, as counting every article per page would cost.
public struct ArticlePage: Sendable {
    public let article: Article
    public let updatedByName: String?
    public let level: AccessLevel
    public let category: Category
    /// The category and those above it that the reader sees, root first.
    public let lineage: [Category]
    public let html: String
    public let backlinks: [Article]
    public let clients: [Client]
    public let attachments: [AttachmentService.Listed]

    public enum Lookup: Sendable {
        case page(ArticlePage)
        /// The slug is an old name of an article now found under a new one.
        case moved(to: String)
    }
}

extension ArticleQueries {
    public func page(slug: String, for principal: Principal) async throws -> ArticlePage.Lookup {
        try await database.read(as: principal) { viewer in
            let article: Article
            switch try viewer.article(slug: slug) {
            case .found(let found): article = found
            case .moved(let slug): return .moved(to: slug)
            }
            let categories = try viewer.categories()
            let category = try categories.category(id: article.categoryId)
            return .page(ArticlePage(
                article: article, updatedByName: try viewer.userNames([article.updatedById])[article.updatedById],
                level: try viewer.level(inCategory: article.categoryId), category: category,
                lineage: categories.lineage(of: article.categoryId),
                html: try viewer.visibleHTML(of: article), backlinks: try viewer.backlinks(to: article),
                clients: try viewer.clients(concerning: article), attachments: try viewer.attachments(of: .article(slug: article.slug))))
        }
    }
}
