import Foundation
import Hummingbird
import LoreCore

/// Purchases logged on a card: added from the card's form, removed by those who edit cards.
struct ClientPurchaseController {
    let services: AppServices

    func addRoutes(to router: Router<AppRequestContext>) {
        router.post("/clients/:slug/purchases", use: add)
        router.post("/clients/:slug/purchases/:id/delete", use: delete)
    }

    @Sendable func add(request: Request, context: AppRequestContext) async throws -> Response {
        let card = try await services.editableClientCard(context)
        let form = try await FormData.read(from: request)
        var draft = PurchaseDraft()
        draft.date = form["date"]
        draft.amount = form["amount"]
        draft.currency = form["currency"]
        draft.note = form["note"]
        do {
            try await services.clients.addPurchase(draft, to: card.client.slug, by: context.requirePrincipal())
        } catch let error as ValidationError {
            // A one-line form on the card: the reason, with what was typed, on a page of its own.
            let t = context.translations
            let problems = FormErrors(error, t: t, order: ["date", "amount", "currency", "note"]).errors.map(\.message).joined(separator: " ")
            throw HTTPError(.unprocessableContent, message: t.format("purchase_not_saved", ["problems": problems, "amount": draft.amount]))
        }
        return .redirect(to: Paths.client(card.client.slug) + "#purchases")
    }

    @Sendable func delete(request: Request, context: AppRequestContext) async throws -> Response {
        let card = try await services.editableClientCard(context)
        try await services.clients.deletePurchase(id: context.parameters.number("id"), of: card.client.slug, by: context.requirePrincipal())
        return .redirect(to: Paths.client(card.client.slug) + "#purchases")
    }
}
