import Hummingbird
import LoreCore

/// Category pages and the forms that create, change, reorder and delete categories.
struct CategoryController {
    let services: AppServices

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/c/**", use: show)
        router.get("/categories/new", use: newForm)
        router.post("/categories/new", use: create)
        router.get("/categories/:id/edit", use: editForm)
        router.post("/categories/:id/edit", use: update)
        router.post("/categories/:id/reorder", use: reorder)
        router.post("/categories/:id/delete", use: delete)
    }

    struct SubcategoryCard {
        let title: String
        let url: String
        let description: String
        let countLabel: String
        let reorderURL: String
    }

    struct CategoryView {
        let title: String
        let description: String
        let subcategories: [SubcategoryCard]
        let articles: [ArticleListItem]
        let canEdit: Bool
        let canManage: Bool
        let newArticleURL: String
        let newSubcategoryURL: String
        let editURL: String
        let accessURL: String
        let stewardshipURL: String
        let approvalURL: String
        /// Nil for guests.
        let watch: WatchView?
    }

    struct CategoryFormView {
        let heading: String
        let action: String
        let title: String
        let slug: String
        let description: String
        let hidesHistory: Bool
        let parentOptions: String
        let fieldErrors: [String: String]
        let errors: [FormErrors.Item]
        let cancelURL: String
        let deleteURL: String?
        /// A new category's rights, chosen before it exists; empty when editing (rights have their page).
        var grants: [GrantChoice] = []
    }

    struct GrantChoice {
        let name: String
        let role: String
        let options: [Choice]
    }

    static let fieldOrder = ["title", "slug", "parent", "description"]

    @Sendable func show(request: Request, context: AppRequestContext) async throws -> Response {
        let path = context.parameters.getCatchAll().joined(separator: "/")
        // Watchers see "Stop watching": their page is kept apart.
        let watching = try await services.notifications.isWatching(pageAt: Paths.category(path), principal: context.requirePrincipal())
        return try await services.pageCache.page(Paths.category(path), extra: watching ? "|watching" : "", request: request,
                                                 context: context) { key, generation in
            try await page(path, caching: key, generation: generation, request: request, context: context)
        }
    }

    private func page(_ path: String, caching key: PageCache.Key?, generation: Int, request: Request, context: AppRequestContext) async throws
        -> Response {
        let principal = try context.requirePrincipal()
        let t = context.translations
        let found = try await services.categories.page(path: path, for: principal)
        let (category, level) = (found.category, found.level)
        let tree = try await services.categories.tree(for: principal)
        guard let id = category.id else { throw NotFound() }
        let children = tree.flattened.first { $0.category.id == id }?.children ?? []
        let view = CategoryView(
            title: category.title, description: category.description,
            subcategories: children.map { node in
                SubcategoryCard(
                    title: node.category.title, url: Paths.category(node.category.path),
                    description: node.category.description, countLabel: t.articleCount(node.totalArticleCount),
                    reorderURL: "/categories/\(node.category.id ?? 0)/reorder")
            },
            articles: ArticleListItem.items(found.articles, names: found.authorNames, t: t),
            canEdit: level >= .edit, canManage: level >= .manage,
            newArticleURL: "/new?category=\(id)", newSubcategoryURL: "/categories/new?parent=\(id)",
            editURL: "/categories/\(id)/edit", accessURL: "/admin/access/\(id)", stewardshipURL: "/categories/\(id)/stewardship",
            approvalURL: "/categories/\(id)/approval",
            watch: context.isGuest ? nil : WatchView(.category(id), watching: try await services.notifications.isWatching(.category(id), principal: principal),
                                                     back: Paths.category(category.path)))
        let page = try await services.pages.page(
            view, title: category.title, request: request, context: context,
            breadcrumbs: PageBuilder.crumbs(home: t, lineage: found.lineage), currentCategoryId: id, tree: tree)
        return try services.views.render("category", page, caching: key, in: services.pageCache, generation: generation, context: context)
    }

    @Sendable func newForm(request: Request, context: AppRequestContext) async throws -> Response {
        if context.isGuest { throw NotFound() }
        let parentId = Int64(request: request.uri.queryParameters.get("parent"), in: .filterIds)
        return try await form(CategoryDraft(title: "", parentId: parentId), editing: nil, errors: .none, request: request, context: context)
    }

    @Sendable func create(request: Request, context: AppRequestContext) async throws -> Response {
        let sent = try await FormData.read(from: request)
        var draft = Self.draft(from: sent)
        for role in try await services.roles.roles() where role.kind != .administrator {
            guard let id = role.id, let level = AccessLevel.allCases.first(where: { "\($0)" == sent["grant-\(id)"] }) else { continue }
            draft.grants[id] = level
        }
        do {
            let category = try await services.categories.create(draft, by: context.requirePrincipal())
            return .redirect(to: Paths.category(category.path) + "?notice=category_saved")
        } catch let error as ValidationError {
            return try await form(draft, editing: nil, errors: FormErrors(error, t: context.translations, order: Self.fieldOrder), request: request, context: context)
        }
    }

    @Sendable func editForm(request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let category = try await services.categories.category(id: context.parameters.number("id"), for: principal)
        if try await services.categories.level(inCategory: category.id!, for: principal) < .manage { throw AccessDenied() }
        return try await form(CategoryDraft(category), editing: category, errors: .none, request: request, context: context)
    }

    @Sendable func update(request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let category = try await services.categories.category(id: context.parameters.number("id"), for: principal)
        let draft = Self.draft(from: try await FormData.read(from: request))
        do {
            let saved = try await services.categories.update(id: category.id!, with: draft, by: principal)
            return .redirect(to: Paths.category(saved.path) + "?notice=category_saved")
        } catch let error as ValidationError {
            return try await form(draft, editing: category, errors: FormErrors(error, t: context.translations, order: Self.fieldOrder), request: request, context: context)
        }
    }

    @Sendable func reorder(request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let category = try await services.categories.category(id: context.parameters.number("id"), for: principal)
        let form = try await FormData.read(from: request)
        guard let direction = CategoryService.Direction(rawValue: form["direction"]) else { throw HTTPError(.badRequest) }
        try await services.categories.reorder(id: category.id!, direction, by: principal)
        return .redirect(to: try await parentURL(of: category, for: principal))
    }

    @Sendable func delete(request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let category = try await services.categories.category(id: context.parameters.number("id"), for: principal)
        do {
            try await services.categories.delete(id: category.id!, by: principal)
            return .redirect(to: try await parentURL(of: category, for: principal) + "?notice=category_deleted")
        } catch is CategoryNotEmpty {
            return .redirect(to: "/categories/\(category.id!)/edit?notice=category_not_empty")
        }
    }

    // MARK: Helpers

    private func form(_ draft: CategoryDraft, editing: Category?, errors: FormErrors, request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let t = context.translations
        let tree = try await services.categories.tree(for: principal)
        let levels = try await services.categories.levels(for: principal)
        let heading = editing.map { t.format("edit_category_heading", ["title": $0.title]) } ?? t["new_category_heading"]
        var view = CategoryFormView(
            heading: heading,
            action: editing.map { "/categories/\($0.id!)/edit" } ?? "/categories/new",
            title: draft.title, slug: draft.slug, description: draft.description,
            hidesHistory: draft.hidesHistoryFromReaders ?? false,
            parentOptions: CategoryOption.options(tree, selected: draft.parentId, excluding: editing?.id) {
                (levels[$0] ?? .none) >= .manage
            },
            fieldErrors: errors.fieldErrors, errors: errors.errors,
            cancelURL: editing.map { Paths.category($0.path) } ?? "/",
            deleteURL: editing.map { "/categories/\($0.id!)/delete" })
        if editing == nil {
            // Left at "as the parent": inherited; at the top, every employee reads and nobody else.
            view.grants = try await services.roles.roles().filter { $0.kind != .administrator }.compactMap { role in
                role.id.map { id in
                    let chosen = draft.grants[id].map { "\($0)" } ?? ""
                    return GrantChoice(name: "grant-\(id)", role: t.name(of: role), options: Choice.options(
                        AccessLevel.allCases.map { ("\($0)", t["level_\($0)"]) }, selected: chosen, none: t["category_grant_default"]))
                }
            }
        }
        var lineage: [Category] = []
        if let editing { lineage = try await services.categories.lineage(of: editing, for: principal) }
        let page = try await services.pages.page(
            view, title: heading, request: request, context: context,
            breadcrumbs: PageBuilder.crumbs(home: t, lineage: lineage, last: heading), currentCategoryId: editing?.id, tree: tree)
        return try services.views.render("category-form", page, status: errors.errors.isEmpty ? .ok : .unprocessableContent)
    }

    private static func draft(from form: FormData) -> CategoryDraft {
        CategoryDraft(title: form["title"], slug: form["slug"], description: form["description"], parentId: form.integer("parent"),
                             hidesHistoryFromReaders: form["hideHistory"] == "on")
    }

    private func parentURL(of category: Category, for principal: Principal) async throws -> String {
        guard let parentId = category.parentId else { return "/" }
        return Paths.category(try await services.categories.category(id: parentId, for: principal).path)
    }
}
