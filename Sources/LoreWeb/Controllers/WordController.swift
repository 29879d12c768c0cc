import Foundation
import Hummingbird
import LoreCore

/// "Download as Word": the page a reader sees, as a .docx made by pandoc (see ``WordExport``).
struct WordController {
    let services: AppServices

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/a/:slug/export.docx", use: export)
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
