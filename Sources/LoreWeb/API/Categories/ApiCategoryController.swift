import Hummingbird
import LoreCore

/// Categories: the tree a caller may read, creating and changing them, and their grants.
struct ApiCategoryController {
    let services: AppServices

    func addRoutes(to router: some RouterMethods<AppRequestContext>) {
        router.get("/api/v1/categories", use: list)
        router.post("/api/v1/categories", use: create)
        router.get("/api/v1/categories/:id", use: get)
        router.put("/api/v1/categories/:id", use: update)
        router.delete("/api/v1/categories/:id", use: delete)
        router.get("/api/v1/categories/:id/grants", use: grants)
        router.put("/api/v1/categories/:id/grants", use: setGrants)
    }

    @Sendable func list(request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let tree = try await services.categories.tree(for: principal)
        let levels = try await services.categories.levels(for: principal)
        let items = tree.flattened.map { node in
            ApiCategory(node.category, articleCount: node.articleCount, access: levels[node.category.id ?? 0] ?? .read)
        }
        return try ApiJSON.response(ApiItems(items: items), request: request)
    }

    @Sendable func get(request: Request, context: AppRequestContext) async throws -> Response {
        try ApiJSON.response(try await category(try Self.id(context), context), request: request)
    }

    @Sendable func create(request: Request, context: AppRequestContext) async throws -> Response {
        let input = try await ApiBody.decode(ApiCategory.Input.self, from: request, schemas: services.apiSchemas)
        let created = try await services.categories.create(input.draft(), by: context.requirePrincipal())
        let category = try await category(created.id ?? 0, context)
        return try ApiJSON.created(category, at: "/api/v1/categories/\(category.id)", request: request)
    }

    @Sendable func update(request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let id = try Self.id(context)
        let current = try await services.categories.category(id: id, for: principal)
        let input = try await ApiBody.decode(ApiCategory.Input.self, from: request, schemas: services.apiSchemas)
        _ = try await services.categories.update(id: id, with: input.draft(replacing: current), by: principal)
        return try ApiJSON.response(try await category(id, context), request: request)
    }

    @Sendable func delete(request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let id = try Self.id(context)
        _ = try await services.categories.category(id: id, for: principal)
        try await services.categories.delete(id: id, by: principal)
        return ApiJSON.noContent()
    }

    @Sendable func grants(request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let id = try Self.id(context)
        _ = try await services.categories.category(id: id, for: principal)
        let grid = try await services.roles.grants(category: id, by: principal)
        return try ApiJSON.response(ApiItems(items: ApiGrant.list(grid)), request: request)
    }

    @Sendable func setGrants(request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let id = try Self.id(context)
        _ = try await services.categories.category(id: id, for: principal)
        let input = try await ApiBody.decode(ApiGrant.Input.self, from: request, schemas: services.apiSchemas)
        try await services.roles.setGrants(try input.levels(), category: id, by: principal)
        let grid = try await services.roles.grants(category: id, by: principal)
        return try ApiJSON.response(ApiItems(items: ApiGrant.list(grid)), request: request)
    }

    /// The category as the caller sees it now, with their level and the articles they may read
    /// (counted in SQL with the tree, as the list does).
    private func category(_ id: Int64, _ context: AppRequestContext) async throws -> ApiCategory {
        let principal = try context.requirePrincipal()
        guard let node = try await services.categories.tree(for: principal).flattened.first(where: { $0.category.id == id }) else {
            throw NotFound()
        }
        let level = try await services.categories.level(inCategory: id, for: principal)
        return ApiCategory(node.category, articleCount: node.articleCount, access: level)
    }

    static func id(_ context: AppRequestContext) throws -> Int64 {
        let id = try context.parameters.number("id")
        return id
    }
}
