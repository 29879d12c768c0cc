import Foundation
import Hummingbird
import LoreCore

/// Read and confirm: the reader's button, the page's setting (which roles, how many days) for
/// its managers, and who confirmed which revision — on screen, as CSV for Excel and printed as
/// an acknowledgement sheet («лист ознакомления») — per page and per person.
struct AcknowledgementController {
    let services: AppServices

    func addRoutes(to router: Router<AppRequestContext>) {
        router.post("/a/:slug/confirm", use: confirm)
        router.get("/a/:slug/reading", use: report)
        router.post("/a/:slug/reading", use: change)
        router.get("/a/:slug/reading.csv", use: csv)
        router.get("/people/:id/reading", use: person)
    }

    /// A due date, or that the days start at the person's first sign-in.
    static func due(_ date: Date?, _ t: Translations) -> String {
        date.map { DisplayDate.day($0, t.language) } ?? t["reading_after_first_sign_in"]
    }

    @Sendable func confirm(request: Request, context: AppRequestContext) async throws -> Response {
        let article = try await services.liveArticle(context)
        let form = try await FormData.read(from: request)
        let revision = Int(request: form["revision"], in: .typed) ?? 0
        do {
            try await services.acknowledgements.acknowledge(articleId: article.id!, revision: revision, by: context.requirePrincipal())
            return .redirect(to: Paths.article(article.slug) + "?notice=confirmed")
        } catch is AcknowledgementService.PageChanged {
            return .redirect(to: Paths.article(article.slug) + "?notice=changed_since_opened")
        } catch is AccessDenied {
            return .redirect(to: Paths.article(article.slug))  // the page asks nothing of this reader: there is nothing to record
        }
    }

    struct RoleChoice {
        let id: Int64
        let name: String
        let checked: Bool
    }

    struct ReaderRow {
        let number: Int
        let name: String
        let position: String
        let department: String
        let roles: String
        let revision: String
        let confirmedAt: String
        let due: String
        let state: String
        let stateClass: String
        let personURL: String?
    }

    struct ReportView {
        let title: String
        let articleURL: String
        let action: String
        let csvURL: String
        /// The setting form, for the page's managers.
        let canChange: Bool
        let roles: [RoleChoice]
        let dueDays: String
        let fieldErrors: [String: String]
        let summary: String?
        let required: Bool
        let readers: [ReaderRow]
        let roleOptions: [Choice]
        let departmentOptions: [Choice]
        let sheetTitle: String
        let sheetLine: String
    }

    @Sendable func report(request: Request, context: AppRequestContext) async throws -> Response {
        try await page(request, context, error: nil)
    }

    /// The page's report, with the setting form; `error` and `asked` after a refused change.
    private func page(_ request: Request, _ context: AppRequestContext, error: ValidationError?, asked: AcknowledgementService.Setting? = nil)
        async throws -> Response {
        let principal = try context.requirePrincipal()
        let article = try await services.liveArticle(context)
        let t = context.translations
        let level = try await services.categories.level(inCategory: article.categoryId, for: principal)
        let canChange = level >= .manage
        guard canChange || principal.has(.acknowledgementsReport) else { throw AccessDenied() }
        let setting = canChange ? try await services.acknowledgements.setting(ofArticle: article.id!, for: principal) : nil
        let shown = asked ?? setting
        let query = request.uri.queryParameters
        let role = Int64(request: query.get("role"), in: .filterIds)
        let department = query.get("department").map { String($0) }
        let report: AcknowledgementService.Report?
        do {
            report = try await services.acknowledgements.report(ofArticle: article.id!, role: role, department: department, for: principal)
        } catch is NotFound {
            report = nil  // the page may be read (liveArticle said so): nothing is required of anyone yet
        }
        let roles = try await services.roles.roles().filter { $0.kind != .guest }
        let slug = article.slug
        let view = ReportView(
            title: t.format("reading_title", ["title": article.title]), articleURL: Paths.article(slug),
            action: Paths.article(slug) + "/reading", csvURL: Paths.article(slug) + "/reading.csv" + (request.uri.query.map { "?" + $0 } ?? ""),
            canChange: canChange,
            roles: roles.compactMap { role in role.id.map { RoleChoice(id: $0, name: t.name(of: role), checked: shown?.roleIds.contains($0) ?? false) } },
            dueDays: String(shown?.dueDays ?? AcknowledgementService.defaultDueDays),
            fieldErrors: error.map { FormErrors($0, t: t, order: ["roles", "dueDays"]).fieldErrors } ?? [:],
            summary: report.map { report in
                let confirmed = report.readers.filter { $0.state == .confirmed }.count
                let overdue = report.readers.filter { $0.state == .overdue }.count
                return t.format("reading_summary", ["roles": report.roles.joined(separator: ", "), "days": t.plural("days", report.dueDays),
                                                    "revision": String(report.sinceRevision), "confirmed": String(confirmed),
                                                    "total": String(report.readers.count), "overdue": String(overdue)])
            },
            required: report != nil,
            readers: (report?.readers ?? []).enumerated().map { index, reader in
                ReaderRow(number: index + 1, name: reader.name, position: reader.position, department: reader.department,
                          roles: reader.roles.joined(separator: ", "), revision: reader.confirmedRevision.map(String.init) ?? "—",
                          confirmedAt: reader.confirmedAt.map { DisplayDate.format($0, t.language) } ?? "—",
                          due: Self.due(reader.due, t), state: t["reading_state_\(reader.state.rawValue)"],
                          stateClass: reader.state.rawValue,
                          personURL: principal.has(.acknowledgementsReport) ? "/people/\(reader.userId)/reading" : nil)
            },
            roleOptions: Choice.options(roles.compactMap { role in role.id.map { (String($0), t.name(of: role)) } },
                                        selected: role.map(String.init) ?? "", none: t["reading_all_roles"]),
            departmentOptions: Choice.options((report?.departments ?? []).map { ($0, $0) }, selected: department ?? "",
                                              none: t["reading_all_departments"]),
            sheetTitle: t["reading_sheet"],
            sheetLine: t.format("reading_sheet_line", ["title": article.title, "revision": String(report?.sinceRevision ?? article.revision)]))
        return try await services.renderPage("reading", view, title: view.title, request: request, context: context,
                                             status: error == nil ? .ok : .unprocessableContent)
    }

    @Sendable func change(request: Request, context: AppRequestContext) async throws -> Response {
        let article = try await services.liveArticle(context)
        let form = try await FormData.read(from: request)
        let roles = try await services.roles.roles()
        let chosen = Set(roles.compactMap { role in role.id.flatMap { form["role-\($0)"] == "on" ? $0 : nil } })
        let days = Int(request: form["dueDays"], in: .typed) ?? 0
        let setting = AcknowledgementService.Setting(roleIds: chosen, dueDays: days)
        do {
            try await services.acknowledgements.require(setting, ofArticle: article.id!, by: context.requirePrincipal())
            return .redirect(to: Paths.article(article.slug) + "/reading?notice=saved")
        } catch let error as ValidationError {
            return try await page(request, context, error: error, asked: setting)
        }
    }

    /// The report as filtered, for Excel.
    @Sendable func csv(request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let article = try await services.liveArticle(context)
        let query = request.uri.queryParameters
        let report = try await services.acknowledgements.report(
            ofArticle: article.id!, role: Int64(request: query.get("role"), in: .filterIds), department: query.get("department").map { String($0) },
            for: principal)
        let t = context.translations
        let header = ["reading_name", "reading_position", "reading_department", "reading_roles", "reading_revision", "reading_confirmed_at",
                      "reading_due", "reading_state"].map { t[$0] }
        let rows = report.readers.map { reader -> [String] in
            let revision = reader.confirmedRevision.map { String($0) } ?? ""
            let confirmed = reader.confirmedAt.map { DisplayDate.format($0, t.language) } ?? ""
            return [reader.name, reader.position, reader.department, reader.roles.joined(separator: ", "), revision, confirmed,
                    Self.due(reader.due, t), t["reading_state_\(reader.state.rawValue)"]]
        }
        let data = CSVWriter.excelData(header: header, rows: rows, delimiter: t.language == .ru ? ";" : ",")
        return Response(status: .ok, headers: [
            .contentType: "text/csv; charset=utf-8",
            .contentDisposition: "attachment; filename=\"\(article.slug)-reading.csv\"",
            .cacheControl: "no-store",
        ], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    struct PersonLineView {
        let title: String
        let url: String
        let revision: String
        let confirmedAt: String
        let due: String
        let state: String
        let stateClass: String
    }

    struct PersonView {
        let title: String
        let position: String
        let lines: [PersonLineView]
    }

    /// One person's pages to confirm and where they stand: for those who report, and for the person.
    @Sendable func person(request: Request, context: AppRequestContext) async throws -> Response {
        let id = try context.parameters.number("id")
        let (user, lines) = try await services.acknowledgements.report(ofUser: id, for: context.requirePrincipal())
        let t = context.translations
        let view = PersonView(
            title: t.format("reading_person_title", ["name": user.displayName]),
            position: [user.position, user.department].filter { !$0.isEmpty }.joined(separator: " · "),
            lines: lines.map { line in
                PersonLineView(title: line.title, url: Paths.article(line.slug), revision: line.confirmedRevision.map(String.init) ?? "—",
                               confirmedAt: line.confirmedAt.map { DisplayDate.format($0, t.language) } ?? "—",
                               due: Self.due(line.due, t), state: t["reading_state_\(line.state.rawValue)"],
                               stateClass: line.state.rawValue)
            })
        return try await services.renderPage("reading-person", view, title: view.title, request: request, context: context)
    }
}
