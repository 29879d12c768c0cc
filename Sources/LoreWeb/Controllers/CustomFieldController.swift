import Hummingbird
import LoreCore

/// Administration › Client fields: the fields administrators add to client cards and to the
/// people on them, which then appear in forms, on the card, in filters, spreadsheets and the API.
struct CustomFieldController {
    let services: AppServices

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/admin/client-fields", use: list)
        router.post("/admin/client-fields", use: create)
        router.get("/admin/client-fields/:id", use: editForm)
        router.post("/admin/client-fields/:id", use: update)
        router.post("/admin/client-fields/:id/delete", use: delete)
    }

    struct Row {
        let key: String
        let target: String
        let label: String
        let kind: String
        let choices: String
        let editURL: String
    }

    struct ListView {
        let rows: [Row]
        let fields: [FormField]
        let errors: [FormErrors.Item]
    }

    struct EditView {
        let heading: String
        let action: String
        let deleteURL: String
        let fields: [FormField]
        let errors: [FormErrors.Item]
    }

    private static let order = ["target", "labelRu", "labelEn", "key", "kind", "choices"]

    @Sendable func list(request: Request, context: AppRequestContext) async throws -> Response {
        try await listPage(CustomFieldDraft(), errors: nil, request: request, context: context)
    }

    @Sendable func create(request: Request, context: AppRequestContext) async throws -> Response {
        let draft = Self.draft(try await FormData.read(from: request))
        do {
            try await services.customFields.create(draft, by: context.requirePrincipal())
            return .redirect(to: "/admin/client-fields?notice=saved")
        } catch let error as ValidationError {
            return try await listPage(draft, errors: error, status: .unprocessableContent, request: request, context: context)
        }
    }

    @Sendable func editForm(request: Request, context: AppRequestContext) async throws -> Response {
        let field = try await services.customFields.field(id: context.parameters.number("id"), by: context.requirePrincipal())
        return try await editPage(field, CustomFieldDraft(field), errors: nil, request: request, context: context)
    }

    @Sendable func update(request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let field = try await services.customFields.field(id: context.parameters.number("id"), by: principal)
        let draft = Self.draft(try await FormData.read(from: request))
        do {
            try await services.customFields.update(id: field.id ?? 0, draft, by: principal)
            return .redirect(to: "/admin/client-fields?notice=saved")
        } catch let error as ValidationError {
            return try await editPage(field, draft, errors: error, status: .unprocessableContent, request: request, context: context)
        }
    }

    @Sendable func delete(request: Request, context: AppRequestContext) async throws -> Response {
        try await services.customFields.delete(id: context.parameters.number("id"), by: context.requirePrincipal())
        return .redirect(to: "/admin/client-fields?notice=client_field_deleted")
    }

    private static func draft(_ form: FormData) -> CustomFieldDraft {
        var draft = CustomFieldDraft()
        draft.target = form["target"]
        draft.key = form["key"]
        draft.labelRu = form["labelRu"]
        draft.labelEn = form["labelEn"]
        draft.kind = form["kind"]
        draft.choices = form["choices"]
        return draft
    }

    /// The inputs; a field that exists keeps its target, key and kind.
    private static func inputs(_ draft: CustomFieldDraft, isNew: Bool, errors e: [String: String], t: Translations) -> [FormField] {
        let fixed: [FormField] = isNew ? [
            .select("target", t["custom_field_target"], Choice.options(CustomField.Target.self, prefix: "custom_field_target", selected: draft.target, t: t),
                    errors: e),
            .select("kind", t["custom_field_kind"], Choice.options(CustomField.Kind.self, prefix: "custom_field_kind", selected: draft.kind, t: t),
                    errors: e),
        ] : []
        return fixed + [
            .text("labelRu", t["custom_field_label_ru"], draft.labelRu, errors: e, required: true),
            .text("labelEn", t["custom_field_label_en"], draft.labelEn, errors: e, hint: t["custom_field_label_en_hint"]),
        ] + (isNew ? [.text("key", t["custom_field_key"], draft.key, errors: e, hint: t["custom_field_key_hint"])] : [])
            + [.area("choices", t["custom_field_choices"], draft.choices, errors: e, hint: t["custom_field_choices_hint"], rows: 4)]
    }

    private func listPage(_ draft: CustomFieldDraft, errors: ValidationError?, status: HTTPResponse.Status = .ok,
                          request: Request, context: AppRequestContext) async throws -> Response {
        let t = context.translations
        let fields = try await services.customFields.list(by: context.requirePrincipal())
        let errors = errors.map { FormErrors($0, t: t, order: Self.order) } ?? .none
        let view = ListView(rows: fields.map { field in
            Row(key: field.key, target: t["custom_field_target_\(field.target.rawValue)"], label: t.label(FieldLabel(ru: field.labelRu, en: field.labelEn)),
                kind: t["custom_field_kind_\(field.kind.rawValue)"], choices: field.choices.joined(separator: ", "),
                editURL: "/admin/client-fields/\(field.id ?? 0)")
        }, fields: Self.inputs(draft, isNew: true, errors: errors.fieldErrors, t: t), errors: errors.errors)
        return try await services.renderPage("admin-client-fields", view, title: t["client_fields"], request: request, context: context,
                                             status: status)
    }

    private func editPage(_ field: CustomField, _ draft: CustomFieldDraft, errors: ValidationError?, status: HTTPResponse.Status = .ok,
                          request: Request, context: AppRequestContext) async throws -> Response {
        let t = context.translations
        let errors = errors.map { FormErrors($0, t: t, order: Self.order) } ?? .none
        let view = EditView(heading: t.format("custom_field_edit", ["name": field.labelRu]), action: "/admin/client-fields/\(field.id ?? 0)",
                            deleteURL: "/admin/client-fields/\(field.id ?? 0)/delete",
                            fields: Self.inputs(draft, isNew: false, errors: errors.fieldErrors, t: t), errors: errors.errors)
        return try await services.renderPage("admin-client-field", view, title: view.heading, request: request, context: context, status: status)
    }
}
