import Foundation
import Hummingbird
import LoreCore

/// A page's task lists ticked by each reader for themselves (the page's script asks for and
/// sends the reader's ticks, so that the page itself stays the same for everyone who may read
/// it), and everyone's progress for the page's managers.
struct ChecklistController {
    let services: AppServices

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/a/:slug/checklist.json", use: state)
        router.post("/a/:slug/checklist", use: tick)
        router.get("/a/:slug/checklist", use: progress)
    }

    struct StateJSON: Encodable {
        struct Item: Encodable {
            let key: String
            let checked: Bool
        }

        let items: [Item]
        let done: Int
        let total: Int
        let canTick: Bool

        init(_ state: ChecklistService.State) {
            items = state.items.map { Item(key: $0.key, checked: $0.checked) }
            done = state.done
            total = state.total
            canTick = state.canTick
        }
    }

    @Sendable func state(request: Request, context: AppRequestContext) async throws -> Response {
        let state = try await services.checklists.state(slug: try context.parameters.require("slug"), for: context.requirePrincipal())
        return try Self.noStore(ApiJSON.response(StateJSON(state), request: request))
    }

    @Sendable func tick(request: Request, context: AppRequestContext) async throws -> Response {
        let form = try await FormData.read(from: request)
        let state = try await services.checklists.tick(slug: try context.parameters.require("slug"), item: form["item"],
                                                       checked: form["checked"] == "1", by: context.requirePrincipal())
        return try Self.noStore(ApiJSON.response(StateJSON(state), request: request))
    }

    struct PersonRow {
        let name: String
        let progress: String
        let complete: Bool
        let lastTick: String
    }

    struct ProgressView {
        let title: String
        let back: String
        let people: [PersonRow]
    }

    @Sendable func progress(request: Request, context: AppRequestContext) async throws -> Response {
        let slug = try context.parameters.require("slug")
        let principal = try context.requirePrincipal()
        let people = try await services.checklists.progress(slug: slug, by: principal)
        guard case .found(let article) = try await services.queries.article(slug: slug, for: principal) else { throw NotFound() }
        let t = context.translations
        let view = ProgressView(title: article.title, back: Paths.article(slug), people: people.map { person in
            PersonRow(name: person.name, progress: t.format("checklist_progress", ["done": String(person.done), "total": String(person.total)]),
                      complete: person.done == person.total, lastTick: DisplayDate.format(person.lastTickAt, t.language))
        })
        return try await services.renderPage("checklist-progress", view, title: t.format("checklist_everyone_title", ["title": article.title]),
                                             request: request, context: context)
    }

    /// Each reader's own: never kept by a shared cache.
    private static func noStore(_ response: Response) -> Response {
        var response = response
        response.headers[.cacheControl] = "no-store"
        return response
    }
}
