import Hummingbird
import LoreCore

/// The people on a client card: add, edit, remove.
struct ClientContactController {
    let services: AppServices

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/clients/:slug/contacts/new", use: newForm)
        router.post("/clients/:slug/contacts/new", use: create)
        router.get("/clients/:slug/contacts/:id", use: editForm)
        router.post("/clients/:slug/contacts/:id", use: update)
        router.post("/clients/:slug/contacts/:id/delete", use: delete)
    }

    struct FormView {
        let heading: String
        let clientName: String
        let action: String
        let cancelURL: String
        let deleteURL: String?
        let fields: [FormField]
        let errors: [FormErrors.Item]
    }

    @Sendable func newForm(request: Request, context: AppRequestContext) async throws -> Response {
        let card = try await services.editableClientCard(context)
        return try await form(ContactDraft(), card: card, contactId: nil, errors: nil, request: request, context: context)
    }

    @Sendable func create(request: Request, context: AppRequestContext) async throws -> Response {
        let card = try await services.editableClientCard(context)
        let draft = try await draft(try await FormData.read(from: request))
        do {
            _ = try await services.clients.addContact(draft, to: card.client.slug, by: context.requirePrincipal())
            return .redirect(to: Paths.client(card.client.slug) + "?notice=saved#contacts")
        } catch let error as ValidationError {
            return try await form(draft, card: card, contactId: nil, errors: error,
                                  status: .unprocessableContent, request: request, context: context)
        }
    }

    @Sendable func editForm(request: Request, context: AppRequestContext) async throws -> Response {
        let card = try await services.editableClientCard(context)
        let contact = try Self.contact(card, context)
        return try await form(ContactDraft(contact), card: card, contactId: contact.id, errors: nil, request: request, context: context)
    }

    @Sendable func update(request: Request, context: AppRequestContext) async throws -> Response {
        let card = try await services.editableClientCard(context)
        let contact = try Self.contact(card, context)
        let draft = try await draft(try await FormData.read(from: request))
        do {
            try await services.clients.updateContact(id: contact.id ?? 0, of: card.client.slug, draft, by: context.requirePrincipal())
            return .redirect(to: Paths.client(card.client.slug) + "?notice=saved#contacts")
        } catch let error as ValidationError {
            return try await form(draft, card: card, contactId: contact.id, errors: error,
                                  status: .unprocessableContent, request: request, context: context)
        }
    }

    @Sendable func delete(request: Request, context: AppRequestContext) async throws -> Response {
        let card = try await services.editableClientCard(context)
        let contact = try Self.contact(card, context)
        try await services.clients.deleteContact(id: contact.id ?? 0, of: card.client.slug, by: context.requirePrincipal())
        return .redirect(to: Paths.client(card.client.slug) + "?notice=saved#contacts")
    }

    private static func contact(_ card: ClientCard, _ context: AppRequestContext) throws -> ClientContact {
        let id = try context.parameters.number("id")
        guard let contact = card.contacts.first(where: { $0.id == id }) else { throw NotFound() }
        return contact
    }

    /// Every field the schema has, as the form sent it.
    private func draft(_ form: FormData) async throws -> ContactDraft {
        var draft = ContactDraft()
        for field in try await services.clientQueries.schema().contact { draft[field.key] = form[field.key] }
        return draft
    }

    private func form(_ draft: ContactDraft, card: ClientCard, contactId: Int64?, errors: ValidationError?, status: HTTPResponse.Status = .ok,
                      request: Request, context: AppRequestContext) async throws -> Response {
        let t = context.translations
        let base = Paths.client(card.client.slug)
        let fields = try await services.clientQueries.schema().contact
        let errors = errors.map { FormErrors($0, t: t, order: fields.map(\.key)) } ?? .none
        let view = FormView(
            heading: contactId == nil ? t["new_contact"] : t.format("edit_contact_named", ["name": draft.name]),
            clientName: card.client.name,
            action: contactId.map { "\(base)/contacts/\($0)" } ?? "\(base)/contacts/new",
            cancelURL: base + "#contacts",
            deleteURL: contactId.map { "\(base)/contacts/\($0)/delete" },
            fields: fields.map { SchemaFormField.make($0, draft, errors: errors.fieldErrors, t: t) }, errors: errors.errors)
        return try await services.renderPage("contact-form", view, title: view.heading, request: request, context: context, status: status)
    }
}
