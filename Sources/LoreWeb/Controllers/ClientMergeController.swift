import Foundation
import Hummingbird
import LoreCore

/// "Merge with another card": choose the other card, then for each field which card's value
/// to keep. The other card goes to the trash; restoring it from there undoes the merge.
struct ClientMergeController {
    let services: AppServices

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/clients/:slug/merge", use: form)
        router.post("/clients/:slug/merge", use: merge)
    }

    struct FieldRow {
        let name: String
        let label: String
        let mine: String
        let theirs: String
        let takeTheirs: Bool
    }

    struct MergeView {
        let name: String
        let action: String
        let cancelURL: String
        /// Before the other card is chosen.
        let candidates: [Choice]
        let other: String?
        let otherSlug: String
        let fields: [FieldRow]
    }

    @Sendable func form(request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let card = try await services.editableClientCard(context)
        try AccessPolicy(principal).requireClients(.clientsDelete)
        let t = context.translations
        let base = Paths.client(card.client.slug)
        let otherSlug = FormData.query(of: request)["with"]
        var fields: [FieldRow] = []
        var otherName: String?
        var candidates: [Choice] = []
        if !otherSlug.isEmpty, otherSlug != card.client.slug {
            let other = try await services.clientQueries.card(slug: otherSlug, for: principal).client
            otherName = other.name
            let mine = ClientDraft(card.client), theirs = ClientDraft(other)
            let people = Dictionary(try await services.clientQueries.managers(for: principal).map { (String($0.id), $0.name) }) { first, _ in first }
            // Managers by name, not by the id the form carries.
            func shown(_ field: String, _ value: String) -> String { field == "manager" ? people[value] ?? value : value }
            fields = try await services.clientQueries.schema().client.map { field in
                let (a, b) = (mine[field.key], theirs[field.key])
                return FieldRow(name: field.key, label: t.label(field.label), mine: shown(field.key, a), theirs: shown(field.key, b),
                                takeTheirs: a.isEmpty && !b.isEmpty)
            }.filter { $0.mine != $0.theirs }
        } else {
            let lookAlikes = Set(try await services.clientQueries.duplicates(of: ClientDraft(card.client), excluding: card.client.id, for: principal)
                .map(\.slug))
            candidates = Choice.options(try await services.clientQueries.names(for: principal).filter { $0.slug != card.client.slug }
                .sorted { lookAlikes.contains($0.slug) && !lookAlikes.contains($1.slug) }.map { ($0.slug, $0.name) }, selected: "", none: "—")
        }
        let view = MergeView(name: card.client.name, action: base + "/merge", cancelURL: base, candidates: candidates, other: otherName,
                             otherSlug: otherSlug, fields: fields)
        return try await services.renderPage("client-merge", view, title: t.format("merge_title", ["name": card.client.name]),
                                             request: request, context: context)
    }

    @Sendable func merge(request: Request, context: AppRequestContext) async throws -> Response {
        let card = try await services.editableClientCard(context)
        let form = try await FormData.read(from: request)
        let schema = try await services.clientQueries.schema()
        let taking = Set(schema.client.map(\.key).filter { form["field_\($0)"] == "theirs" })
        do {
            try await services.clients.merge(form["with"], into: card.client.slug, taking: taking, by: context.requirePrincipal())
        } catch let error as ValidationError {
            let t = context.translations
            throw HTTPError(.unprocessableContent, message: FormErrors(error, t: t, order: schema.client.map(\.key)).errors.map(\.message)
                .joined(separator: " "))
        }
        return .redirect(to: Paths.client(card.client.slug) + "?notice=clients_merged")
    }
}
