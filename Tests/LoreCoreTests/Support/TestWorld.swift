import Foundation
import GRDB
@testable import LoreCore

/// A fresh in-memory database with an administrator, and the services tests drive.
struct TestWorld {
    let database: AppDatabase
    let principal: Principal
    let categories: CategoryService
    let articles: ArticleService
    let queries: ArticleQueries

    init() async throws {
        database = try AppDatabase.inMemory()
        let bootstrap = try await UserService(database: database, passwordCost: 4).bootstrapAdministrator(password: "test-password")
        principal = try Principal(bootstrap.administrator)
        categories = CategoryService(database: database)
        articles = ArticleService(database: database)
        queries = ArticleQueries(database: database)
    }

    @discardableResult
    func category(_ title: String, in parent: Category? = nil) async throws -> Category {
        try await categories.create(CategoryDraft(title: title, parentId: parent?.id), by: principal)
    }

    @discardableResult
    func article(_ title: String, in category: Category, body: String = "Text.") async throws -> Article {
        try await articles.create(ArticleDraft(title: title, categoryId: category.id!, body: body), by: principal)
    }

    func current(_ slug: String) async throws -> Article {
        guard case .found(let article) = try await queries.article(slug: slug, for: principal) else {
            throw NotFound()
        }
        return article
    }

    func revisions(of article: Article) async throws -> [Revision] {
        try await database.reader.read { db in
            try Revision.filter(Column("articleId") == article.id!).order(Column("number")).fetchAll(db)
        }
    }
}
