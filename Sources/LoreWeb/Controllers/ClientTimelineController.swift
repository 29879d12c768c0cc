import Hummingbird
import LoreCore

/// A card's timeline: logging calls, meetings, e-mails and messages with their next steps,
/// correcting them, ticking a next step off; and linking articles to the card by hand.
struct ClientTimelineController {
    let services: AppServices

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/clients/:slug/interactions/new", use: newForm)
        router.post("/clients/:slug/interactions/new", use: create)
        router.get("/clients/:slug/interactions/:id", use: editForm)
        router.post("/clients/:slug/interactions/:id", use: update)
        router.post("/clients/:slug/interactions/:id/done", use: done)
        router.post("/clients/:slug/articles", use: linkArticle)
        router.post("/clients/:slug/articles/:article/unlink", use: unlinkArticle)
    }

    struct FormView {
        let heading: String
        let clientName: String
        let action: String
        let cancelURL: String
        let fields: [FormField]
        let errors: [FormErrors.Item]
    }

    static let fieldOrder = ["kind", "date", "contact", "summary", "outcome", "nextStep", "nextStepDue", "nextStepTime", "nextStepKind",
                             "assignee", "article"]

    @Sendable func newForm(request: Request, context: AppRequestContext) async throws -> Response {
        let card = try await services.editableClientCard(context)
        return try await form(InteractionDraft(), card: card, interactionId: nil, errors: .none, request: request, context: context)
    }

    @Sendable func create(request: Request, context: AppRequestContext) async throws -> Response {
        let card = try await services.editableClientCard(context)
        let draft = Self.draft(try await FormData.read(from: request))
        do {
            _ = try await services.clients.logInteraction(draft, on: card.client.slug, by: context.requirePrincipal())
            return .redirect(to: Paths.client(card.client.slug) + "?notice=saved#timeline")
        } catch let error as ValidationError {
            return try await form(draft, card: card, interactionId: nil, errors: FormErrors(error, t: context.translations, order: Self.fieldOrder),
                                  status: .unprocessableContent, request: request, context: context)
        }
    }

    @Sendable func editForm(request: Request, context: AppRequestContext) async throws -> Response {
        let card = try await services.editableClientCard(context)
        let interaction = try Self.interaction(card, context)
        return try await form(InteractionDraft(interaction), card: card, interactionId: interaction.id, errors: .none,
                              request: request, context: context)
    }

    @Sendable func update(request: Request, context: AppRequestContext) async throws -> Response {
        let card = try await services.editableClientCard(context)
        let interaction = try Self.interaction(card, context)
        let draft = Self.draft(try await FormData.read(from: request))
        do {
            try await services.clients.updateInteraction(id: interaction.id ?? 0, of: card.client.slug, draft, by: context.requirePrincipal())
            return .redirect(to: Paths.client(card.client.slug) + "?notice=saved#timeline")
        } catch let error as ValidationError {
            return try await form(draft, card: card, interactionId: interaction.id,
                                  errors: FormErrors(error, t: context.translations, order: Self.fieldOrder),
                                  status: .unprocessableContent, request: request, context: context)
        }
    }

    /// Ticks a next step off, from the card or from the home page's reminders.
    @Sendable func done(request: Request, context: AppRequestContext) async throws -> Response {
        let slug = try context.parameters.require("slug")
        try await services.clients.completeStep(interaction: context.parameters.number("id"), of: slug,
                                                by: context.requirePrincipal())
        let form = try await FormData.read(from: request)
        return .redirect(to: form["from"] == "home" ? "/?notice=step_done" : Paths.client(slug) + "?notice=step_done#timeline")
    }

    @Sendable func linkArticle(request: Request, context: AppRequestContext) async throws -> Response {
        let slug = try context.parameters.require("slug")
        let form = try await FormData.read(from: request)
        // An address pasted whole (…/a/some-page) names the article as well as its slug does.
        let typed = form["article"]
        let article = typed.range(of: "/a/").map { String(typed[$0.upperBound...].prefix { $0 != "?" && $0 != "#" }) } ?? typed
        do {
            try await services.clients.linkArticle(article, to: slug, by: context.requirePrincipal())
            return .redirect(to: Paths.client(slug) + "?notice=saved#knowledge")
        } catch is ValidationError {
            return .redirect(to: Paths.client(slug) + "?notice=article_not_found#knowledge")
        }
    }

    @Sendable func unlinkArticle(request: Request, context: AppRequestContext) async throws -> Response {
        let slug = try context.parameters.require("slug")
        try await services.clients.unlinkArticle(context.parameters.require("article"), from: slug, by: context.requirePrincipal())
        return .redirect(to: Paths.client(slug) + "?notice=saved#knowledge")
    }

    private static func interaction(_ card: ClientCard, _ context: AppRequestContext) throws -> ClientInteraction {
        let id = try context.parameters.number("id")
        guard let item = card.interactions.first(where: { $0.interaction.id == id }) else { throw NotFound() }
        return item.interaction
    }

    static func draft(_ form: FormData) -> InteractionDraft {
        var draft = InteractionDraft()
        draft.kind = form["kind"]
        draft.date = form["date"]
        draft.contact = form["contact"]
        draft.summary = form["summary"]
        draft.outcome = form["outcome"]
        draft.nextStep = form["nextStep"]
        draft.nextStepDue = form["nextStepDue"]
        draft.nextStepTime = form["nextStepTime"]
        draft.nextStepKind = form["nextStepKind"]
        draft.assignee = form["assignee"]
        return draft
    }

    private func form(_ draft: InteractionDraft, card: ClientCard, interactionId: Int64?, errors: FormErrors,
                      status: HTTPResponse.Status = .ok, request: Request, context: AppRequestContext) async throws -> Response {
        let t = context.translations
        let base = Paths.client(card.client.slug)
        let view = FormView(
            heading: interactionId == nil ? t["log_interaction"] : t["edit_interaction"], clientName: card.client.name,
            action: interactionId.map { "\(base)/interactions/\($0)" } ?? "\(base)/interactions/new",
            cancelURL: base + "#timeline",
            fields: Self.fields(draft, contacts: card.contacts, people: try await Self.people(services, context), errors: errors.fieldErrors, t: t),
            errors: errors.errors)
        return try await services.renderPage("interaction-form", view, title: view.heading, request: request, context: context, status: status)
    }

    /// Whom a next step may be given to: the active people (Lore checks they may see the card).
    static func people(_ services: AppServices, _ context: AppRequestContext) async throws -> [(value: String, label: String)] {
        try await services.clientQueries.managers(for: context.requirePrincipal()).filter { !$0.hasLeft }.map { (String($0.id), $0.name) }
    }

    static func fields(_ draft: InteractionDraft, contacts: [ClientContact], people: [(value: String, label: String)], errors e: [String: String],
                       t: Translations) -> [FormField] {
        // A date the browser could not show in a date picker is shown as the text typed, with its problem.
        func dateType(_ name: String) -> String { e[name] == nil ? "date" : "text" }
        return [
            .select("kind", t["interaction_field_kind"], Choice.options(InteractionKind.self, prefix: "interaction", selected: draft.kind, t: t),
                    errors: e),
            .text("date", t["interaction_field_date"], draft.date, errors: e, hint: t["date_hint"], type: dateType("date")),
            .select("contact", t["interaction_field_contact"],
                    Choice.options(contacts.map { (String($0.id ?? 0), $0.name) }, selected: draft.contact, none: t["no_contact"]), errors: e),
            .area("summary", t["interaction_field_summary"], draft.summary, errors: e, rows: 3),
            .area("outcome", t["interaction_field_outcome"], draft.outcome, errors: e, rows: 2),
            .text("nextStep", t["interaction_field_nextStep"], draft.nextStep, errors: e),
            .text("nextStepDue", t["interaction_field_nextStepDue"], draft.nextStepDue, errors: e, hint: t["date_hint"], type: dateType("nextStepDue")),
            .text("nextStepTime", t["interaction_field_nextStepTime"], draft.nextStepTime, errors: e, type: e["nextStepTime"] == nil ? "time" : "text"),
            .select("nextStepKind", t["interaction_field_nextStepKind"],
                    Choice.options(TaskKind.self, prefix: "task_kind", selected: draft.nextStepKind, none: "—", t: t), errors: e),
            .select("assignee", t["interaction_field_assignee"], Choice.options(people, selected: draft.assignee, none: t["assignee_me"]), errors: e),
        ]
    }
}
