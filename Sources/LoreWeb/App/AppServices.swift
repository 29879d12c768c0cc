import LoreCore

/// The LoreCore services and view helpers that controllers are built with.
struct AppServices: Sendable {
    let database: AppDatabase
    let users: UserService
    let roles: RoleService
    let categories: CategoryService
    let articles: ArticleService
    let queries: ArticleQueries
    let views: ViewRenderer
    let pages: PageBuilder

    init(database: AppDatabase, views: ViewRenderer, passwordCost: UInt8 = 12) {
        self.database = database
        users = UserService(database: database, passwordCost: passwordCost)
        roles = RoleService(database: database)
        categories = CategoryService(database: database)
        articles = ArticleService(database: database)
        queries = ArticleQueries(database: database)
        self.views = views
        pages = PageBuilder(categories: categories)
    }
}
