import Foundation
import Hummingbird
import LoreCore

/// Purchases from a spreadsheet for many cards at once: upload, a preview that names the card
/// each row goes to and every problem by line, then an all-or-nothing import.
struct PurchaseImportController {
    let services: AppServices

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/clients/purchases/import", use: uploadForm)
        router.post("/clients/purchases/import", use: upload)
        router.post("/clients/purchases/import/commit", use: commit)
    }

    struct Row {
        let line: Int
        let client: String
        let url: String?
        let problems: [String]
        let alreadyLogged: Bool
    }

    struct PreviewView {
        let data: String
        let summary: String
        let problems: [String]
        let rows: [Row]
        let canImport: Bool
    }

    struct PageView {
        let uploadAction: String
        let problem: String?
        let preview: PreviewView?
    }

    @Sendable func uploadForm(request: Request, context: AppRequestContext) async throws -> Response {
        try AccessPolicy(context.requirePrincipal()).requireClients(.clientsEdit)
        return try await page(nil, problem: nil, request: request, context: context)
    }

    @Sendable func upload(request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        try AccessPolicy(principal).requireClients(.clientsEdit)
        let t = context.translations
        let file: [UInt8]
        switch try await SpreadsheetUpload.read(request, t: t) {
        case .success(let data): file = data
        case .failure(let refused): return try await page(nil, problem: refused.message, status: refused.status, request: request, context: context)
        }
        let preview = try await PurchaseImport(database: services.database).preview(file, for: principal)
        return try await page(Self.view(preview, data: file, t: t), problem: nil, status: preview.canImport ? .ok : .unprocessableContent,
                              request: request, context: context)
    }

    @Sendable func commit(request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        try AccessPolicy(principal).requireClients(.clientsEdit)
        let form = try await FormData.read(from: request, limit: (ClientImport.maxBytes * 3) / 2 + (1 << 20))
        guard let data = Data(base64Encoded: form["data"]) else { throw HTTPError(.badRequest) }
        do {
            let (added, skipped) = try await PurchaseImport(database: services.database).commit(Array(data), for: principal)
            return .redirect(to: "/clients?notice=purchases_imported&n=\(added)&skipped=\(skipped)")
        } catch let rejected as PurchaseImportRejected {
            return try await page(Self.view(rejected.preview, data: Array(data), t: context.translations), problem: nil,
                                  status: .unprocessableContent, request: request, context: context)
        }
    }

    private static func view(_ preview: PurchaseImport.Preview, data: [UInt8], t: Translations) -> PreviewView {
        func label(_ column: PurchaseImport.Column) -> String { t["purchase_column_\(column.rawValue)"] }
        let fileProblems = preview.fileProblems.map { ImportPreviewView.message(for: $0, .builtIn, t) } + preview.missing.map { t.format("purchases_import_missing", ["column": label($0)]) }
        let shown = preview.rows.filter { !$0.problems.isEmpty || $0.alreadyLogged }.prefix(ImportPreviewView.shownRows)
        return PreviewView(
            data: Data(data).base64EncodedString(),
            summary: t.format("purchases_import_summary", [
                "rows": String(preview.rows.count), "cards": String(Set(preview.rows.compactMap(\.slug)).count),
                "logged": String(preview.rows.filter(\.alreadyLogged).count), "encoding": preview.encoding.rawValue,
            ]),
            problems: fileProblems + (preview.problemCount > fileProblems.count ? [t.plural("import_problems", preview.problemCount)] : []),
            rows: shown.map { row in
                Row(line: row.line, client: row.client, url: row.slug.map(Paths.client),
                    problems: row.problems.sorted { $0.key.rawValue < $1.key.rawValue }.map { column, problem in
                        // A client or INN not found is no card of theirs, not a vanished choice.
                        let message = (column == .client || column == .inn) && problem == .notFound ? t["purchases_import_no_card"] : t.message(for: problem)
                        return "\(label(column)): \(message)"
                    },
                    alreadyLogged: row.alreadyLogged)
            },
            canImport: preview.canImport)
    }

    private func page(_ preview: PreviewView?, problem: String?, status: HTTPResponse.Status = .ok,
                      request: Request, context: AppRequestContext) async throws -> Response {
        // A file upload is not form-encoded: its CSRF token travels in the address.
        let view = PageView(uploadAction: "/clients/purchases/import?_csrf=\(context.csrfToken)", problem: problem, preview: preview)
        return try await services.renderPage("purchases-import", view, title: context.translations["purchases_import_title"],
                                             request: request, context: context, status: status)
    }
}
