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

    static let fieldOrder = [
        "name", "kind", "status", "segment", "source", "frequency", "manager", "phones", "emails", "website", "address",
        "officeHours", "legalName", "inn", "kpp", "ogrn", "legalAddress", "bankDetails", "preferences", "tags", "notes",
    ]

    @Sendable func newForm(request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        try AccessPolicy(principal).requireClients(.clientsEdit)
        var draft = ClientDraft()
        draft.manager = principal.userId.map(String.init) ?? ""
        draft.name = request.uri.queryParameters.get("name") ?? ""
        return try await form(draft, editing: nil, errors: .none, request: request, context: context)
    }

    @Sendable func create(request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let form = try await FormData.read(from: request)
        let draft = Self.draft(form)
        let duplicates = form["duplicateOK"] == "on" ? [] : try await services.clientQueries.duplicates(of: draft, excluding: nil, for: principal)
        if !duplicates.isEmpty {
            return try await self.form(draft, editing: nil, errors: .none, duplicates: duplicates, status: .unprocessableContent,
                                       request: request, context: context)
        }
        do {
            let client = try await services.clients.create(draft, by: principal)
            return .redirect(to: Paths.client(client.slug) + "?notice=saved")
        } catch let error as ValidationError {
            return try await self.form(draft, editing: nil, errors: FormErrors(error, t: context.translations, order: Self.fieldOrder),
                                       status: .unprocessableContent, request: request, context: context)
        }
    }

    @Sendable func editForm(request: Request, context: AppRequestContext) async throws -> Response {
        let card = try await services.editableClientCard(context)
        return try await form(ClientDraft(card.client), editing: card.client, errors: .none, request: request, context: context)
    }

    @Sendable func update(request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let slug = try context.parameters.require("slug")
        let form = try await FormData.read(from: request)
        let draft = Self.draft(form)
        let card = try await services.clientQueries.card(slug: slug, for: principal)
        let duplicates = form["duplicateOK"] == "on" ? []
            : try await services.clientQueries.duplicates(of: draft, excluding: card.client.id, for: principal)
        if !duplicates.isEmpty {
            var stale = card.client
            stale.version = form.integer("version").map(Int.init) ?? card.client.version
            return try await self.form(draft, editing: stale, errors: .none, duplicates: duplicates, status: .unprocessableContent,
                                       request: request, context: context)
        }
        do {
            let client = try await services.clients.update(slug: slug, draft, version: Int(form["version"]) ?? 0, by: principal)
            return .redirect(to: Paths.client(client.slug) + "?notice=saved")
        } catch let error as ValidationError {
            var stale = card.client
            stale.version = Int(form["version"]) ?? card.client.version
            return try await self.form(draft, editing: stale, errors: FormErrors(error, t: context.translations, order: Self.fieldOrder),
                                       status: .unprocessableContent, request: request, context: context)
        } catch let conflict as ClientConflict {
            return try await self.form(draft, editing: conflict.current, errors: .none, conflict: true, status: .conflict,
                                       request: request, context: context)
        }
    }

    static func draft(_ form: FormData) -> ClientDraft {
        var draft = ClientDraft()
        draft.name = form["name"]
        draft.kind = form["kind"]
        draft.status = form["status"]
        draft.segment = form["segment"]
        draft.source = form["source"]
        draft.frequency = form["frequency"]
        draft.manager = form["manager"]
        draft.legalName = form["legalName"]
        draft.inn = form["inn"]
        draft.kpp = form["kpp"]
        draft.ogrn = form["ogrn"]
        draft.legalAddress = form["legalAddress"]
        draft.bankDetails = form["bankDetails"]
        draft.address = form["address"]
        draft.phones = form["phones"]
        draft.emails = form["emails"]
        draft.website = form["website"]
        draft.officeHours = form["officeHours"]
        draft.preferences = form["preferences"]
        draft.tags = form["tags"]
        draft.notes = form["notes"]
        return draft
    }

    private func form(_ draft: ClientDraft, editing client: Client?, errors: FormErrors, conflict: Bool = false, duplicates: [Client] = [],
                      status: HTTPResponse.Status = .ok, request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let t = context.translations
        let managers = try await services.clientQueries.managers(for: principal)
        let segments = try await services.clientQueries.segments(for: principal)
        let e = errors.fieldErrors
        func text(_ name: String, _ value: String, type: String = "text", required: Bool = false, hint: String? = nil) -> FormField {
            .text(name, t["client_field_\(name)"], value, errors: e, hint: hint, type: type, required: required)
        }
        func area(_ name: String, _ value: String, rows: Int = 3, hint: String? = nil) -> FormField {
            .area(name, t["client_field_\(name)"], value, errors: e, hint: hint, rows: rows)
        }
        let sections = [
            Section(title: t["client_section_main"], fields: [
                text("name", draft.name, required: true),
                .select("kind", t["client_field_kind"], Choice.options(ClientKind.self, prefix: "client_kind", selected: draft.kind, t: t), errors: e),
                .select("status", t["client_field_status"],
                        Choice.options(ClientStatus.self, prefix: "client_status", selected: draft.status, t: t), errors: e),
                .text("segment", t["client_field_segment"], draft.segment, errors: e, suggestions: segments),
                text("source", draft.source),
                .select("frequency", t["client_field_frequency"],
                        Choice.options(PurchaseFrequency.self, prefix: "frequency", selected: draft.frequency, none: t["unknown"], t: t), errors: e),
                .select("manager", t["client_field_manager"],
                        Choice.options(managers.map { (String($0.id), ClientController.managerName($0, t)) }, selected: draft.manager, none: t["nobody"]), errors: e),
                text("tags", draft.tags, hint: t["client_tags_hint"]),
            ]),
            Section(title: t["client_section_contacts"], fields: [
                text("phones", draft.phones, type: "text", hint: t["several_values_hint"]),
                text("emails", draft.emails, hint: t["several_values_hint"]),
                text("website", draft.website),
                area("address", draft.address, rows: 2),
                text("officeHours", draft.officeHours),
            ]),
            Section(title: t["client_section_legal"], fields: [
                text("legalName", draft.legalName), text("inn", draft.inn, hint: t["client_inn_hint"]), text("kpp", draft.kpp),
                text("ogrn", draft.ogrn), area("legalAddress", draft.legalAddress, rows: 2), area("bankDetails", draft.bankDetails, rows: 3),
            ]),
            Section(title: t["client_section_notes"], fields: [
                area("preferences", draft.preferences, rows: 3, hint: t["client_preferences_hint"]),
                area("notes", draft.notes, rows: 10, hint: t["client_notes_hint"]),
            ]),
        ]
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
