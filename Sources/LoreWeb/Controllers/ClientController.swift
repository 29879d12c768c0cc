import Foundation
import Hummingbird
import LoreCore

/// The client registry's list, cards, trash, and moving cards to and from the trash.
/// Everything answers 404 to those who may not see clients, as if the registry did not exist.
struct ClientController {
    let services: AppServices

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/clients", use: list)
        router.get("/clients/trash", use: trash)
        router.get("/clients/:slug", use: card)
        router.post("/clients/:slug/delete", use: delete)
        router.post("/clients/:slug/restore", use: restore)
    }

    struct Row {
        let name: String
        let url: String
        let status: String
        let statusLabel: String
        let segment: String
        let manager: String
        let lastContact: String
        let updated: String
        let tags: [String]
        let rfm: String
        let abc: String
    }

    /// A choice's filter is a list to pick from; any other field's, text it contains.
    struct CustomFilter {
        let name: String
        let label: String
        let value: String
        let options: [Choice]
        let hasOptions: Bool
    }

    struct Column {
        let label: String
        let url: String
        let current: Bool
        let descending: Bool
    }

    struct ListView {
        /// What was typed in the search box.
        let query: String
        let statuses: [Choice]
        let segments: [Choice]
        let managers: [Choice]
        let tags: [Choice]
        let rfmSegments: [Choice]
        let abcClasses: [Choice]
        let lastContact: [Choice]
        /// One per field administrators added.
        let customFilters: [CustomFilter]
        let columns: [Column]
        let sort: String
        let order: String
        let rows: [Row]
        let count: String
        let previousURL: String?
        let nextURL: String?
        let canEdit: Bool
        let canImport: Bool
        let exportURL: String?
        let canDelete: Bool
        let canHandOver: Bool
    }

    struct TrashRow {
        let name: String
        let deleted: String
        let restoreURL: String
    }

    static let perPage = 50

    /// "Anna Smirnova (left)" for someone no longer here.
    static func managerName(_ manager: (id: Int64, name: String, hasLeft: Bool), _ t: Translations) -> String {
        manager.hasLeft ? t.format("manager_left", ["name": manager.name]) : manager.name
    }

    /// A filter for each field administrators added, the card's then its people's.
    static func customFilters(_ schema: ClientSchema, _ filter: ClientFilter, t: Translations) -> [CustomFilter] {
        func make(_ column: ClientColumn, _ kind: FieldKind, key: String) -> CustomFilter {
            let value = filter.custom.first { $0.key == key && $0.ofContact == column.ofContact }?.value ?? ""
            let choices: [(value: String, label: String)]? = switch kind {
            case .choice(let values, _, _): values.map { ($0, $0) }
            case .yesNo: [("yes", t["field_yes"]), ("no", t["field_no"])]
            default: nil
            }
            return CustomFilter(name: ClientListQuery.parameter(key, ofContact: column.ofContact), label: schema.label(of: column).map(t.label) ?? key,
                                value: value, options: choices.map { Choice.options($0, selected: value, none: t["clients_any_value"]) } ?? [],
                                hasOptions: choices != nil)
        }
        return schema.client.compactMap { field in field.customKey.map { make(.client(field.key), field.kind, key: $0) } }
            + schema.contact.compactMap { field in field.customKey.map { make(.contact(field.key), field.kind, key: $0) } }
    }

    /// The first page, unfiltered, is made once for everyone who sees the same cards, each day
    /// (segments and "last contact" are reckoned from today), until a card changes: it sums up
    /// every card's purchases.
    @Sendable func list(request: Request, context: AppRequestContext) async throws -> Response {
        try await services.pageCache.page("/clients", extra: "|" + DayDate(Date()).iso, request: request, context: context) { key, generation in
            try await list(caching: key, generation: generation, request: request, context: context)
        }
    }

    private func list(caching key: PageCache.Key?, generation: Int, request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let t = context.translations
        let schema = try await services.clientQueries.schema()
        let query = ClientListQuery(request.uri.queryParameters, schema: schema)
        let page = query.page
        let (items, total) = try await services.clientQueries.list(query.filter, page: page, perPage: Self.perPage, for: principal)
        let managers = try await services.clientQueries.managers(for: principal)
        let segments = try await services.clientQueries.segments(for: principal)
        let tags = try await services.clientQueries.tags(for: principal)
        let analysis = Dictionary(try await services.clientQueries.analysis.lines(for: principal).map { ($0.clientId, $0) }) { a, _ in a }
        let rows = items.map { item in
            Row(name: item.client.name, url: Paths.client(item.client.slug), status: item.client.status.rawValue,
                statusLabel: t["client_status_\(item.client.status.rawValue)"], segment: item.client.segment,
                manager: item.managerName ?? "", lastContact: item.lastContactAt.map { DisplayDate.day($0, context.language) } ?? t["never"],
                updated: DisplayDate.day(item.client.updatedAt, context.language), tags: item.client.tags,
                rfm: analysis[item.client.id ?? 0].map { t["rfm_\($0.segment.rawValue)"] } ?? "",
                abc: analysis[item.client.id ?? 0]?.abc?.rawValue.uppercased() ?? "")
        }
        let columns = ClientFilter.Sort.allCases.map { sort in
            let current = query.filter.sort == sort
            return Column(label: t["clients_sort_\(sort.rawValue)"],
                          url: query.url(sort: sort, descending: current ? !query.filter.descending : sort == .lastContact || sort == .updated),
                          current: current, descending: current && query.filter.descending)
        }
        let view = ListView(
            query: query.filter.text ?? "",
            statuses: Choice.options(ClientStatus.self, prefix: "client_status", selected: query.filter.status?.rawValue ?? "",
                                     none: t["clients_any_status"], t: t),
            segments: Choice.options(segments.map { ($0, $0) }, selected: query.filter.segment ?? "", none: t["clients_any_segment"]),
            managers: Choice.options(managers.map { (String($0.id), Self.managerName($0, t)) }, selected: query.filter.managerId.map(String.init) ?? "",
                                     none: t["clients_any_manager"]),
            tags: Choice.options(tags.map { ($0, $0) }, selected: query.filter.tag ?? "", none: t["clients_any_tag"]),
            rfmSegments: Choice.options(ClientAnalysis.Segment.self, prefix: "rfm", selected: query.filter.rfm?.rawValue ?? "", none: t["clients_any_segment"], t: t),
            abcClasses: Choice.options(ClientAnalysis.ABC.allCases.map { ($0.rawValue, $0.rawValue.uppercased()) }, selected: query.filter.abc?.rawValue ?? "",
                                       none: t["clients_any_class"]),
            lastContact: ClientListQuery.lastContactChoices(query.lastContactValue, t: t),
            customFilters: Self.customFilters(schema, query.filter, t: t),
            columns: columns, sort: query.filter.sort.rawValue, order: query.filter.descending ? "desc" : "asc",
            rows: rows, count: t.plural("client_count", total),
            previousURL: page > 1 ? query.url(page: page - 1) : nil,
            nextURL: Paging.hasPage(after: page, perPage: Self.perPage, total: total) ? query.url(page: page + 1) : nil,
            canEdit: principal.has(.clientsEdit), canImport: principal.has(.clientsEdit),
            exportURL: principal.has(.clientsExport) ? query.url(path: "/clients/export.csv") : nil,
            canDelete: principal.has(.clientsDelete), canHandOver: principal.has(.clientsSupervise))
        let rendered = try await services.pages.page(view, title: t["clients"], request: request, context: context,
                                                     breadcrumbs: PageBuilder.crumbs(home: t, lineage: [], last: t["clients"]))
        return try services.views.render("clients", rendered, caching: key, in: services.pageCache, generation: generation, context: context)
    }

    @Sendable func card(request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let t = context.translations
        let slug = try context.parameters.require("slug")
        let found: ClientPage
        do {
            found = try await services.clientQueries.page(slug: slug, for: principal)
        } catch is NotFound {
            // The address of a card merged into another leads to that one.
            guard let kept = try await services.clientQueries.mergedCard(slug: slug, for: principal) else { throw NotFound() }
            return .redirect(to: Paths.client(kept), type: .normal)
        }
        let card = found.card
        let tree = try await services.categories.tree(for: principal)
        let schema = try await services.clientQueries.schema()
        var view = ClientCardView(card, schema: schema, files: found.files, principal: principal, forest: tree, t: context.translations,
                                  language: context.language)
        let subject = NotificationSubject.client(card.client.id!)
        view.comments = CommentView.threads(found.comments, t: context.translations)
        view.commentAction = Paths.client(card.client.slug) + "/comments"
        let people = try await ClientTimelineController.people(services, context)
        view.assignees = Choice.options(people, selected: "", none: t["assignee_me"])
        let names = Dictionary(people.map { (Int64($0.value) ?? 0, $0.label) }) { first, _ in first }
        let today = DayDate(Date())
        view.openTasks = card.interactions.map(\.interaction).filter(\.hasOpenStep).compactMap { step in
            guard let due = step.nextStepDue.flatMap(DayDate.init(iso:)) else { return nil }
            return ClientCardView.OpenTask(step: step.nextStep, due: DisplayDate.day(due, context.language) + (step.nextStepTime.map { " " + $0 } ?? ""),
                                           assignee: names[step.assigneeId ?? step.authorId] ?? "", isOverdue: due < today,
                                           anchor: "#interaction-\(step.id ?? 0)")
        }.sorted { $0.isOverdue && !$1.isOverdue }
        let canEdit = principal.has(.clientsEdit)
        view.purchases = found.purchases.map { purchase in
            ClientCardView.PurchaseRow(date: DayDate(iso: purchase.date).map { DisplayDate.day($0, context.language) } ?? purchase.date,
                                       amount: Money.format(purchase.amount, currency: purchase.currency, context.language),
                                       note: purchase.note.isEmpty ? nil : purchase.note,
                                       deleteURL: canEdit ? Paths.client(card.client.slug) + "/purchases/\(purchase.id ?? 0)/delete" : nil)
        }
        if !view.purchases.isEmpty, let line = try await services.clientQueries.analysis.lines(for: principal, only: card.client.id).first {
            view.analysis = ([t["rfm_\(line.segment.rawValue)"], line.abc.map { t.format("abc_class", ["class": $0.rawValue.uppercased()]) }]
                + [line.interval.map { t.format("buys_every", ["n": String($0)]) }, line.isDueForReactivation ? t["reactivation_due"] : nil])
                .compactMap { $0 }.joined(separator: " · ")
        }
        view.watch = WatchView(subject, watching: found.isWatching, back: Paths.client(card.client.slug))
        if principal.has(.clientsExport) {
            view.showsReaders = true
            view.readers = found.readers.map { reader in
                ClientCardView.Reader(name: reader.name, when: DisplayDate.format(reader.lastAt, context.language), days: reader.days)
            }
        }
        let page = try await services.pages.page(
            view, title: card.client.name, request: request, context: context,
            breadcrumbs: [Crumb(title: t["home_heading"], url: "/"), Crumb(title: t["clients"], url: "/clients"),
                          Crumb(title: card.client.name, url: nil)], tree: tree)
        return try services.views.render("client", page)
    }

    @Sendable func trash(request: Request, context: AppRequestContext) async throws -> Response {
        let t = context.translations
        let rows = try await services.clientQueries.trash(for: context.requirePrincipal()).map { client in
            TrashRow(name: client.name, deleted: client.deletedAt.map { DisplayDate.format($0, context.language) } ?? "",
                     restoreURL: Paths.client(client.slug) + "/restore")
        }
        return try await services.renderPage("clients-trash", ["clients": rows], title: t["clients_trash"], request: request, context: context)
    }

    @Sendable func delete(request: Request, context: AppRequestContext) async throws -> Response {
        let slug = try context.parameters.require("slug")
        try await services.clients.delete(slug: slug, by: context.requirePrincipal())
        return .redirect(to: "/clients?notice=client_trashed&undo=\(slug)")
    }

    @Sendable func restore(request: Request, context: AppRequestContext) async throws -> Response {
        let slug = try context.parameters.require("slug")
        try await services.clients.restore(slug: slug, by: context.requirePrincipal())
        return .redirect(to: Paths.client(slug) + "?notice=restored")
    }
}
