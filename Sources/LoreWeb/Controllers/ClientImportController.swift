import Foundation
import Hummingbird
import LoreCore

/// Importing client cards from a spreadsheet: upload, a preview that maps columns to fields and
/// lists every problem by line and every duplicate with a choice, then an all-or-nothing import.
/// And exporting the list as the reader filtered it.
struct ClientImportController {
    let services: AppServices

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/clients/import", use: uploadForm)
        router.post("/clients/import", use: upload)
        router.post("/clients/import/check", use: check)
        // A POST: an export is an act, audited, and refused while seeing as someone else.
        router.post("/clients/export.csv", use: export)
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
        let preview = try await services.clientImport.preview(file, for: principal)
        return try await page(ImportPreviewView(preview, data: file, t: t), problem: nil,
                              status: preview.canImport ? .ok : .unprocessableContent, request: request, context: context)
    }

    /// Checks the file again with the chosen columns and decisions, or imports it.
    @Sendable func check(request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        try AccessPolicy(principal).requireClients(.clientsEdit)
        let form = try await FormData.read(from: request, limit: (ClientImport.maxBytes * 3) / 2 + (1 << 20))
        guard let data = Data(base64Encoded: form["data"]) else { throw HTTPError(.badRequest) }
        let bytes = Array(data)
        let columns = Int(request: form["columns"], in: 0...500) ?? 0
        let schema = try await services.clientQueries.schema()
        let mapping: [ClientColumn?] = (0..<columns).map { schema.column(rawValue: form["map-\($0)"]) }
        var decisions: [Int: ImportPreview.Decision] = [:]
        for line in (form["lines"].split(separator: ",").compactMap { Int(request: $0, in: .typed) }) {
            decisions[line] = ImportPreview.Decision(rawValue: form["decision-\(line)"])
        }
        if form["action"] == "import" {
            do {
                _ = try await services.clientImport.commit(bytes, mapping: mapping, decisions: decisions, for: principal)
                return .redirect(to: "/clients?sort=updated&order=desc&notice=clients_imported")
            } catch let rejected as ImportRejected {
                return try await page(ImportPreviewView(rejected.preview, data: bytes, t: context.translations), problem: nil,
                                      status: .unprocessableContent, request: request, context: context)
            }
        }
        let preview = try await services.clientImport.preview(bytes, mapping: mapping, decisions: decisions, for: principal)
        return try await page(ImportPreviewView(preview, data: bytes, t: context.translations), problem: nil,
                              status: preview.canImport ? .ok : .unprocessableContent, request: request, context: context)
    }

    /// The list as filtered, for Excel; every export is in the audit log.
    @Sendable func export(request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let query = ClientListQuery(request.uri.queryParameters, schema: try await services.clientQueries.schema())
        // Excel splits on the list separator of its locale: a semicolon where the decimal mark is a comma.
        let delimiter: Character = context.language == .ru ? ";" : ","
        let form = try await FormData.read(from: request)
        let xlsx = form["format"] == "xlsx"
        let (data, _) = try await services.clientExport.export(query.filter, format: xlsx ? .xlsx : .csv(delimiter: delimiter),
                                                               everyContact: form["rows"] == "contacts", for: principal)
        return SpreadsheetResponse.make(data, xlsx: xlsx)
    }

    struct PageView {
        let uploadAction: String
        let problem: String?
        let preview: ImportPreviewView?
    }

    private func page(_ preview: ImportPreviewView?, problem: String?, status: HTTPResponse.Status = .ok,
                      request: Request, context: AppRequestContext) async throws -> Response {
        // A file upload is not form-encoded: its CSRF token travels in the address.
        let view = PageView(uploadAction: "/clients/import?_csrf=\(context.csrfToken)", problem: problem, preview: preview)
        return try await services.renderPage("clients-import", view, title: context.translations["import_clients_title"],
                                             request: request, context: context, status: status)
    }
}
