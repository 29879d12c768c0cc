import Hummingbird
import LoreCore

/// The people at a client and the timeline of contacts with it.
struct ApiClientPeopleController {
    let services: AppServices

    func addRoutes(to router: some RouterMethods<AppRequestContext>) {
        router.post("/api/v1/clients/:slug/contacts", use: createContact)
        router.put("/api/v1/clients/:slug/contacts/:id", use: updateContact)
        router.delete("/api/v1/clients/:slug/contacts/:id", use: deleteContact)
        router.post("/api/v1/clients/:slug/interactions", use: createInteraction)
    }

    @Sendable func createContact(request: Request, context: AppRequestContext) async throws -> Response {
        let (slug, principal) = try await editable(context)
        let input = try await ApiBody.decode(ApiContact.Input.self, from: request, schemas: services.apiSchemas)
        let contact = try await services.clients.addContact(input.draft, to: slug, by: principal)
        return try ApiJSON.created(ApiContact(contact, schema: try await services.clientQueries.schema()), at: "/api/v1/clients/\(slug)/contacts/\(contact.id ?? 0)", request: request)
    }

    @Sendable func updateContact(request: Request, context: AppRequestContext) async throws -> Response {
        let (slug, principal) = try await editable(context)
        let id = try context.parameters.number("id")
        let input = try await ApiBody.decode(ApiContact.Input.self, from: request, schemas: services.apiSchemas)
        try await services.clients.updateContact(id: id, of: slug, input.draft, by: principal)
        let card = try await services.clientQueries.card(slug: slug, for: principal)
        guard let contact = card.contacts.first(where: { $0.id == id }) else { throw NotFound() }
        return try ApiJSON.response(ApiContact(contact, schema: try await services.clientQueries.schema()), request: request)
    }

    @Sendable func deleteContact(request: Request, context: AppRequestContext) async throws -> Response {
        let (slug, principal) = try await editable(context)
        let id = try context.parameters.number("id")
        try await services.clients.deleteContact(id: id, of: slug, by: principal)
        return ApiJSON.noContent()
    }

    @Sendable func createInteraction(request: Request, context: AppRequestContext) async throws -> Response {
        let (slug, principal) = try await editable(context)
        let input = try await ApiBody.decode(ApiInteraction.Input.self, from: request, schemas: services.apiSchemas)
        let interaction = try await services.clients.logInteraction(input.draft, on: slug, by: principal)
        let card = try await services.clientQueries.card(slug: slug, for: principal)
        guard let entry = card.interactions.first(where: { $0.interaction.id == interaction.id }) else { throw NotFound() }
        return try ApiJSON.created(ApiInteraction(entry), at: "/api/v1/clients/\(slug)", request: request)
    }

    /// The card's slug when the caller may change it: 404 when hidden, 403 when only readable —
    /// decided before the body is read.
    private func editable(_ context: AppRequestContext) async throws -> (String, Principal) {
        let card = try await services.editableClientCard(context)
        return (card.client.slug, try context.requirePrincipal())
    }
}
