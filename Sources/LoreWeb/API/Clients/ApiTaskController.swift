import Hummingbird
import LoreCore

/// The Tasks page over the API: open next steps, and the quick changes to one.
struct ApiTaskController {
    let services: AppServices

    func addRoutes(to router: some RouterMethods<AppRequestContext>) {
        router.get("/api/v1/tasks", use: list)
        router.post("/api/v1/tasks/:id/done", use: done)
        router.post("/api/v1/tasks/:id/reschedule", use: reschedule)
        router.post("/api/v1/tasks/:id/reassign", use: reassign)
    }

    @Sendable func list(request: Request, context: AppRequestContext) async throws -> Response {
        let value = request.uri.queryParameters.get("view") ?? TaskQueries.View.mine.rawValue
        guard let view = TaskQueries.View(rawValue: value) else {
            throw ApiProblem.invalidParameter("view", "view must be one of \(TaskQueries.View.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        let tasks = try await TaskQueries(database: services.database).tasks(view, for: context.requirePrincipal())
        return try ApiJSON.response(ApiItems(items: tasks.map(ApiTask.init)), request: request)
    }

    @Sendable func done(request: Request, context: AppRequestContext) async throws -> Response {
        try await services.clients.complete(step: context.parameters.number("id"), by: context.requirePrincipal())
        return ApiJSON.noContent()
    }

    @Sendable func reschedule(request: Request, context: AppRequestContext) async throws -> Response {
        let input = try await ApiBody.decode(ApiTask.Reschedule.self, from: request, schemas: services.apiSchemas)
        guard let day = DateInput.parseDay(input.due) else { throw ValidationError(field: "due", .invalidDate) }
        try await services.clients.reschedule(step: context.parameters.number("id"), to: day, by: context.requirePrincipal())
        return ApiJSON.noContent()
    }

    @Sendable func reassign(request: Request, context: AppRequestContext) async throws -> Response {
        let input = try await ApiBody.decode(ApiTask.Reassign.self, from: request, schemas: services.apiSchemas)
        try await services.clients.reassign(step: context.parameters.number("id"), to: input.assigneeId, by: context.requirePrincipal())
        return ApiJSON.noContent()
    }
}
