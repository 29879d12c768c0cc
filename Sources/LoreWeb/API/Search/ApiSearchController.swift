import Hummingbird
import LoreCore

/// Search, with the web's query language (words, "phrases", prefix*, -exclusions, +required) and ranking.
struct ApiSearchController {
    let services: AppServices

    func addRoutes(to router: some RouterMethods<AppRequestContext>) {
        router.get("/api/v1/search", use: search)
    }

    @Sendable func search(request: Request, context: AppRequestContext) async throws -> Response {
        let parameters = request.uri.queryParameters
        // The cursor holds the next page's number; pages keep the first page's limit.
        let cursor = try ApiCursor(parameters, kind: "search")
        // Read as a form sends it (`+` is a space, a literal `+` is %2B), as on the search page.
        let text = String(FormData.query(of: request)["q"].prefix(SearchController.maxQueryLength))
        let query = SearchQuery(text)
        guard query.isSearchable else {
            throw ApiProblem.invalidParameter("q", "q must hold at least one word to search for.")
        }
        let kind = try parameters.get("kind").map { value in
            guard let kind = SearchHit.Kind(rawValue: value) else { throw ApiProblem.invalidParameter("kind", "kind must be article or client.") }
            return kind
        }
        let category = try parameters.get("category").map { value in
            guard let id = Int64(request: value, in: .filterIds) else { throw ApiProblem.invalidParameter("category", "category must be a category id.") }
            return id
        }
        let page = Int(cursor.position ?? 1)
        // A made-up page number beyond any list is simply past the end.
        guard (1...Paging.maxPage).contains(page) else {
            return try ApiJSON.response(ApiSearchResults(total: 0, totalIsLowerBound: false, items: [], alsoSearched: [], didYouMean: nil,
                                                         nextCursor: nil), request: request)
        }
        let found = try await services.search.search(
            query, filter: SearchFilter(categoryId: category, kind: kind), page: page, perPage: cursor.limit, for: context.requirePrincipal())
        let shown = min(found.total, SearchService.countLimit)
        let next = Paging.hasPage(after: page, perPage: cursor.limit, total: shown) ? cursor.encode(Int64(page + 1)) : nil
        return try ApiJSON.response(ApiSearchResults(total: shown, totalIsLowerBound: found.total > SearchService.countLimit,
                                                     items: found.hits.map(ApiSearchResults.Hit.init), alsoSearched: found.alsoSearched,
                                                     didYouMean: found.correctedText(text), nextCursor: next), request: request)
    }
}
