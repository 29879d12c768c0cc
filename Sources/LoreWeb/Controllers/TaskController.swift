import Foundation
import Hummingbird
import LoreCore

/// The Tasks page: next steps on the cards one may see, with quick "done", "tomorrow" and
/// "give to a colleague"; everyone's, by person, for those who supervise the team.
struct TaskController {
    let services: AppServices

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/tasks", use: list)
        router.post("/tasks/:id/done", use: done)
        router.post("/tasks/:id/tomorrow", use: tomorrow)
        router.post("/tasks/:id/reassign", use: reassign)
    }

    struct Tab {
        let label: String
        let url: String
        let current: Bool
    }

    struct Row {
        let id: Int64
        let client: String
        let clientURL: String
        let step: String
        let due: String
        let kind: String?
        let assignee: String
        let isOverdue: Bool
        let people: [Choice]
    }

    struct Group {
        let name: String
        let overdue: String?
        let rows: [Row]
    }

    struct ListView {
        let tabs: [Tab]
        let groups: [Group]
        let canEdit: Bool
        let back: String
    }

    @Sendable func list(request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        try AccessPolicy(principal).requireClients()
        let t = context.translations
        let supervises = principal.has(.clientsSupervise)
        let view = TaskQueries.View(rawValue: request.uri.queryParameters.get("view") ?? "") ?? .mine
        let tasks = try await services.tasks.tasks(view, for: principal)
        let people = try await ClientTimelineController.people(services, context)
        let rows = tasks.map { task in
            Row(id: task.interactionId, client: task.clientName, clientURL: Paths.client(task.clientSlug) + "#interaction-\(task.interactionId)",
                step: task.step, due: DisplayDate.day(task.due, context.language) + (task.time.map { " " + $0 } ?? ""),
                kind: task.kind.map { t["task_kind_\($0.rawValue)"] }, assignee: task.assigneeName, isOverdue: task.isOverdue,
                people: Choice.options(people, selected: task.assigneeId.map(String.init) ?? "", none: "—"))
        }
        // Everyone's, by person: who has how many overdue.
        let groups: [Group]
        if view == .team, supervises {
            groups = Dictionary(grouping: rows, by: \.assignee).sorted { $0.key < $1.key }.map { name, rows in
                let overdue = rows.filter(\.isOverdue).count
                return Group(name: name, overdue: overdue > 0 ? t.plural("tasks_overdue", overdue) : nil, rows: rows)
            }
        } else {
            groups = [Group(name: "", overdue: nil, rows: rows)]
        }
        let tabs = TaskQueries.View.allCases.filter { $0 != .team || supervises }.map { tab in
            Tab(label: t["tasks_\(tab.rawValue)"], url: "/tasks?view=\(tab.rawValue)", current: tab == view)
        }
        return try await services.renderPage("tasks", ListView(tabs: tabs, groups: groups, canEdit: principal.has(.clientsEdit),
                                                               back: "/tasks?view=\(view.rawValue)"),
                                             title: t["tasks"], request: request, context: context)
    }

    @Sendable func done(request: Request, context: AppRequestContext) async throws -> Response {
        try await services.clients.complete(step: context.parameters.number("id"), by: context.requirePrincipal())
        return try await back(request, notice: "step_done")
    }

    @Sendable func tomorrow(request: Request, context: AppRequestContext) async throws -> Response {
        try await services.clients.reschedule(step: context.parameters.number("id"), to: DayDate(Date()).adding(days: 1),
                                              by: context.requirePrincipal())
        return try await back(request, notice: "task_moved")
    }

    @Sendable func reassign(request: Request, context: AppRequestContext) async throws -> Response {
        let form = try await FormData.read(from: request)
        guard let assignee = form.integer("assignee") else { throw HTTPError(.unprocessableContent, message: context.translations["task_choose_person"]) }
        do {
            try await services.clients.reassign(step: context.parameters.number("id"), to: assignee, by: context.requirePrincipal())
        } catch is ValidationError {
            throw HTTPError(.unprocessableContent, message: context.translations["task_person_cannot_see"])
        }
        return Self.back(to: form["back"], notice: "task_reassigned")
    }

    private func back(_ request: Request, notice: String) async throws -> Response {
        Self.back(to: try await FormData.read(from: request)["back"], notice: notice)
    }

    /// To the tab the action was taken on.
    private static func back(to address: String, notice: String) -> Response {
        let back = LocalPath.sanitized(address.isEmpty ? "/tasks?view=mine" : address)
        return .redirect(to: back + (back.contains("?") ? "&" : "?") + "notice=" + notice)
    }
}
