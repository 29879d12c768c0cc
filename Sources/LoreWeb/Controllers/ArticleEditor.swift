import Hummingbird
import LoreCore

/// Draws the article form: for a new article, an edit, or a failed save with the person's text kept.
struct ArticleEditor {
    let services: AppServices
    let request: Request
    let context: AppRequestContext

    static let fieldOrder = ["title", "category", "slug", "body", "summary"]

    struct ClashView {
        let mine: String
        let theirs: String
    }

    struct ConflictView {
        let url: String
        let intro: String
        let theirTitle: String?
        let clashes: [ClashView]
        /// What the other person changed, from the revision this edit started from.
        let theirChange: DiffView?
        /// The person's text exactly as they sent it.
        let yours: String
    }

    struct HistoryChoiceView {
        let heading: String
        let message: String
        let keep: String
        let show: String
    }

    struct FormView {
        let heading: String
        let action: String
        let baseRevision: String
        let title: String
        let slug: String
        let body: String
        let summary: String
        let isMinor: Bool
        let previewHTML: String
        let categoryOptions: String
        let fieldErrors: [String: String]
        let errors: [FormErrors.Item]
        let conflict: ConflictView?
        /// The save would move the article where its earlier revisions reach new people: keep them restricted?
        let historyChoice: HistoryChoiceView?
        let cancelURL: String
        let articleId: String
        /// For a new page: the ``DraftFolder`` its files wait in until it is saved.
        let files: String
        let uploadURL: String
        let insertInto: String
        let attachments: [AttachmentRow]
        /// For a new page: the templates to start from, and the placeholders left to fill in.
        let templates: [TemplateLink]
        let placeholders: String?
        /// "Import from Word", on a new page.
        let wordImport: WordImportView?
        /// The page asks readers to confirm it: the editor may ask them again.
        /// The author's change to this page waiting for approval, which this text continues.
        let waitingURL: String?
        let waitingComment: String?
        let asksReaders: Bool
        let confirmAgain: Bool
        /// A new page that arrives with text (from Word, a template, a link to a missing page, a
        /// failed save): the browser's copy of older unsaved text is not offered over it.
        let fresh: Bool
    }

    struct WordImportView {
        let action: String
        let category: String
        let available: Bool
        let problem: String?
        /// After an import: which document the page came from.
        let imported: String?
    }

    struct TemplateLink {
        let title: String
        let url: String
        let chosen: Bool
    }

    static func draft(from form: FormData, fallbackCategory: Int64) -> ArticleDraft {
        var draft = ArticleDraft(
            title: form["title"], slug: form["slug"], categoryId: form.integer("category") ?? fallbackCategory,
            body: form["body"], summary: form["summary"], isMinor: form["minor"] == "on",
            historyOnMove: ["keep": .keepRestricted, "show": .show][form["history"]],
            files: form["files"].isEmpty ? nil : form["files"])
        draft.asksToConfirmAgain = form["confirmAgain"] == "on"
        return draft
    }

    func form(
        _ draft: ArticleDraft, editing article: Article?, baseRevision: Int?,
        error: ValidationError? = nil, conflict: EditConflict? = nil, exposure: MoveExposesHistory? = nil, template: String? = nil,
        importProblem: String? = nil, imported: String? = nil, waiting: PendingChange? = nil
    ) async throws -> Response {
        // After a clash the editor holds the merged text with both versions at each clash.
        var draft = draft
        let yours = draft.body
        if let conflict { draft.body = conflict.body }
        let principal = try context.requirePrincipal()
        let t = context.translations
        let tree = try await services.categories.tree(for: principal)
        let levels = try await services.categories.levels(for: principal)
        let errors = error.map { FormErrors($0, t: t, order: Self.fieldOrder) } ?? .none
        let heading = article.map { t.format("edit_article_heading", ["title": $0.title]) } ?? t["new_article_heading"]
        // The preview is rendered on the server for the first paint, so it works without script.
        // A new page's files wait in a folder of the writer's, named here and kept by the form.
        if article == nil, draft.files == nil { draft.files = SecretToken.random() }
        let owner: AttachmentOwner = article.map { .article(slug: $0.slug) } ?? .draft(key: draft.files ?? "")
        var asksReaders = false
        if let article { asksReaders = !(try await services.queries.personalParts(ofArticle: article.slug)).askedRoles.isEmpty }
        let previewHTML = (try? await services.articles.preview(draft.body, article: article?.id, files: draft.files, for: principal).html) ?? ""
        let files: [AttachmentService.Listed]
        do { files = try await services.attachments.attachments(of: owner, for: principal) } catch is NotFound { files = [] }
        let view = FormView(
            heading: heading,
            action: article.map { Paths.article($0.slug) + "/edit" } ?? "/new",
            baseRevision: baseRevision.map(String.init) ?? "",
            title: draft.title, slug: draft.slug, body: draft.body, summary: draft.summary, isMinor: draft.isMinor, previewHTML: previewHTML,
            categoryOptions: CategoryOption.options(tree, selected: draft.categoryId) { (levels[$0] ?? .none) >= .edit },
            fieldErrors: errors.fieldErrors, errors: errors.errors,
            conflict: conflict.map { Self.conflictView($0, yours: yours, t: t) },
            historyChoice: exposure.map { exposure in
                HistoryChoiceView(
                    heading: t["history_on_move_heading"],
                    message: t.format("history_on_move", ["revisions": t.plural("earlier_revisions", exposure.revisions),
                                                          "roles": exposure.roles.joined(separator: ", ")]),
                    keep: t["history_on_move_keep"], show: t["history_on_move_show"])
            },
            cancelURL: article.map { Paths.article($0.slug) } ?? "/",
            articleId: article?.id.map(String.init) ?? "",
            files: article == nil ? draft.files ?? "" : "",
            uploadURL: article.map { Paths.article($0.slug) + "/files" } ?? "/drafts/\(draft.files ?? "")/files",
            insertInto: "body",
            attachments: AttachmentRow.rows(files, back: article.map { Paths.article($0.slug) + "/edit" } ?? "/new", canDelete: true,
                                            insertable: true, language: context.language),
            templates: article != nil ? [] : try await services.templates.templates(forCategory: draft.categoryId, for: principal).map { found in
                TemplateLink(title: found.title, url: "/new?category=\(draft.categoryId)&template=\(found.slug)", chosen: found.slug == template)
            },
            placeholders: Self.placeholdersNote(article == nil ? TemplateService.placeholders(in: draft.title + "\n" + draft.body) : [], t),
            wordImport: article != nil ? nil : WordImportView(
                action: "/new/import?_csrf=\(context.csrfToken)", category: String(draft.categoryId), available: Pandoc.executable != nil, problem: importProblem,
                imported: imported.map { t.format("word_imported", ["name": $0]) }),
            waitingURL: waiting.map { "/approvals/\($0.id ?? 0)" },
            waitingComment: waiting.flatMap { $0.state == .returned && !$0.comment.isEmpty ? $0.comment : nil },
            asksReaders: asksReaders,
            confirmAgain: draft.asksToConfirmAgain,
            fresh: article == nil && !(draft.title.isEmpty && draft.body.isEmpty))
        let lineage: [Category]
        if let category = try? await services.categories.category(id: draft.categoryId, for: principal) {
            lineage = try await services.categories.lineage(of: category, for: principal)
        } else {
            lineage = []
        }
        let page = try await services.pages.page(
            view, title: heading, request: request, context: context,
            breadcrumbs: PageBuilder.crumbs(home: t, lineage: lineage, last: heading), tree: tree)
        let failed = error != nil || conflict != nil || exposure != nil || importProblem != nil
        return try services.views.render("article-form", page, status: failed ? (conflict != nil ? .conflict : .unprocessableContent) : .ok)
    }

    /// "Fill in: employee name, start date" while a new page still has a template's placeholders.
    private static func placeholdersNote(_ names: [String], _ t: Translations) -> String? {
        names.isEmpty ? nil : t.format("template_fill_in", ["names": names.map { "{{\($0)}}" }.joined(separator: ", ")])
    }

    private static func conflictView(_ conflict: EditConflict, yours: String, t: Translations) -> ConflictView {
        let current = conflict.current
        return ConflictView(
            url: Paths.article(current.slug),
            intro: t.format(conflict.clashes.isEmpty && conflict.base != nil ? "edit_conflict_fields" : "edit_conflict",
                            ["number": String(current.revision)]),
            theirTitle: conflict.theirTitle,
            clashes: conflict.clashes.map { ClashView(mine: $0.mine, theirs: $0.theirs) },
            theirChange: conflict.base.map { DiffView(TextDiff(old: $0.body, new: current.body), sideBySide: false, t: t) },
            yours: yours)
    }
}
