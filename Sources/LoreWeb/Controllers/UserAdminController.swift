import Hummingbird
import LoreCore

/// Accounts, for those who manage users: invite, change roles, deactivate, reset passwords
/// through one-time links. And the link pages where people choose their password.
struct UserAdminController {
    let services: AppServices
    let accounts: UserAdministration
    /// Links are shown whole, ready to be sent: `https://wiki.example.ru/set-password/…`.
    let publicURL: String

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/admin/users", use: list)
        router.get("/admin/users/new", use: newForm)
        router.post("/admin/users/new", use: invite)
        router.get("/admin/users/:id", use: editForm)
        router.post("/admin/users/:id", use: update)
        router.post("/admin/users/:id/active", use: setActive)
        router.post("/admin/users/:id/password-link", use: passwordLink)
        router.get("/set-password/:token", use: setPasswordForm)
        router.post("/set-password/:token", use: setPassword)
    }

    struct UserRow {
        let username: String
        let displayName: String
        let roles: String
        let isActive: Bool
        let url: String
    }

    struct RoleChoice {
        let id: Int64
        let name: String
        let checked: Bool
    }

    struct UserFormView {
        let heading: String
        let action: String
        let isNew: Bool
        let username: String
        let displayName: String
        let email: String
        let position: String
        let department: String
        /// The person's pages to confirm, for those who report on them.
        let readingURL: String?
        let roles: [RoleChoice]
        let isActive: Bool
        let activeURL: String
        let linkURL: String
        let seeAsURL: String
        /// Shown once, right after it was made.
        let passwordLink: String?
        /// "The invitation went by e-mail to …", instead of the link.
        let invitationSent: String?
        /// The pages and categories the person owns, to hand over when they leave.
        let reassign: ReassignView?
        /// "Anna manages 12 client cards: hand them over", for those who supervise clients.
        let handOver: LinkView?
        let fieldErrors: [String: String]
        let errors: [FormErrors.Item]
    }

    struct ReassignView {
        let intro: String
        let action: String
        let successors: [Choice]
    }

    struct SetPasswordView {
        let intro: String
        let fieldErrors: [String: String]
        let errors: [FormErrors.Item]
    }

    static let fieldOrder = ["username", "displayName", "email", "roles", "password"]

    @Sendable func list(request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let t = context.translations
        let roles = try await roleNames(t)
        let rows = try await accounts.accounts(by: principal).map { account in
            UserRow(
                username: account.user.username, displayName: account.user.displayName,
                roles: account.roleIds.compactMap { roles[$0] }.sorted().joined(separator: ", "),
                isActive: account.user.isActive, url: "/admin/users/\(account.user.id ?? 0)")
        }
        return try await services.renderPage("admin-users", ["users": rows], title: t["users"], request: request, context: context)
    }

    @Sendable func newForm(request: Request, context: AppRequestContext) async throws -> Response {
        guard try context.requirePrincipal().has(.usersManage) else { throw NotFound() }
        return try await userForm(username: "", displayName: "", email: "", roleIds: [], editing: nil, link: nil, errors: .none,
                              request: request, context: context)
    }

    @Sendable func invite(request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        guard principal.has(.usersManage) else { throw NotFound() }
        let form = try await FormData.read(from: request)
        let roleIds = try await chosenRoles(form)
        do {
            let (user, token) = try await accounts.create(
                username: form["username"], displayName: form["displayName"], email: form["email"], password: .link,
                roleIds: roleIds, by: principal)
            let account = try await accounts.account(id: user.id!, by: principal)
            let sent = token == nil ? context.translations.format("invitation_sent", ["email": user.email ?? ""]) : nil
            return try await userForm(username: user.username, displayName: user.displayName, email: user.email ?? "",
                                  roleIds: account.roleIds, editing: user, link: token, invitationSent: sent, errors: .none,
                                  request: request, context: context)
        } catch let error as ValidationError {
            return try await userForm(username: form["username"], displayName: form["displayName"], email: form["email"], roleIds: roleIds,
                                  editing: nil, link: nil, errors: FormErrors(error, t: context.translations, order: Self.fieldOrder),
                                  request: request, context: context)
        }
    }

    @Sendable func editForm(request: Request, context: AppRequestContext) async throws -> Response {
        let account = try await accounts.account(id: context.parameters.number("id"), by: context.requirePrincipal())
        return try await userForm(username: account.user.username, displayName: account.user.displayName, email: account.user.email ?? "",
                              roleIds: account.roleIds, editing: account.user, link: nil, errors: .none, request: request, context: context)
    }

    @Sendable func update(request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let account = try await accounts.account(id: context.parameters.number("id"), by: principal)
        let form = try await FormData.read(from: request)
        let roleIds = try await chosenRoles(form)
        do {
            try await accounts.update(id: account.user.id!, displayName: form["displayName"], email: form["email"], roleIds: roleIds,
                                      position: form["position"], department: form["department"], by: principal)
            return .redirect(to: "/admin/users?notice=saved")
        } catch let error as ValidationError {
            return try await userForm(username: account.user.username, displayName: form["displayName"], email: form["email"], roleIds: roleIds,
                                  editing: account.user, link: nil, errors: FormErrors(error, t: context.translations, order: Self.fieldOrder),
                                  profile: (form["position"], form["department"]), request: request, context: context)
        }
    }

    @Sendable func setActive(request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let id = try context.parameters.number("id")
        let form = try await FormData.read(from: request)
        try await accounts.setActive(form["active"] == "1", id: id, by: principal)
        return .redirect(to: "/admin/users/\(id)?notice=saved")
    }

    @Sendable func passwordLink(request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let account = try await accounts.account(id: context.parameters.number("id"), by: principal)
        let token = try await accounts.issuePasswordLink(id: account.user.id!, by: principal)
        return try await userForm(username: account.user.username, displayName: account.user.displayName, email: account.user.email ?? "",
                              roleIds: account.roleIds, editing: account.user, link: token, errors: .none, request: request, context: context)
    }

    @Sendable func setPasswordForm(request: Request, context: AppRequestContext) async throws -> Response {
        guard let owner = try await accounts.linkOwner(token: context.parameters.require("token")) else { throw NotFound() }
        return try await passwordPage(owner.username, errors: .none, request: request, context: context)
    }

    @Sendable func setPassword(request: Request, context: AppRequestContext) async throws -> Response {
        let token = try context.parameters.require("token")
        let form = try await FormData.read(from: request)
        do {
            _ = try await accounts.redeem(token: token, password: form["password"], address: context.clientAddress)
            return .redirect(to: "/login?notice=password_set")
        } catch let error as ValidationError {
            guard let owner = try await accounts.linkOwner(token: token) else { throw NotFound() }
            return try await passwordPage(owner.username, errors: FormErrors(error, t: context.translations, order: Self.fieldOrder),
                                          request: request, context: context)
        }
    }

    // MARK: Helpers

    /// `profile`: the position and department as typed; the account's own when nil.
    private func userForm(
        username: String, displayName: String, email: String, roleIds: Set<Int64>, editing: User?, link: String?,
        invitationSent: String? = nil, errors: FormErrors, profile: (position: String, department: String)? = nil, request: Request, context: AppRequestContext
    ) async throws -> Response {
        let t = context.translations
        let roles = try await services.roles.roles().filter { $0.kind != .employee && $0.kind != .guest }
        let base = editing.map { "/admin/users/\($0.id ?? 0)" } ?? ""
        let view = UserFormView(
            heading: editing.map { $0.displayName } ?? t["invite_user"], action: editing == nil ? "/admin/users/new" : base,
            isNew: editing == nil, username: username, displayName: displayName, email: email,
            position: profile?.position ?? editing?.position ?? "", department: profile?.department ?? editing?.department ?? "",
            readingURL: try context.requirePrincipal().has(.acknowledgementsReport) ? editing.map { "/people/\($0.id ?? 0)/reading" } : nil,
            roles: roles.compactMap { role in role.id.map { RoleChoice(id: $0, name: t.name(of: role), checked: roleIds.contains($0)) } },
            isActive: editing?.isActive ?? true, activeURL: base + "/active", linkURL: base + "/password-link", seeAsURL: base + "/see-as",
            passwordLink: link.map { publicURL + "/set-password/\($0)" }, invitationSent: invitationSent,
            reassign: try await reassignView(editing, try context.requirePrincipal(), t),
            handOver: try await handOverLink(editing, try context.requirePrincipal(), t),
            fieldErrors: errors.fieldErrors, errors: errors.errors)
        return try await services.renderPage("admin-user", view, title: view.heading, request: request, context: context,
                                status: errors.errors.isEmpty ? .ok : .unprocessableContent)
    }

    private func handOverLink(_ user: User?, _ principal: Principal, _ t: Translations) async throws -> LinkView? {
        guard let user, let id = user.id, principal.has(.clientsSupervise) else { return nil }
        let count = try await services.clients.managedCount(of: id)
        guard count > 0 else { return nil }
        return LinkView(title: t.format("hand_over_offer", ["name": user.displayName, "n": String(count)]), url: "/clients/hand-over?from=\(id)")
    }

    private func reassignView(_ user: User?, _ principal: Principal, _ t: Translations) async throws -> ReassignView? {
        guard let user, let id = user.id else { return nil }
        let owned = try await services.stewardship.ownedCount(of: id)
        guard owned > 0 else { return nil }
        let successors = try await accounts.accounts(by: principal).map(\.user).filter { $0.isActive && $0.id != id }
        return ReassignView(
            intro: t.format("reassign_intro", ["name": user.displayName, "count": String(owned)]),
            action: "/admin/users/\(id)/reassign",
            successors: Choice.options(successors.compactMap { other in other.id.map { (String($0), other.displayName) } }, selected: "",
                                       none: "—"))
    }

    private func passwordPage(_ username: String, errors: FormErrors, request: Request, context: AppRequestContext) async throws -> Response {
        let view = SetPasswordView(
            intro: context.translations.format("set_password_intro", ["username": username]),
            fieldErrors: errors.fieldErrors, errors: errors.errors)
        let page = try await services.pages.page(view, title: context.translations["choose_password"], request: request, context: context)
        return try services.views.render("set-password", page, status: errors.errors.isEmpty ? .ok : .unprocessableContent)
    }

    private func chosenRoles(_ form: FormData) async throws -> Set<Int64> {
        Set(try await services.roles.roles().compactMap { role in role.id.flatMap { form["role-\($0)"] == "on" ? $0 : nil } })
    }

    private func roleNames(_ t: Translations) async throws -> [Int64: String] {
        Dictionary(uniqueKeysWithValues: try await services.roles.roles().compactMap { role in role.id.map { ($0, t.name(of: role)) } })
    }
}
