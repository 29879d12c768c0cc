import GRDB

extension Viewer {
    /// Live articles the reader may read.
    var articles: QueryInterfaceRequest<Article> {
        Article.filter(Article.live).filter(policy.readableArticles())
    }

    /// A category's live articles the reader may read, in display order.
    func articles(inCategory categoryId: Int64) throws -> [Article] {
        try articles.filter(Column("categoryId") == categoryId).order(Article.displayOrder).fetchAll(db)
    }

    /// The article at this address, or the new address of one renamed since.
    func article(slug: String) throws -> ArticleQueries.Lookup {
        if let article = try articles.filter(Column("slug") == slug).fetchOne(db) { return .found(article) }
        let renamed: SQLRequest<String> = """
            SELECT article.slug FROM slugRedirect JOIN article ON article.id = slugRedirect.articleId
            WHERE slugRedirect.slug = \(slug) AND article.deletedAt IS NULL AND \(policy.readableArticles())
            """
        if let newSlug = try renamed.fetchOne(db) { return .moved(to: newSlug) }
        throw NotFound()
    }

    /// "What links here": live articles whose text names this one by slug, title or an old slug.
    func backlinks(to article: Article) throws -> [Article] {
        let links = LinkIndex(db: db)
        return try links.articles(linkingTo: links.keys(of: article), except: article.id, policy: policy)
    }

    /// The article's saved HTML as the reader may see it: links to pages hidden from them look
    /// exactly like links to pages that do not exist.
    func visibleHTML(of article: Article) throws -> String {
        try VisibleLinks.html(article.html, policy: policy, db)
    }
}
