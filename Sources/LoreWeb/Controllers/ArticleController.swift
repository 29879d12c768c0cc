import Foundation
import Hummingbird
import LoreCore

/// Reading, writing, previewing and trashing articles.
struct ArticleController {
    let services: AppServices

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/a/:slug", use: show)
        router.get("/a/:slug/edit", use: editForm)
        router.post("/a/:slug/edit", use: save)
        router.post("/a/:slug/delete", use: delete)
        router.get("/new", use: newForm)
        router.post("/new", use: create)
        router.post("/preview", use: preview)
    }

    struct ArticleView {
        let title: String
        let changedLine: String
        let html: String
        let tableOfContents: [Heading]
        let hasTableOfContents: Bool
        let backlinks: [LinkView]
        /// The client cards the article concerns, for readers who may see clients.
        let clients: [LinkView]
        let attachments: [AttachmentRow]
        /// Edit and trash are offered only to those who may edit here.
        let canEdit: Bool
        let canManage: Bool
        /// Where changes wait for approval, only approvers move a page to the trash.
        let canTrash: Bool
        let editURL: String
        let deleteURL: String
        let accessURL: String
        /// Nil when the category hides history from those who only read it.
        let historyURL: String?
        /// Where readers' ticks of the page's task lists go; nil when it has none.
        let checklistURL: String?
        /// Printed at the foot of every sheet: which revision of the page, and from when.
        let printFooter: String
        /// A long page starts each section on a new sheet when printed.
        let isLong: Bool
        let wordURL: String
        /// "Read and confirm" for a reader the page asks; nil for everyone else.
        let confirmation: ConfirmationView?
        /// Who must confirm the page and who did: for its managers and those who report on it.
        let readingURL: String?
        /// "Owner: … · reviewed …", "Needs review", and who may record a review or change them.
        let stewardship: StewardshipView?
        let comments: [CommentView]
        /// Where a new comment goes; nil for guests.
        let commentAction: String?
        /// Nil for guests.
        let watch: WatchView?
        let waiting: [WaitingView]
    }

    /// A change to the page waiting for approval, told to its author and its approvers.
    struct WaitingView {
        let text: String
        let url: String
    }

    struct StewardshipView {
        let line: String
        let needsReview: Bool
        let reviewURL: String?
        let settingsURL: String?
    }

    struct ConfirmationView {
        let message: String
        let isConfirmed: Bool
        let isOverdue: Bool
        let action: String
        let revision: Int
        /// What changed since the revision they confirmed.
        let diffURL: String?
    }

    /// A page with this many sections, or this much HTML, prints each section from a new sheet.
    static let longPageSections = 5
    static let longPageBytes = 20_000

    /// A page made for the same rights since the last change is that page, hidden parts and all.
    @Sendable func show(request: Request, context: AppRequestContext) async throws -> Response {
        let slug = try context.parameters.require("slug")
        // Counted once the page was served: a refused or missing page is nobody's reading.
        let response = try await served(slug, request: request, context: context)
        if response.status == .ok { services.pageViews.record(slug: slug) }
        return response
    }

    private func served(_ slug: String, request: Request, context: AppRequestContext) async throws -> Response {
        // Where a reader stands with a page that asks them to confirm it, the owner's "Mark as reviewed",
        // changes waiting and a commenter's controls make the page theirs alone, never shared.
        let principal = try context.requirePrincipal()
        if try await services.queries.personalParts(ofArticle: slug).isPersonal(for: principal) {
            return try await page(slug, caching: nil, generation: 0, request: request, context: context)
        }
        // "Needs review" comes with the calendar: a page kept from yesterday is made again.
        // Watchers see "Stop watching": their page is kept apart.
        let watching = try await services.notifications.isWatching(pageAt: Paths.article(slug), principal: principal)
        return try await services.pageCache.page(Paths.article(slug), extra: DayDate(Date()).iso + (watching ? "|watching" : ""), request: request,
                                                 context: context) { key, generation in
            try await page(slug, caching: key, generation: generation, request: request, context: context)
        }
    }

    private func page(_ slug: String, caching key: PageCache.Key?, generation: Int, request: Request, context: AppRequestContext) async throws
        -> Response {
        let principal = try context.requirePrincipal()
        let t = context.translations
        let found: ArticlePage
        switch try await services.queries.page(slug: slug, for: principal) {
        case .page(let page): found = page
        case .moved(let slug): return .redirect(to: Paths.article(slug), type: .permanent)
        }
        let article = found.article
        let level = found.level
        let toc = article.outline.tableOfContents
        let view = ArticleView(
            title: article.title,
            changedLine: t.format("changed_by", [
                "date": DisplayDate.format(article.updatedAt, t.language), "name": found.updatedByName ?? "—",
            ]),
            html: found.html, tableOfContents: toc, hasTableOfContents: !toc.isEmpty,
            backlinks: found.backlinks.map { LinkView(title: $0.title, url: Paths.article($0.slug)) },
            clients: found.clients.map { LinkView(title: $0.name, url: Paths.client($0.slug)) },
            attachments: AttachmentRow.rows(found.attachments, back: Paths.article(article.slug), canDelete: level >= .edit,
                                            language: context.language),
            canEdit: level >= .edit, canManage: level >= .manage,
            canTrash: level >= .edit && !found.isHeldForApproval,
            editURL: Paths.article(article.slug) + "/edit", deleteURL: Paths.article(article.slug) + "/delete",
            accessURL: Paths.article(article.slug) + "/access",
            historyURL: found.category.showsHistory(to: level) ? Paths.article(article.slug) + "/history" : nil,
            checklistURL: ByteSearch.contains("data-item=\"", in: found.html) ? Paths.article(article.slug) + "/checklist" : nil,
            printFooter: t.format("print_footer", ["title": article.title, "revision": String(article.revision),
                                                    "date": DisplayDate.format(article.updatedAt, t.language)]),
            isLong: article.outline.filter { $0.level == 2 }.count >= Self.longPageSections || found.html.utf8.count > Self.longPageBytes,
            wordURL: Paths.article(article.slug) + "/export.docx",
            confirmation: found.readingStatus.map { Self.confirmation($0, of: article, showsHistory: found.category.showsHistory(to: level), t: t) },
            readingURL: level >= .manage || principal.has(.acknowledgementsReport) ? Paths.article(article.slug) + "/reading" : nil,
            stewardship: Self.stewardship(found.stewardship, of: article, canManage: level >= .manage, t: t),
            comments: CommentView.threads(found.comments, t: t),
            commentAction: context.isGuest ? nil : Paths.article(article.slug) + "/comments",
            watch: context.isGuest ? nil : WatchView(.article(article.id!), watching: found.isWatching, back: Paths.article(article.slug)),
            waiting: found.waiting.map { shown in
                WaitingView(text: t.format(shown.isAuthor ? (shown.change.state == .returned ? "waiting_returned" : "waiting_mine") : "waiting_other",
                                           ["name": shown.authorName, "date": DisplayDate.format(shown.change.updatedAt, t.language)]),
                            url: "/approvals/\(shown.change.id ?? 0)")
            })
        let page = try await services.pages.page(
            view, title: article.title, request: request, context: context,
            breadcrumbs: PageBuilder.crumbs(home: t, lineage: found.lineage, last: article.title), currentCategoryId: found.category.id,
            tree: try await services.categories.tree(for: principal))
        return try services.views.render("article", page, caching: key, in: services.pageCache, generation: generation, context: context)
    }

    private static func stewardship(_ line: StewardshipService.Line, of article: Article, canManage: Bool, t: Translations) -> StewardshipView? {
        let stewardship = line.stewardship
        guard line.ownerName != nil || stewardship.reviewMonths != nil || canManage else { return nil }
        var parts: [String] = []
        if let owner = line.ownerName {
            parts.append(t.format(line.ownerIsActive ? "owner_line" : "owner_left_line", ["name": owner]))
        } else {
            parts.append(t["owner_none"])
        }
        if stewardship.reviewedById != nil {
            parts.append(t.format("reviewed_line", ["date": DisplayDate.day(stewardship.reviewedAt, t.language)]))
        }
        if let next = stewardship.nextReview, !stewardship.needsReview() {
            parts.append(t.format("next_review_line", ["date": DisplayDate.day(next, t.language)]))
        }
        return StewardshipView(
            line: parts.joined(separator: " · "), needsReview: stewardship.needsReview(),
            reviewURL: line.canMarkReviewed ? Paths.article(article.slug) + "/reviewed" : nil,
            settingsURL: canManage ? Paths.article(article.slug) + "/stewardship" : nil)
    }

    /// `showsHistory`: the reader may see what changed since the revision they confirmed.
    private static func confirmation(_ status: AcknowledgementService.Status, of article: Article, showsHistory: Bool,
                                     t: Translations) -> ConfirmationView {
        let roles = status.roles.joined(separator: ", ")
        let message = status.isConfirmed
            ? t.format("confirmed_revision", ["revision": String(status.confirmedRevision ?? status.revision),
                                               "date": DisplayDate.format(status.confirmedAt ?? Date(), t.language)])
            : t.format(status.confirmedRevision == nil ? "confirm_required" : "confirm_again",
                       ["roles": roles, "date": AcknowledgementController.due(status.due, t)])
        return ConfirmationView(
            message: message, isConfirmed: status.isConfirmed, isOverdue: status.isOverdue,
            action: Paths.article(article.slug) + "/confirm", revision: status.revision,
            diffURL: status.isConfirmed || !showsHistory ? nil : status.confirmedRevision.map {
                Paths.article(article.slug) + "/diff?from=\($0)&to=\(status.revision)"
            })
    }

    @Sendable func editForm(request: Request, context: AppRequestContext) async throws -> Response {
        let article = try await services.liveArticle(context)
        if try await services.categories.level(inCategory: article.categoryId, for: context.requirePrincipal()) < .edit {
            throw AccessDenied()
        }
        let editor = ArticleEditor(services: services, request: request, context: context)
        // The author goes on with their change waiting for approval, from where it started.
        if let mine = try await services.approvals.mine(article: article.id!, for: context.requirePrincipal()) {
            let draft = ArticleDraft(title: mine.title, slug: article.slug, categoryId: mine.categoryId, body: mine.body, summary: mine.summary)
            return try await editor.form(draft, editing: article, baseRevision: mine.baseRevision ?? article.revision, waiting: mine)
        }
        return try await editor.form(ArticleDraft(article), editing: article, baseRevision: article.revision)
    }

    @Sendable func save(request: Request, context: AppRequestContext) async throws -> Response {
        let article = try await services.liveArticle(context)
        let form = try await FormData.read(from: request)
        let draft = ArticleEditor.draft(from: form, fallbackCategory: article.categoryId)
        let base = form.integer("baseRevision").map(Int.init)
        let editor = ArticleEditor(services: services, request: request, context: context)
        let principal = try context.requirePrincipal()
        do {
            // Where changes wait for approval, this one does too; readers keep the published page.
            if try await services.approvals.holds(principal, in: [article.categoryId, draft.categoryId]) {
                try await services.approvals.submit(draft, article: article.id, baseRevision: base ?? article.revision, by: principal)
                return .redirect(to: Paths.article(article.slug) + "?notice=submitted")
            }
            let saved = try await services.articles.save(id: article.id!, draft, baseRevision: base, by: principal)
            // Written as a subtraction: the base is whatever number the form sent.
            let merged = base.map { saved.revision - 1 > $0 } ?? false
            let notice = saved.revision == article.revision ? "unchanged" : merged ? "merged" : "saved"
            return .redirect(to: Paths.article(saved.slug) + "?notice="
                + (try await unseeing(saved, before: article.body, principal) ?? Self.notice(notice, asked: draft.slug, got: saved.slug)))
        } catch let error as ValidationError {
            return try await editor.form(draft, editing: article, baseRevision: base ?? article.revision, error: error)
        } catch let exposure as MoveExposesHistory {
            return try await editor.form(draft, editing: article, baseRevision: base ?? article.revision, exposure: exposure)
        } catch let conflict as EditConflict {
            // The person's text is kept; the form now starts from the current revision, so that
            // saving again is a deliberate choice made after seeing the other change.
            return try await editor.form(draft, editing: conflict.current, baseRevision: conflict.current.revision, conflict: conflict)
        }
    }

    @Sendable func delete(request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let article = try await services.liveArticle(context)
        try await services.articles.delete(id: article.id!, by: principal)
        let category = try await services.categories.category(id: article.categoryId, for: principal)
        return .redirect(to: Paths.category(category.path) + "?notice=trashed&undo=\(article.id!)")
    }

    @Sendable func newForm(request: Request, context: AppRequestContext) async throws -> Response {
        if context.isGuest { throw NotFound() }
        let query = request.uri.queryParameters
        let title = query.get("title").map { String($0) } ?? ""
        var categoryId = Int64(request: query.get("category"), in: .filterIds)
        if categoryId == nil, !title.isEmpty { categoryId = try await linkingCategory(request, context) }
        let editor = ArticleEditor(services: services, request: request, context: context)
        // Starting from a template: its text, with the date and the author filled in.
        var draft = ArticleDraft(title: title, categoryId: categoryId ?? 0, body: "")
        let templateSlug: String? = query.get("template").map { String($0) }
        if let templateSlug {
            let template = try await services.templates.template(slug: templateSlug, for: context.requirePrincipal())
            let fill = { (text: String) in
                TemplateService.fill(text, date: DisplayDate.day(Date(), context.language), author: context.principal?.displayName ?? "")
            }
            draft.body = fill(template.body)
            if title.isEmpty { draft.title = fill(template.title) }
        }
        return try await editor.form(draft, editing: nil, baseRevision: nil, template: templateSlug)
    }

    /// A missing link's "create" starts in the category of the page the link is on: the page
    /// the browser came from (same origin only, so the referrer carries just the path here).
    private func linkingCategory(_ request: Request, _ context: AppRequestContext) async throws -> Int64? {
        guard let referrer = request.headers[.referer].flatMap(URLComponents.init(string:)), referrer.path.hasPrefix("/a/") else { return nil }
        let slug = String(referrer.path.dropFirst(3).prefix { $0 != "/" })
        guard Slug.isValid(slug), case .found(let article) = try await services.queries.article(slug: slug, for: context.requirePrincipal())
        else { return nil }
        return article.categoryId
    }

    /// Another page holds (or once held) the address asked for: the page got a free one, and says so.
    /// "Not told, as they may not see this page: …" when the text newly mentions such people.
    private func unseeing(_ article: Article, before: String, _ principal: Principal) async throws -> String? {
        let names = try await services.notifications.unseeingMentions(in: article.body, before: before, article: article.id!, by: principal)
        return names.isEmpty ? nil : "mention_unseeing&names=" + names.joined(separator: ",")
    }

    private static func notice(_ notice: String, asked: String, got: String) -> String {
        let asked = asked.trimmingCharacters(in: .whitespaces)
        return asked.isEmpty || asked == got ? notice : "address_taken"
    }

    @Sendable func create(request: Request, context: AppRequestContext) async throws -> Response {
        let form = try await FormData.read(from: request)
        let draft = ArticleEditor.draft(from: form, fallbackCategory: 0)
        let editor = ArticleEditor(services: services, request: request, context: context)
        let principal = try context.requirePrincipal()
        do {
            if try await services.approvals.holds(principal, in: [draft.categoryId]) {
                let change = try await services.approvals.submit(draft, article: nil, baseRevision: nil, by: principal)
                return .redirect(to: "/approvals/\(change.id ?? 0)?notice=submitted")
            }
            let article = try await services.articles.create(draft, by: principal)
            return .redirect(to: Paths.article(article.slug) + "?notice="
                + (try await unseeing(article, before: "", principal) ?? Self.notice("saved", asked: draft.slug, got: article.slug)))
        } catch let error as ValidationError {
            return try await editor.form(draft, editing: nil, baseRevision: nil, error: error)
        }
    }

    /// The live preview: the editor posts its text and shows the HTML fragment this returns.
    @Sendable func preview(request: Request, context: AppRequestContext) async throws -> Response {
        let form = try await FormData.read(from: request)
        do {
            let rendered = try await services.articles.preview(form["body"], article: form.integer("article"),
                                                               files: form["files"].isEmpty ? nil : form["files"], for: context.requirePrincipal())
            return Response(
                status: .ok, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
                body: .init(byteBuffer: ByteBuffer(string: rendered.html)))
        } catch let error as ValidationError {
            let message = error.fields.values.first.map { context.translations.message(for: $0) } ?? ""
            return Response(
                status: .unprocessableContent, headers: [.contentType: "text/html; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: "<p class=\"field-error\">\(message.htmlEscaped)</p>")))
        }
    }
}
