import Foundation
import Hummingbird
import LoreCore

/// An article's past: its history, each old revision rendered and raw, comparisons of any
/// two, and restoring one. Never more visible than the article itself.
struct HistoryController {
    let services: AppServices

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/a/:slug/history", use: history)
        router.get("/a/:slug/revisions/:number", use: revision)
        router.get("/a/:slug/revisions/:number/raw", use: raw)
        router.post("/a/:slug/revisions/:number/restore", use: restore)
        router.post("/a/:slug/revisions/:number/redact", use: redact)
        router.post("/a/:slug/revisions/:number/unredact", use: unredact)
        router.get("/a/:slug/diff", use: diff)
    }

    static let perPage = 50

    struct HistoryView {
        let articleTitle: String
        let articleURL: String
        let compareURL: String
        let revisions: [RevisionRow]
        let canCompare: Bool
        let newerURL: String?
        let olderURL: String?
    }

    struct RevisionView {
        let banner: String
        let summary: String
        let articleURL: String
        let rawURL: String
        let historyURL: String
        let diffURL: String?
        let restoreURL: String?
        /// For those who manage the page, on any revision but the current one.
        let redactURL: String?
        /// Says who removed the text and when; administrators also get `unredactURL`.
        let redaction: String?
        let unredactURL: String?
        let isCurrent: Bool
        let title: String
        let html: String
    }

    struct DiffPage {
        let heading: String
        let fromLine: String
        let toLine: String
        let fromURL: String
        let toURL: String
        let historyURL: String
        let titleChange: String?
        let inlineURL: String
        let sideURL: String
        let sideBySide: Bool
        let redaction: String?
        let diff: DiffView?
    }

    @Sendable func history(request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let t = context.translations
        let article = try await services.liveArticle(context)
        let page = try PageNumber.parse(request.uri.queryParameters.get("page"))
        let (revisions, total) = try await services.history.history(of: article, page: page, perPage: Self.perPage, for: principal)
        let tree = try await services.categories.tree(for: principal)
        let rows = RevisionRow.rows(revisions, categories: tree, t: t)
        let url = Paths.article(article.slug) + "/history"
        let view = HistoryView(
            articleTitle: article.title, articleURL: Paths.article(article.slug), compareURL: Paths.article(article.slug) + "/diff",
            revisions: rows, canCompare: total > 1,
            newerURL: page > 1 ? "\(url)?page=\(page - 1)" : nil,
            olderURL: Paging.hasPage(after: page, perPage: Self.perPage, total: total) ? "\(url)?page=\(page + 1)" : nil)
        let title = t.format("history_of", ["title": article.title])
        return try await render("history", view, title: title, article: article, tree: tree, request: request, context: context)
    }

    @Sendable func revision(request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let t = context.translations
        let article = try await services.liveArticle(context)
        let old = try await services.history.revision(try number(context), of: article, for: principal)
        let names = try await services.queries.userNames(Set([old.authorId] + (old.redactedById.map { [$0] } ?? [])))
        let level = try await services.categories.level(inCategory: article.categoryId, for: principal)
        let base = Paths.article(article.slug)
        let redaction = Self.redactionNote(old, names: names, t: t)
        let view = RevisionView(
            banner: t.format("revision_banner", [
                "number": String(old.number), "date": DisplayDate.format(old.createdAt, t.language), "name": names[old.authorId] ?? "—",
            ]),
            summary: old.summary, articleURL: base, rawURL: "\(base)/revisions/\(old.number)/raw", historyURL: "\(base)/history",
            diffURL: old.number > 1 ? "\(base)/diff?from=\(old.number - 1)&to=\(old.number)" : nil,
            restoreURL: level >= .edit && old.number != article.revision && !old.isRedacted ? "\(base)/revisions/\(old.number)/restore" : nil,
            redactURL: level >= .manage && old.number != article.revision && !old.isRedacted ? "\(base)/revisions/\(old.number)/redact" : nil,
            redaction: redaction,
            unredactURL: old.isRedacted && principal.isAdministrator ? "\(base)/revisions/\(old.number)/unredact" : nil,
            isCurrent: old.number == article.revision, title: old.title,
            html: old.isRedacted && !principal.isAdministrator
                ? "" : try await services.articles.preview(old.body, article: article.id, revision: old.number, for: principal).html)
        let title = t.format("revision_title", ["title": old.title, "number": String(old.number)])
        return try await render("revision", view, title: title, article: article, tree: nil, request: request, context: context)
    }

    @Sendable func raw(request: Request, context: AppRequestContext) async throws -> Response {
        let article = try await services.liveArticle(context)
        let principal = try context.requirePrincipal()
        let old = try await services.history.revision(try number(context), of: article, for: principal)
        let names = try await services.queries.userNames(Set(old.redactedById.map { [$0] } ?? []))
        let text = old.isRedacted && !principal.isAdministrator ? Self.redactionNote(old, names: names, t: context.translations) ?? "" : old.body
        // Plain text that the browser must not guess into anything else.
        return Response(
            status: .ok,
            headers: [.contentType: "text/plain; charset=utf-8", .cacheControl: "no-store", .contentDisposition: "inline"],
            body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    @Sendable func restore(request: Request, context: AppRequestContext) async throws -> Response {
        let article = try await services.liveArticle(context)
        let principal = try context.requirePrincipal()
        let restored: Article
        do {
            restored = try await services.articles.revert(id: try articleId(article), to: try number(context), by: principal)
        } catch is ApprovalRequired {
            // Bringing an old text back is a change like any other: it waits too.
            let old = try await services.history.revision(try number(context), of: article, for: principal)
            var draft = ArticleDraft(article)
            draft.title = old.title
            draft.body = old.body
            draft.summary = context.translations.format("history_restored", ["number": String(old.number)])
            try await services.approvals.submit(draft, article: article.id, baseRevision: article.revision, by: principal)
            return .redirect(to: Paths.article(article.slug) + "?notice=submitted")
        }
        let notice = restored.revision == article.revision ? "unchanged" : "restored_revision"
        return .redirect(to: Paths.article(restored.slug) + "?notice=\(notice)")
    }

    @Sendable func redact(request: Request, context: AppRequestContext) async throws -> Response {
        let article = try await services.liveArticle(context)
        let number = try number(context)
        let url = Paths.article(article.slug) + "/revisions/\(number)"
        do {
            try await services.redaction.redact(article: try articleId(article), number: number, by: context.requirePrincipal())
        } catch is RedactingTheCurrentRevision {
            return .redirect(to: url + "?notice=redact_current")
        }
        return .redirect(to: url + "?notice=redacted")
    }

    @Sendable func unredact(request: Request, context: AppRequestContext) async throws -> Response {
        let article = try await services.liveArticle(context)
        let number = try number(context)
        try await services.redaction.undo(article: try articleId(article), number: number, by: context.requirePrincipal())
        return .redirect(to: Paths.article(article.slug) + "/revisions/\(number)?notice=unredacted")
    }

    @Sendable func diff(request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let t = context.translations
        let article = try await services.liveArticle(context)
        let query = request.uri.queryParameters
        let to = try PageNumber.revision(query.get("to")) ?? article.revision
        let from = try PageNumber.revision(query.get("from")) ?? to - 1
        // Compared in the order they were written, whichever way round they were asked for.
        let older = try await services.history.revision(min(from, to), of: article, for: principal)
        let newer = try await services.history.revision(max(from, to), of: article, for: principal)
        let names = try await services.queries.userNames(Set([older.authorId, newer.authorId] + [older, newer].compactMap(\.redactedById)))
        let sideBySide = query.get("view") == "side"
        let base = Paths.article(article.slug)
        let describe = { (revision: Revision) in
            t.format("revision_line", [
                "number": String(revision.number), "date": DisplayDate.format(revision.createdAt, t.language),
                "name": names[revision.authorId] ?? "—",
            ])
        }
        let compared = "\(base)/diff?from=\(older.number)&to=\(newer.number)"
        let view = DiffPage(
            heading: t.format("diff_heading", ["title": article.title]),
            fromLine: describe(older), toLine: describe(newer),
            fromURL: "\(base)/revisions/\(older.number)", toURL: "\(base)/revisions/\(newer.number)", historyURL: "\(base)/history",
            titleChange: older.title == newer.title ? nil : t.format("diff_title_change", ["from": older.title, "to": newer.title]),
            inlineURL: compared, sideURL: compared + "&view=side", sideBySide: sideBySide,
            redaction: [older, newer].compactMap { Self.redactionNote($0, names: names, t: t) }.first,
            // A redacted text is compared by administrators only; anyone else sees the note instead.
            diff: [older, newer].contains(where: \.isRedacted) && !principal.isAdministrator
                ? nil : DiffView(TextDiff(old: older.body, new: newer.body), sideBySide: sideBySide, t: t))
        return try await render("diff", view, title: view.heading, article: article, tree: nil, request: request, context: context)
    }

    // MARK: Helpers

    /// "Text removed by … on …" for a redacted revision.
    static func redactionNote(_ revision: Revision, names: [Int64: String], t: Translations) -> String? {
        guard let at = revision.redactedAt else { return nil }
        return t.format("revision_redacted", ["number": String(revision.number), "name": revision.redactedById.flatMap { names[$0] } ?? "—",
                                              "date": DisplayDate.format(at, t.language)])
    }

    private func number(_ context: AppRequestContext) throws -> Int {
        try context.parameters.number("number", as: Int.self)
    }

    private func articleId(_ article: Article) throws -> Int64 {
        guard let id = article.id else { throw NotFound() }
        return id
    }

    private func render<View>(_ template: String, _ view: View, title: String, article: Article, tree: [CategoryNode]?,
                              request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let t = context.translations
        let category = try await services.categories.category(id: article.categoryId, for: principal)
        let lineage = try await services.categories.lineage(of: category, for: principal)
        var crumbs = PageBuilder.crumbs(home: t, lineage: lineage, last: title)
        crumbs.insert(Crumb(title: article.title, url: Paths.article(article.slug)), at: crumbs.count - 1)
        let page = try await services.pages.page(view, title: title, request: request, context: context,
                                                 breadcrumbs: crumbs, currentCategoryId: category.id, tree: tree)
        return try services.views.render(template, page)
    }
}
