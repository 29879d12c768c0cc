import Hummingbird
import LoreCore

/// The search synonym dictionary, for administrators: one group per line, `отпуск = vacation = leave`.
struct SynonymController {
    let services: AppServices

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/admin/synonyms", use: form)
        router.post("/admin/synonyms", use: save)
    }

    struct PageView {
        let text: String
        let errors: [FormErrors.Item]
        let groups: String
    }

    @Sendable func form(request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let text = try await services.synonyms.text(by: principal)
        return try await page(text, problems: [], request: request, context: context, status: .ok)
    }

    @Sendable func save(request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        guard principal.isAdministrator else { throw NotFound() }
        let text = try await FormData.read(from: request)["synonyms"]
        let problems = try await services.synonyms.save(text, by: principal)
        guard problems.isEmpty else {
            return try await page(text, problems: problems, request: request, context: context, status: .unprocessableContent)
        }
        return .redirect(to: "/admin/synonyms?notice=synonyms_saved", type: .normal)
    }

    private func page(_ text: String, problems: [SynonymDictionary.Problem], request: Request, context: AppRequestContext,
                      status: HTTPResponse.Status) async throws -> Response {
        let t = context.translations
        let view = PageView(
            text: text,
            errors: problems.prefix(20).map { FormErrors.Item(field: "synonyms", message: t.format($0.kind.rawValue, ["line": String($0.line)])) },
            groups: t.plural("synonyms_groups", SynonymDictionary(text).groups.count))
        return try await services.renderPage("admin-synonyms", view, title: t["synonyms"], request: request, context: context, status: status)
    }
}
