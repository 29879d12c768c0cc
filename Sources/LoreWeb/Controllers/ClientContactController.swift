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

    static let fieldOrder = ["name", "position", "phones", "email", "messengers", "preferredChannel", "callWhen", "doNotCall", "birthday", "notes"]

    @Sendable func newForm(request: Request, context: AppRequestContext) async throws -> Response {
        let card = try await services.editableClientCard(context)
        return try await form(ContactDraft(), card: card, contactId: nil, errors: .none, request: request, context: context)
    }

    @Sendable func create(request: Request, context: AppRequestContext) async throws -> Response {
        let card = try await services.editableClientCard(context)
        let draft = Self.draft(try await FormData.read(from: request))
        do {
            _ = try await services.clients.addContact(draft, to: card.client.slug, by: context.requirePrincipal())
            return .redirect(to: Paths.client(card.client.slug) + "?notice=saved#contacts")
        } catch let error as ValidationError {
            return try await form(draft, card: card, contactId: nil, errors: FormErrors(error, t: context.translations, order: Self.fieldOrder),
                                  status: .unprocessableContent, request: request, context: context)
        }
    }

    @Sendable func editForm(request: Request, context: AppRequestContext) async throws -> Response {
        let card = try await services.editableClientCard(context)
        let contact = try Self.contact(card, context)
        return try await form(ContactDraft(contact), card: card, contactId: contact.id, errors: .none, request: request, context: context)
    }

    @Sendable func update(request: Request, context: AppRequestContext) async throws -> Response {
        let card = try await services.editableClientCard(context)
        let contact = try Self.contact(card, context)
        let draft = Self.draft(try await FormData.read(from: request))
        do {
            try await services.clients.updateContact(id: contact.id ?? 0, of: card.client.slug, draft, by: context.requirePrincipal())
            return .redirect(to: Paths.client(card.client.slug) + "?notice=saved#contacts")
        } catch let error as ValidationError {
            return try await form(draft, card: card, contactId: contact.id, errors: FormErrors(error, t: context.translations, order: Self.fieldOrder),
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

    static func draft(_ form: FormData) -> ContactDraft {
        var draft = ContactDraft()
        draft.name = form["name"]
        draft.position = form["position"]
        draft.phones = form["phones"]
        draft.email = form["email"]
        draft.messengers = form["messengers"]
        draft.preferredChannel = form["preferredChannel"]
        draft.callWhen = form["callWhen"]
        draft.doNotCall = form["doNotCall"]
        draft.birthday = form["birthday"]
        draft.notes = form["notes"]
        return draft
    }

    private func form(_ draft: ContactDraft, card: ClientCard, contactId: Int64?, errors: FormErrors, status: HTTPResponse.Status = .ok,
                      request: Request, context: AppRequestContext) async throws -> Response {
        let t = context.translations
        let base = Paths.client(card.client.slug)
        let view = FormView(
            heading: contactId == nil ? t["new_contact"] : t.format("edit_contact_named", ["name": draft.name]),
            clientName: card.client.name,
            action: contactId.map { "\(base)/contacts/\($0)" } ?? "\(base)/contacts/new",
            cancelURL: base + "#contacts",
            deleteURL: contactId.map { "\(base)/contacts/\($0)/delete" },
            fields: Self.fields(draft, errors: errors.fieldErrors, t: t), errors: errors.errors)
        return try await services.renderPage("contact-form", view, title: view.heading, request: request, context: context, status: status)
    }

    private static func fields(_ draft: ContactDraft, errors e: [String: String], t: Translations) -> [FormField] {
        func text(_ name: String, _ value: String, type: String = "text", required: Bool = false, hint: String? = nil) -> FormField {
            .text(name, t["client_field_\(name)"], value, errors: e, hint: hint, type: type, required: required)
        }
        return [
            text("name", draft.name, required: true), text("position", draft.position),
            text("phones", draft.phones, hint: t["several_values_hint"]), text("email", draft.email, type: "email"),
            text("messengers", draft.messengers),
            .select("preferredChannel", t["client_field_preferredChannel"],
                    Choice.options(ContactChannel.self, prefix: "channel", selected: draft.preferredChannel, none: t["unknown"], t: t), errors: e),
            text("callWhen", draft.callWhen), text("doNotCall", draft.doNotCall),
            text("birthday", draft.birthday, hint: t["birthday_hint"]),
            .area("notes", t["client_field_contactNotes"], draft.notes, errors: e, hint: t["contact_notes_hint"], rows: 4),
        ]
    }
}
