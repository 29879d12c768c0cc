import Foundation
import GRDB
import Testing
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
        principal = try #require(try await PrincipalLoader(database: database).principal(userId: bootstrap.administrator.id!))
        categories = CategoryService(database: database)
        articles = ArticleService(database: database)
        queries = ArticleQueries(database: database)
    }

    var roles: RoleService { RoleService(database: database) }

    /// A new role with the given capabilities.
    func role(_ name: String, _ capabilities: Set<Capability> = []) async throws -> Role {
        try await roles.create(name: name, capabilities: capabilities, by: principal)
    }

    /// A new user holding Employee and `roles`, as the principal a request of theirs would carry.
    func user(_ username: String, roles: [Role] = []) async throws -> Principal {
        let user = try await UserAdministration(database: database, passwordCost: 4).create(
            username: username, displayName: username.capitalized, password: .given("long enough secret \(username)"),
            roleIds: Set(roles.compactMap(\.id)), by: principal).user
        return try #require(try await PrincipalLoader(database: database).principal(userId: user.id!))
    }

    func grant(_ level: AccessLevel?, to role: Role, on category: Category) async throws {
        try await roles.setGrant(level, role: role.id!, category: category.id!, by: principal)
    }

    /// A category; at the top, one every employee writes in, as in the sample knowledge base
    /// (the service's own default, read only, has its test in CategoryServiceTests).
    @discardableResult
    func category(_ title: String, in parent: Category? = nil) async throws -> Category {
        var draft = CategoryDraft(title: title, parentId: parent?.id)
        if parent == nil { draft.grants = [try await roles.role(kind: .employee).id!: .edit] }
        return try await categories.create(draft, by: principal)
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
