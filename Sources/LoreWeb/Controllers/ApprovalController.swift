import Foundation
import Hummingbird
import LoreCore

/// Approval before publishing: the queue of changes waiting (for approvers) and one's own, a
/// change with what it changes, approving or returning it, the author changing and sending it
/// again, and a category's rule for its managers.
struct ApprovalController {
    let services: AppServices

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/approvals", use: list)
        router.get("/approvals/:id", use: show)
        router.post("/approvals/:id", use: resubmit)
        router.post("/approvals/:id/approve", use: approve)
        router.post("/approvals/:id/return", use: giveBack)
        router.post("/approvals/:id/withdraw", use: withdraw)
        router.get("/categories/:id/approval", use: settingForm)
        router.post("/categories/:id/approval", use: settingSave)
    }

    struct ChangeRow {
        let title: String
        let url: String
        let author: String
        let date: String
        let state: String
        let isNew: Bool
    }

    struct ListView {
        let toApprove: [ChangeRow]
        let mine: [ChangeRow]
    }

    @Sendable func list(request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        if context.isGuest { throw NotFound() }
        let t = context.translations
        let (toApprove, mine) = try await services.approvals.changes(for: principal)
        let rows = { (list: [ApprovalService.Shown]) in list.map { Self.row($0, t) } }
        return try await services.renderPage("approvals", ListView(toApprove: rows(toApprove), mine: rows(mine)), title: t["approvals"],
                                             request: request, context: context)
    }

    static func row(_ shown: ApprovalService.Shown, _ t: Translations) -> ChangeRow {
        ChangeRow(title: shown.change.title, url: "/approvals/\(shown.change.id ?? 0)", author: shown.authorName,
                  date: DisplayDate.format(shown.change.updatedAt, t.language), state: t["approval_state_\(shown.change.state.rawValue)"],
                  isNew: shown.change.articleId == nil)
    }

    struct ChangeView {
        let title: String
        let changeTitle: String
        let intro: String
        let articleURL: String?
        let comment: String?
        let diff: DiffView
        let canApprove: Bool
        let isAuthor: Bool
        let isPending: Bool
        let action: String
        let approveURL: String
        let returnURL: String
        let withdrawURL: String
        let body: String
        let summary: String
        let fieldErrors: [String: String]
        let errors: [FormErrors.Item]
    }

    @Sendable func show(request: Request, context: AppRequestContext) async throws -> Response {
        try await page(request, context, error: nil)
    }

    /// The change and what it changes; `error` after a refused action, with what was typed in `typed`.
    private func page(_ request: Request, _ context: AppRequestContext, error: ValidationError?, typed: PendingChange? = nil,
                      status: HTTPResponse.Status? = nil) async throws -> Response {
        let id = try context.parameters.number("id")
        let shown = try await services.approvals.change(id: id, for: context.requirePrincipal())
        let t = context.translations
        let change = typed ?? shown.change
        let base = "/approvals/\(id)"
        let errors = error.map { FormErrors($0, t: t, order: ["title", "body", "summary", "comment"]) } ?? .none
        let view = ChangeView(
            title: t.format("approval_title", ["title": change.title]), changeTitle: change.title,
            intro: t.format(shown.change.articleId == nil ? "approval_intro_new" : "approval_intro",
                            ["name": shown.authorName, "date": DisplayDate.format(shown.change.updatedAt, t.language)]),
            articleURL: shown.article.map { Paths.article($0.slug) },
            comment: shown.change.state == .returned && !shown.change.comment.isEmpty ? shown.change.comment : nil,
            diff: DiffView(TextDiff(old: shown.article?.body ?? "", new: change.body), sideBySide: false, t: t),
            canApprove: shown.canApprove, isAuthor: shown.isAuthor, isPending: shown.change.state == .pending,
            action: base, approveURL: base + "/approve", returnURL: base + "/return", withdrawURL: base + "/withdraw",
            body: change.body, summary: change.summary, fieldErrors: errors.fieldErrors, errors: errors.errors)
        return try await services.renderPage("approval", view, title: view.title, request: request, context: context,
                                             status: status ?? (error == nil ? .ok : .unprocessableContent))
    }

    /// The author changes their text and sends it again.
    @Sendable func resubmit(request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let id = try context.parameters.number("id")
        let shown = try await services.approvals.change(id: id, for: principal)
        guard shown.isAuthor else { throw AccessDenied() }
        let form = try await FormData.read(from: request)
        var typed = shown.change
        typed.title = form["title"]
        typed.body = form["body"]
        typed.summary = form["summary"]
        let draft = ArticleDraft(title: typed.title, slug: typed.slug, categoryId: typed.categoryId, body: typed.body, summary: typed.summary)
        do {
            try await services.approvals.submit(draft, article: typed.articleId, baseRevision: typed.baseRevision, by: principal)
            return .redirect(to: "/approvals/\(id)?notice=submitted")
        } catch let error as ValidationError {
            return try await page(request, context, error: error, typed: typed)
        }
    }

    @Sendable func approve(request: Request, context: AppRequestContext) async throws -> Response {
        let id = try context.parameters.number("id")
        do {
            let article = try await services.approvals.approve(id: id, by: context.requirePrincipal())
            return .redirect(to: Paths.article(article.slug) + "?notice=approved")
        } catch is EditConflict {
            // Someone changed the same lines since: the author resolves it.
            return try await page(request, context, error: ValidationError(field: "body", .unresolvedConflict), status: .conflict)
        } catch let error as ValidationError {
            return try await page(request, context, error: error)
        }
    }

    @Sendable func giveBack(request: Request, context: AppRequestContext) async throws -> Response {
        let id = try context.parameters.number("id")
        let form = try await FormData.read(from: request)
        do {
            try await services.approvals.returnToAuthor(id: id, comment: form["comment"], by: context.requirePrincipal())
            return .redirect(to: "/approvals?notice=returned")
        } catch let error as ValidationError {
            return try await page(request, context, error: error)
        }
    }

    @Sendable func withdraw(request: Request, context: AppRequestContext) async throws -> Response {
        try await services.approvals.withdraw(id: context.parameters.number("id"), by: context.requirePrincipal())
        return .redirect(to: "/approvals?notice=withdrawn")
    }

    // MARK: The category's rule

    struct SettingView {
        let heading: String
        let now: String
        let action: String
        let back: String
        let modes: [Choice]
        let approvers: [Choice]
    }

    @Sendable func settingForm(request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let category = try await services.categories.category(id: context.parameters.number("id"), for: principal)
        let (own, applying) = try await services.approvals.setting(ofCategory: category.id!, for: principal)
        let t = context.translations
        let roles = try await services.roles.roles().filter { $0.kind != .guest }
        let roleNames = Dictionary(uniqueKeysWithValues: roles.compactMap { role in role.id.map { ($0, t.name(of: role)) } })
        let now = applying.map { rule in
            rule.required ? t.format("approval_now_required", ["approvers": rule.approverRoleId.flatMap { roleNames[$0] } ?? t["approval_managers"]])
                : t["approval_now_free"]
        } ?? t["approval_now_free"]
        let view = SettingView(
            heading: t.format("approval_setting_title", ["title": category.title]), now: now,
            action: "/categories/\(category.id!)/approval", back: Paths.category(category.path),
            modes: Choice.options(ApprovalService.Setting.Mode.self, prefix: "approval_mode", selected: own.mode.rawValue, t: t),
            approvers: Choice.options(roles.compactMap { role in role.id.map { (String($0), t.name(of: role)) } },
                                      selected: own.approverRoleId.map(String.init) ?? "", none: t["approval_managers"]))
        return try await services.renderPage("approval-setting", view, title: view.heading, request: request, context: context)
    }

    @Sendable func settingSave(request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let category = try await services.categories.category(id: context.parameters.number("id"), for: principal)
        let form = try await FormData.read(from: request)
        guard let mode = ApprovalService.Setting.Mode(rawValue: form["mode"]) else { throw HTTPError(.badRequest) }
        try await services.approvals.set(.init(mode: mode, approverRoleId: form.integer("approvers")), ofCategory: category.id!, by: principal)
        return .redirect(to: Paths.category(category.path) + "?notice=saved")
    }
}
