import Hummingbird
import LoreCore

/// A card's purchases, and merging a duplicate card into it.
struct ApiClientSalesController {
    let services: AppServices

    func addRoutes(to router: some RouterMethods<AppRequestContext>) {
        router.get("/api/v1/clients/:slug/purchases", use: purchases)
        router.post("/api/v1/clients/:slug/purchases", use: addPurchase)
        router.delete("/api/v1/clients/:slug/purchases/:id", use: deletePurchase)
        router.post("/api/v1/clients/:slug/merge", use: merge)
    }

    struct MergeInput: ApiInput, Sendable {
        static let schema = "ClientMergeInput"
        /// The card to merge into this one; it goes to the trash.
        let with: String
        /// The fields whose values come from that card (the schema's keys).
        let taking: [String]?
    }

    @Sendable func purchases(request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let card = try await services.clientQueries.card(slug: context.parameters.require("slug"), for: principal)
        let list = try await services.clientQueries.purchases(ofClient: card.client.id ?? 0, for: principal)
        return try ApiJSON.response(ApiItems(items: list.map(ApiPurchase.init)), request: request)
    }

    @Sendable func addPurchase(request: Request, context: AppRequestContext) async throws -> Response {
        let card = try await services.editableClientCard(context)
        let input = try await ApiBody.decode(ApiPurchase.Input.self, from: request, schemas: services.apiSchemas)
        let purchase = try await services.clients.addPurchase(input.draft, to: card.client.slug, by: context.requirePrincipal())
        return try ApiJSON.created(ApiPurchase(purchase), at: "/api/v1/clients/\(card.client.slug)/purchases", request: request)
    }

    @Sendable func deletePurchase(request: Request, context: AppRequestContext) async throws -> Response {
        let card = try await services.editableClientCard(context)
        try await services.clients.deletePurchase(id: context.parameters.number("id"), of: card.client.slug, by: context.requirePrincipal())
        return ApiJSON.noContent()
    }

    @Sendable func merge(request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let card = try await services.editableClientCard(context)
        try AccessPolicy(principal).requireClients(.clientsDelete)
        let input = try await ApiBody.decode(MergeInput.self, from: request, schemas: services.apiSchemas)
        try await services.clients.merge(input.with, into: card.client.slug, taking: Set(input.taking ?? []), by: principal)
        let merged = try await services.clientQueries.card(slug: card.client.slug, for: principal)
        return try ApiJSON.response(ApiClient(card: merged, schema: try await services.clientQueries.schema()),
                                    version: ApiClient.version(merged.client), request: request)
    }
}
