import Foundation
import Hummingbird
import LoreCore

/// Word in and out with pandoc: "Import from Word" turns a .docx or .odt into a new page in the
/// editor (see ``WordImport``); "Download as Word" gives the page a reader sees as a .docx (see
/// ``WordExport``).
struct WordController {
    let services: AppServices

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/a/:slug/export.docx", use: export)
        router.post("/new/import", use: importDocument)
    }

    /// The document's page in the new-page editor, not yet saved; a file that is not a readable
    /// document comes back to the same form with the reason.
    @Sendable func importDocument(request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        if context.isGuest { throw NotFound() }
        let t = context.translations
        let editor = ArticleEditor(services: services, request: request, context: context)
        let form: MultipartForm
        do {
            form = try await MultipartForm.read(from: request, limit: WordImport.maxBytes + 64 << 10)
        } catch let error as HTTPError where error.status == .contentTooLarge {
            return try await editor.form(ArticleDraft(title: "", categoryId: 0, body: ""), editing: nil, baseRevision: nil,
                                         importProblem: t.format("word_import_too_large", ["size": "\(WordImport.maxBytes >> 20) MiB"]))
        }
        let empty = ArticleDraft(title: "", categoryId: Int64(request: form["category"], in: .ids) ?? 0, body: "")
        guard let file = form.file("file"), !file.data.isEmpty else {
            return try await editor.form(empty, editing: nil, baseRevision: nil, importProblem: t["word_import_no_file"])
        }
        do {
            let page = try await services.wordImport.page(from: file.data, fileName: file.filename ?? "", by: principal)
            var draft = empty
            draft.title = page.title
            draft.body = page.body
            draft.files = page.files
            return try await editor.form(draft, editing: nil, baseRevision: nil, imported: file.filename)
        } catch is WordImport.Unreadable {
            return try await editor.form(empty, editing: nil, baseRevision: nil, importProblem: t["word_import_unreadable"])
        } catch let failed as Pandoc.Failed {
            let problem = switch failed.reason {
            case .missing: t["word_import_missing"]
            case .tookTooLong, .refused: t["word_import_failed"]
            }
            return try await editor.form(empty, editing: nil, baseRevision: nil, importProblem: problem)
        } catch let error as ValidationError {
            return try await editor.form(empty, editing: nil, baseRevision: nil,
                                         importProblem: error.fields.values.first.map { t.message(for: $0) } ?? t["word_import_failed"])
        }
    }

    @Sendable func export(request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        guard case .page(let page) = try await services.queries.page(slug: try context.parameters.require("slug"), for: principal) else {
            throw NotFound()
        }
        var images: [String: URL] = [:]
        for listed in page.attachments where listed.attachment.isInlineImage {
            guard let id = listed.attachment.id else { continue }
            images[Paths.file(id: id, name: listed.attachment.name)] = services.attachments.store.path(of: listed.attachment.digest)
        }
        let t = context.translations
        do {
            let document = try await WordExport.document(title: page.article.title, html: page.html, images: images)
            let name = page.article.slug + ".docx"
            return Response(status: .ok, headers: [
                .contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                .contentDisposition: "attachment; filename=\"\(name)\"",
                .cacheControl: "no-store",
            ], body: .init(byteBuffer: ByteBuffer(bytes: document)))
        } catch let failed as Pandoc.Failed {
            let message = switch failed.reason {
            case .missing: t["word_missing"]
            case .tookTooLong, .refused: t["word_failed"]
            }
            throw HTTPError(.serviceUnavailable, message: message)
        }
    }
}
