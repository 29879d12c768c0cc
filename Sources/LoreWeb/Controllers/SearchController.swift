import Foundation
import Hummingbird
import LoreCore

/// The search page and the suggestions the header box asks for as you type.
struct SearchController {
    let services: AppServices

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/search", use: search)
        router.get("/search/suggest", use: suggest)
    }

    static let perPage = 20

    struct ResultView {
        let title: String
        let url: String
        let snippet: String
        let trail: String
        let changedLine: String
        /// "Missing: согласовать", when the page lacks some of the query's words.
        let missing: String?
    }

    struct SearchView {
        let query: String
        let searched: Bool
        let summary: String
        let results: [ResultView]
        /// Said when the query was longer or more complex than search reads.
        let shortened: String?
        /// "Also searched: printer": synonyms from the dictionary.
        let alsoSearched: String?
        /// "Did you mean …", with the corrected query's address.
        let didYouMean: DidYouMean?
        /// Administrators keep the synonym dictionary.
        let canEditSynonyms: Bool
        let hints: [String]
        let categoryOptions: String
        let author: String
        let withinOptions: [Choice]
        /// Nil for those who may not see clients: for them there is only one kind of result.
        let typeOptions: [Choice]?
        let hasTypeFilter: Bool
        /// A filter is chosen: the filters stay open on a phone too, showing why results are few.
        let filtered: Bool
        let newerURL: String?
        let olderURL: String?
    }

    struct DidYouMean {
        let text: String
        let url: String
    }

    struct Suggestion: Encodable {
        let title: String
        let url: String
        let trail: String
        /// The wiki link that names it, for the editor's `[[` autocomplete.
        let link: String
    }

    static let withinDays = [7, 30, 365]
    /// Longer input is cut: nobody types more, and the parser need not read a pasted book.
    static let maxQueryLength = 1000

    @Sendable func search(request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let t = context.translations
        let tree = try await services.categories.tree(for: principal)
        if tree.isEmpty, context.isGuest { throw NotFound() }
        let parameters = request.uri.queryParameters
        // As the form sends it: `+` is a space, and a typed `+` (required) comes as %2B.
        let text = String(FormData.query(of: request)["q"].prefix(Self.maxQueryLength))
        let query = SearchQuery(text)
        let filter = SearchFilter(
            categoryId: Int64(request: parameters.get("category"), in: .filterIds),
            author: parameters.get("author").flatMap { $0.isEmpty ? nil : String($0.prefix(100)) },
            changedWithinDays: Int(request: parameters.get("within"), in: .typed).flatMap { Self.withinDays.contains($0) ? $0 : nil },
            kind: parameters.get("type").flatMap(SearchHit.Kind.init(rawValue:)))
        let page = min(500, try PageNumber.parse(parameters.get("page")))
        let found = try await services.search.search(query, filter: filter, page: page, perPage: Self.perPage, for: principal)
        let (hits, total) = (found.hits, found.total)
        let categories = tree.byId
        let pageURL = { (number: Int) in Self.url(text, filter, page: number) }
        let view = SearchView(
            query: text, searched: !text.isEmpty,
            summary: !query.isSearchable ? "" : total > SearchService.countLimit
                ? t.format("search_results_more", ["n": String(SearchService.countLimit)]) : t.plural("search_results", total),
            results: hits.map { hit in
                ResultView(title: hit.title, url: hit.path, snippet: hit.snippetHTML,
                           trail: hit.kind == .client ? t["client_result"] : Self.trail(hit.categoryId, categories),
                           changedLine: t.format("changed_by", ["date": DisplayDate.format(hit.updatedAt, t.language), "name": hit.updatedBy]),
                           missing: hit.missing.isEmpty ? nil : t.format("search_missing", ["words": hit.missing.joined(separator: ", ")]))
            },
            shortened: query.wasTruncated
                ? t.format("search_shortened", ["terms": String(SearchQuery.maxTerms), "prefixes": String(SearchQuery.maxPrefixes)]) : nil,
            alsoSearched: found.alsoSearched.isEmpty ? nil : t.format("search_also", ["words": found.alsoSearched.joined(separator: ", ")]),
            didYouMean: found.correctedText(text).map { DidYouMean(text: $0, url: Self.url($0, filter, page: 1)) },
            canEditSynonyms: principal.isAdministrator,
            hints: text.isEmpty || total > 0 ? [] : Self.hints(query, filter, t),
            categoryOptions: CategoryOption.options(tree, selected: filter.categoryId),
            author: filter.author ?? "",
            withinOptions: Choice.options(Self.withinDays.map { (String($0), t.plural("search_within_days", $0)) },
                                          selected: filter.changedWithinDays.map(String.init) ?? "", none: t["search_any_time"]),
            typeOptions: principal.has(.clientsRead)
                ? [Choice(value: "", label: t["search_type_all"], selected: filter.kind == nil)]
                    + SearchHit.Kind.allCases.map { Choice(value: $0.rawValue, label: t["search_type_\($0.rawValue)"], selected: filter.kind == $0) }
                : nil,
            hasTypeFilter: principal.has(.clientsRead),
            filtered: filter.categoryId != nil || filter.author != nil || filter.changedWithinDays != nil || filter.kind != nil,
            newerURL: page > 1 ? pageURL(page - 1) : nil,
            olderURL: Paging.hasPage(after: page, perPage: Self.perPage, total: total) ? pageURL(page + 1) : nil)
        let title = text.isEmpty ? t["search"] : t.format("search_for", ["query": text])
        let rendered = try await services.pages.page(view, title: title, request: request, context: context,
                                                     breadcrumbs: PageBuilder.crumbs(home: t, lineage: [], last: t["search"]), tree: tree)
        return try services.views.render("search", rendered)
    }

    @Sendable func suggest(request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let text = String(FormData.query(of: request)["q"].prefix(200))
        var suggestions: [Suggestion] = []
        // `type=article` or `type=client`: only those (the editor's `[[` and `[[client:`).
        let kind = request.uri.queryParameters.get("type").flatMap(SearchHit.Kind.init(rawValue:))
        if text.count >= 2, let expression = SearchQuery.prefixExpression(text) {
            let tree = try await services.categories.tree(for: principal)
            let categories = tree.byId
            suggestions = try await services.search.suggest(expression, kind: kind, for: principal).map { hit in
                Suggestion(title: hit.title, url: hit.path,
                           trail: hit.kind == .client ? context.translations["client_result"] : Self.trail(hit.categoryId, categories),
                           link: Self.wikiLink(hit))
            }
        }
        return try .json(suggestions)
    }

    /// `[[Title]]` for a page whose title says it plainly, `[[slug|Title]]` otherwise (a title
    /// with brackets or a bar); `[[client:slug|Name]]` for a client card.
    static func wikiLink(_ hit: SearchHit) -> String {
        let label = String(hit.title.map { "[]|".contains($0) ? " " : $0 }).trimmingCharacters(in: .whitespaces)
        switch hit.kind {
        case .client: return "[[client:\(hit.slug)|\(label)]]"
        case .article: return label == hit.title && label.count <= 150 ? "[[\(label)]]" : "[[\(hit.slug)|\(label)]]"
        }
    }

    /// "HR › Onboarding": where a result lives, from the categories the reader may see.
    private static func trail(_ categoryId: Int64?, _ categories: [Int64: CategoryNode]) -> String {
        var titles: [String] = []
        var current = categoryId.flatMap { categories[$0]?.category }
        while let category = current, titles.count < 20 {
            titles.insert(category.title, at: 0)
            current = category.parentId.flatMap { categories[$0]?.category }
        }
        return titles.joined(separator: " › ")
    }

    /// What to try when nothing matched.
    private static func hints(_ query: SearchQuery, _ filter: SearchFilter, _ t: Translations) -> [String] {
        var hints: [String] = []
        if !query.isSearchable { hints.append(t["search_hint_words"]) }
        if filter != SearchFilter() { hints.append(t["search_hint_filters"]) }
        if !query.terms.isEmpty { hints.append(t["search_hint_prefix"]) }
        hints.append(t["search_hint_spelling"])
        return hints
    }

    private static func url(_ text: String, _ filter: SearchFilter, page: Int) -> String {
        var components = URLComponents()
        components.path = "/search"
        var items = [URLQueryItem(name: "q", value: text)]
        if let category = filter.categoryId { items.append(.init(name: "category", value: String(category))) }
        if let author = filter.author { items.append(.init(name: "author", value: author)) }
        if let days = filter.changedWithinDays { items.append(.init(name: "within", value: String(days))) }
        if let kind = filter.kind { items.append(.init(name: "type", value: kind.rawValue)) }
        items.append(.init(name: "page", value: String(page)))
        components.queryItems = items
        return components.string ?? "/search"
    }
}
