import Foundation
import Hummingbird
import LoreCore

/// "Hand over clients": a manager's cards go to a colleague in one step (clients.supervise).
struct ClientHandOverController {
    let services: AppServices

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/clients/hand-over", use: form)
        router.post("/clients/hand-over", use: handOver)
    }

    struct HandOverView {
        let from: [Choice]
        let to: [Choice]
        let statuses: [Choice]
        let fieldErrors: [String: String]
        let errors: [FormErrors.Item]
    }

    @Sendable func form(request: Request, context: AppRequestContext) async throws -> Response {
        let query = FormData.query(of: request)
        return try await page(from: query["from"], to: "", status: "", errors: .none, request: request, context: context)
    }

    @Sendable func handOver(request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let form = try await FormData.read(from: request)
        do {
            guard let from = form.integer("from") else { throw ValidationError(field: "from", .required) }
            guard let to = form.integer("to") else { throw ValidationError(field: "to", .required) }
            _ = try await services.clients.handOver(from: from, to: to, status: ClientStatus(rawValue: form["status"]), by: principal)
            return .redirect(to: "/clients?manager=\(to)&notice=handed_over")
        } catch let error as ValidationError {
            return try await page(from: form["from"], to: form["to"], status: form["status"],
                                  errors: FormErrors(error, t: context.translations, order: ["from", "to"]), httpStatus: .unprocessableContent,
                                  request: request, context: context)
        }
    }

    private func page(from: String, to: String, status: String, errors: FormErrors, httpStatus: HTTPResponse.Status = .ok,
                      request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        try AccessPolicy(principal).requireClients(.clientsSupervise)
        let t = context.translations
        let managers = try await services.clientQueries.managers(for: principal)
        let view = HandOverView(
            from: Choice.options(managers.map { (String($0.id), ClientController.managerName($0, t)) }, selected: from, none: "—"),
            to: Choice.options(managers.filter { !$0.hasLeft }.map { (String($0.id), $0.name) }, selected: to, none: "—"),
            statuses: Choice.options(ClientStatus.self, prefix: "client_status", selected: status, none: t["hand_over_all"], t: t),
            fieldErrors: errors.fieldErrors, errors: errors.errors)
        return try await services.renderPage("clients-hand-over", view, title: t["hand_over"], request: request, context: context,
                                             status: httpStatus)
    }
}
