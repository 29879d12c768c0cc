import Foundation
import GRDB

/// Everything people read about articles. Every query takes the reader, so that access
/// rights can narrow it in SQL in one place.
public struct ArticleQueries: Sendable {
    public enum Lookup: Sendable, Equatable {
        case found(Article)
        /// The slug is an old name of an article now found under a new one.
        case moved(to: String)
    }

    let database: AppDatabase
    /// See ``personalParts(ofArticle:)``.
    let personal = ChangeKeyedCache<String, ArticlePersonalParts>()

    public init(database: AppDatabase) {
        self.database = database
    }

    public func article(slug: String, for principal: Principal) async throws -> Lookup {
        try await database.read(as: principal) { viewer in try viewer.article(slug: slug) }
    }

    public func articles(inCategory categoryId: Int64, for principal: Principal) async throws -> [Article] {
        try await database.read(as: principal) { viewer in try viewer.articles(inCategory: categoryId) }
    }

    /// Live articles the principal may read, in id order after `afterId`: the page a program
    /// walks through all of them with, which inserts and edits elsewhere never shift.
    public func page(inCategory categoryId: Int64? = nil, updatedSince: Date? = nil, after afterId: Int64?, limit: Int,
                     for principal: Principal) async throws -> [ArticleSummary] {
        let policy = AccessPolicy(principal)
        return try await database.reader.read { db in
            var request = Article.select(ArticleSummary.columns, as: ArticleSummary.self).filter(Article.live).filter(policy.readableArticles())
            if let categoryId { request = request.filter(Column("categoryId") == categoryId) }
            if let updatedSince { request = request.filter(Column("updatedAt") >= updatedSince) }
            if let afterId { request = request.filter(Column("id") > afterId) }
            return try request.order(Column("id")).limit(limit).fetchAll(db)
        }
    }

    public func recentlyChanged(limit: Int, for principal: Principal) async throws -> [Article] {
        let policy = AccessPolicy(principal)
        return try await database.reader.read { db in
            try Article.filter(Article.live).filter(policy.readableArticles()).order(Column("updatedAt").desc).limit(limit).fetchAll(db)
        }
    }

    /// Trashed articles the principal may restore (edit in their category).
    public func trash(for principal: Principal) async throws -> [Article] {
        try await database.reader.read { db in try Self.restorable(principal).order(Column("deletedAt").desc).fetchAll(db) }
    }

    /// The trashed article at this address, if the principal may restore it.
    public func trashed(slug: String, for principal: Principal) async throws -> Article {
        let article = try await database.reader.read { db in try Self.restorable(principal).filter(Column("slug") == slug).fetchOne(db) }
        guard let article else { throw NotFound() }
        return article
    }

    private static func restorable(_ principal: Principal) -> QueryInterfaceRequest<Article> {
        let policy = AccessPolicy(principal)
        return Article.filter(Column("deletedAt") != nil).filter(policy.readableArticles()).filter(policy.categories("categoryId", atLeast: .edit))
    }

    /// "What links here": live articles whose text names this one by slug, title or an old slug.
    public func backlinks(to article: Article, for principal: Principal) async throws -> [Article] {
        try await database.read(as: principal) { viewer in try viewer.backlinks(to: article) }
    }

    /// The article's saved HTML as this principal may see it (see ``Viewer/visibleHTML(of:)``).
    public func visibleHTML(of article: Article, for principal: Principal) async throws -> String {
        try await database.read(as: principal) { viewer in try viewer.visibleHTML(of: article) }
    }

    /// Display names of the given users, for "changed by" lines.
    public func userNames(_ ids: Set<Int64>) async throws -> [Int64: String] {
        try await database.reader.read { db in try User.displayNames(ids, db) }
    }
}
