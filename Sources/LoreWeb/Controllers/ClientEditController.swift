import Hummingbird
import LoreCore

/// Creating and editing client cards. A form with problems comes back with everything typed
/// kept; a card someone else saved meanwhile is never overwritten: the form says so and keeps
/// what this person typed, against the new version.
struct ClientEditController {
    let services: AppServices

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/clients/new", use: newForm)
        router.post("/clients/new", use: create)
        router.get("/clients/:slug/edit", use: editForm)
        router.post("/clients/:slug/edit", use: update)
    }

    struct Section {
        let title: String
        let fields: [FormField]
    }

    struct FormView {
        let heading: String
        let action: String
        let cancelURL: String
        let version: Int
        let sections: [Section]
        let conflict: String?
        let errors: [FormErrors.Item]
        /// Cards that look like the same client: saved only once the person says it is another.
        var duplicates: [LinkView] = []
    }

    @Sendable func newForm(request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        try AccessPolicy(principal).requireClients(.clientsEdit)
        var draft = ClientDraft()
        draft.manager = principal.userId.map(String.init) ?? ""
        draft.name = request.uri.queryParameters.get("name") ?? ""
        return try await form(draft, editing: nil, errors: nil, request: request, context: context)
    }

    @Sendable func create(request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let form = try await FormData.read(from: request)
        let (draft, _) = try await draft(form)
        let duplicates = form["duplicateOK"] == "on" ? [] : try await services.clientQueries.duplicates(of: draft, excluding: nil, for: principal)
        if !duplicates.isEmpty {
            return try await self.form(draft, editing: nil, errors: nil, duplicates: duplicates, status: .unprocessableContent,
                                       request: request, context: context)
        }
        do {
            let client = try await services.clients.create(draft, by: principal)
            return .redirect(to: Paths.client(client.slug) + "?notice=saved")
        } catch let error as ValidationError {
            return try await self.form(draft, editing: nil, errors: error,
                                       status: .unprocessableContent, request: request, context: context)
        }
    }

    @Sendable func editForm(request: Request, context: AppRequestContext) async throws -> Response {
        let card = try await services.editableClientCard(context)
        return try await form(ClientDraft(card.client), editing: card.client, errors: nil, request: request, context: context)
    }

    @Sendable func update(request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let slug = try context.parameters.require("slug")
        let form = try await FormData.read(from: request)
        let (draft, _) = try await draft(form)
        let card = try await services.clientQueries.card(slug: slug, for: principal)
        let duplicates = form["duplicateOK"] == "on" ? []
            : try await services.clientQueries.duplicates(of: draft, excluding: card.client.id, for: principal)
        if !duplicates.isEmpty {
            var stale = card.client
            stale.version = form.integer("version").map(Int.init) ?? card.client.version
            return try await self.form(draft, editing: stale, errors: nil, duplicates: duplicates, status: .unprocessableContent,
                                       request: request, context: context)
        }
        let version = Int(request: form["version"], in: .typed)
        do {
            let client = try await services.clients.update(slug: slug, draft, version: version ?? 0, by: principal)
            return .redirect(to: Paths.client(client.slug) + "?notice=saved")
        } catch let error as ValidationError {
            var stale = card.client
            stale.version = version ?? card.client.version
            return try await self.form(draft, editing: stale, errors: error,
                                       status: .unprocessableContent, request: request, context: context)
        } catch let conflict as ClientConflict {
            return try await self.form(draft, editing: conflict.current, errors: nil, conflict: true, status: .conflict,
                                       request: request, context: context)
        }
    }

    /// Every field the schema has, as the form sent it.
    private func draft(_ form: FormData) async throws -> (ClientDraft, ClientSchema) {
        let schema = try await services.clientQueries.schema()
        var draft = ClientDraft()
        for field in schema.client { draft[field.key] = form[field.key] }
        return (draft, schema)
    }

    private func form(_ draft: ClientDraft, editing client: Client?, errors: ValidationError?, conflict: Bool = false, duplicates: [Client] = [],
                      status: HTTPResponse.Status = .ok, request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let t = context.translations
        let schema = try await services.clientQueries.schema()
        let errors = errors.map { FormErrors($0, t: t, order: schema.client.map(\.key)) } ?? .none
        let managers = try await services.clientQueries.managers(for: principal)
        let segments = try await services.clientQueries.segments(for: principal)
        let managerChoices = Choice.options(managers.map { (String($0.id), ClientController.managerName($0, t)) }, selected: draft.manager,
                                            none: t["nobody"])
        let sections = FieldSection.allCases.map { section in
            Section(title: t["client_section_\(section.rawValue)"], fields: schema.client.filter { $0.section == section }.map { field in
                SchemaFormField.make(field, draft, errors: errors.fieldErrors, t: t, options: ["manager": managerChoices],
                                     suggestions: ["segment": segments])
            })
        }.filter { !$0.fields.isEmpty }
        let view = FormView(
            heading: client.map { t.format("edit_client_named", ["name": $0.name]) } ?? t["new_client"],
            action: client.map { Paths.client($0.slug) + "/edit" } ?? "/clients/new",
            cancelURL: client.map { Paths.client($0.slug) } ?? "/clients",
            version: client?.version ?? 0, sections: sections,
            conflict: conflict ? t["client_conflict"] : nil, errors: errors.errors,
            duplicates: duplicates.map { LinkView(title: $0.name, url: Paths.client($0.slug)) })
        return try await services.renderPage("client-form", view, title: view.heading, request: request, context: context, status: status)
    }
}
