import Foundation
import Hummingbird
import LoreCore

/// Recent changes across the knowledge base, a person's contributions (the same list for one
/// author), and the Atom feed of both. Only what the reader may see the history of.
struct ChangesController {
    let services: AppServices
    /// Behind HTTPS (the same setting as secure cookies): the feed's links use https.
    let secure: Bool

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/changes", use: list)
        router.get("/changes.atom", use: feed)
    }

    static let perPage = 50

    struct ChangesView {
        /// The list's items (``ChangeListHTML``).
        let changes: String
        let hasChanges: Bool
        let categoryOptions: String
        let user: String
        let hideMinor: Bool
        let feedURL: String
        let newerURL: String?
        let olderURL: String?
    }

    struct FeedEntry {
        let id: String
        let title: String
        let url: String
        let updated: String
        let author: String
        let summary: String
    }

    struct Feed {
        let title: String
        let id: String
        let selfURL: String
        let updated: String
        let entries: [FeedEntry]
    }

    @Sendable func list(request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let t = context.translations
        let tree = try await services.categories.tree(for: principal)
        // A guest who may read nothing is asked to sign in, as on the home page.
        if tree.isEmpty, context.isGuest { throw NotFound() }
        let (filter, page) = try Self.filter(request)
        let changes = try await services.history.recentChanges(filter, page: page, perPage: Self.perPage, for: principal)
        let query = Self.query(filter)
        let view = ChangesView(
            changes: ChangeListHTML.items(RevisionRow.rows(changes, categories: tree, t: t), t: t), hasChanges: !changes.isEmpty,
            categoryOptions: CategoryOption.options(tree, selected: filter.categoryId),
            user: filter.username ?? "", hideMinor: filter.hideMinor, feedURL: "/changes.atom" + (query.isEmpty ? "" : "?" + query),
            newerURL: page > 1 ? "/changes?" + Self.query(filter, page: page - 1) : nil,
            olderURL: changes.count == Self.perPage ? "/changes?" + Self.query(filter, page: page + 1) : nil)
        let title = filter.username.map { t.format("contributions_of", ["name": $0]) } ?? t["recent_changes"]
        let pageModel = try await services.pages.page(view, title: title, request: request, context: context,
                                                      breadcrumbs: PageBuilder.crumbs(home: t, lineage: [], last: title), tree: tree)
        return try services.views.render("changes", pageModel)
    }

    @Sendable func feed(request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let t = context.translations
        let (filter, _) = try Self.filter(request)
        let changes = try await services.history.recentChanges(filter, page: 1, perPage: Self.perPage, for: principal)
        // Feed readers need absolute addresses; the request's own host is the one the reader used.
        let origin = (secure ? "https://" : "http://") + (request.head.authority ?? "localhost")
        let stamp = { (date: Date) in date.formatted(.iso8601) }
        let feed = Feed(
            title: "Lore — " + t["recent_changes"], id: origin + "/changes", selfURL: origin + request.uri.description,
            updated: stamp(changes.first?.createdAt ?? Date(timeIntervalSince1970: 0)),
            entries: changes.map { change in
                let url = origin + Paths.article(change.articleSlug)
                    + (change.number > 1 ? "/diff?from=\(change.number - 1)&to=\(change.number)" : "/revisions/1")
                return FeedEntry(
                    id: origin + Paths.article(change.articleSlug) + "/revisions/\(change.number)",
                    title: "\(change.articleTitle) #\(change.number)", url: url, updated: stamp(change.createdAt),
                    author: change.authorName, summary: change.summary)
            })
        return try services.views.renderDocument("changes-atom", feed, contentType: "application/atom+xml; charset=utf-8")
    }

    private static func filter(_ request: Request) throws -> (ChangeFilter, page: Int) {
        let query = request.uri.queryParameters
        let user = query.get("user").map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : String($0.prefix(100)) }
        let filter = ChangeFilter(categoryId: Int64(request: query.get("category"), in: .filterIds), username: user,
                                  hideMinor: query.get("minor") == "hide")
        return (filter, try PageNumber.parse(query.get("page")))
    }

    private static func query(_ filter: ChangeFilter, page: Int? = nil) -> String {
        var items: [URLQueryItem] = []
        if let category = filter.categoryId { items.append(.init(name: "category", value: String(category))) }
        if let user = filter.username { items.append(.init(name: "user", value: user)) }
        if filter.hideMinor { items.append(.init(name: "minor", value: "hide")) }
        if let page { items.append(.init(name: "page", value: String(page))) }
        var components = URLComponents()
        components.queryItems = items
        return components.percentEncodedQuery ?? ""
    }
}
