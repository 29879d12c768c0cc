import Foundation
import Hummingbird
import LoreCore
import NIOCore

/// Uploading, serving and deleting attachments. Uploads stream to disk; downloads check the
/// owner's rights (the same 404 as the page when it is hidden), never render anything but
/// checked raster images inline, and support ETags and byte ranges for large files.
struct FileController {
    let services: AppServices
    let attachments: AttachmentService

    func addRoutes(to router: Router<AppRequestContext>) {
        router.post("/a/:slug/files", use: uploadToArticle)
        router.post("/clients/:slug/files", use: uploadToClient)
        router.post("/drafts/:key/files", use: uploadToDraft)
        router.get("/files/:id/:name", use: serve)
        router.post("/files/:id/delete", use: delete)
    }

    struct Uploaded: Encodable {
        let id: Int64
        let name: String
        let url: String
        let isImage: Bool
        /// What to put in the Markdown.
        let markdown: String
    }

    struct Problem: Encodable {
        let error: String
    }

    @Sendable func uploadToArticle(request: Request, context: AppRequestContext) async throws -> Response {
        try await upload(request, context, to: .article(slug: context.parameters.require("slug")))
    }

    @Sendable func uploadToClient(request: Request, context: AppRequestContext) async throws -> Response {
        try await upload(request, context, to: .client(slug: context.parameters.require("slug")))
    }

    /// A file for a page not yet saved (see ``DraftFolder``).
    @Sendable func uploadToDraft(request: Request, context: AppRequestContext) async throws -> Response {
        try await upload(request, context, to: .draft(key: context.parameters.require("key")))
    }

    /// The body is the file itself and `?name=` its name (sent by the page's script, which
    /// shows the progress): it goes to disk as it arrives.
    private func upload(_ request: Request, _ context: AppRequestContext, to owner: AttachmentOwner) async throws -> Response {
        let principal = try context.requirePrincipal()
        let t = context.translations
        let name = FormData.query(of: request)["name"]
        let chunks = request.body.map { Array($0.readableBytesView) }
        do {
            let attachment = try await attachments.upload(chunks, name: name, to: owner, by: principal)
            let url = Self.url(of: attachment)
            return try Response.json(Uploaded(id: attachment.id ?? 0, name: attachment.name, url: url, isImage: attachment.isInlineImage,
                                          markdown: attachment.markdown), status: .created)
        } catch let tooLarge as FileStore.TooLarge {
            return try Response.json(Problem(error: t.format("upload_too_large", ["size": "\(tooLarge.limit >> 20) MiB"])), status: .contentTooLarge)
        } catch is ValidationError {
            return try Response.json(Problem(error: t["upload_empty"]), status: .unprocessableContent)
        }
    }

    @Sendable func serve(request: Request, context: AppRequestContext) async throws -> Response {
        let (attachment, path) = try await attachments.file(id: context.parameters.number("id"), for: context.requirePrincipal())
        let etag = "\"\(attachment.digest)\""
        var headers: HTTPFields = [
            .contentType: attachment.contentType,
            .contentDisposition: Self.disposition(attachment),
            .eTag: etag,
            .cacheControl: "private, no-cache",
            .acceptRanges: "bytes",
            // Even a file opened directly can run nothing and load nothing.
            .contentSecurityPolicy: "default-src 'none'; sandbox",
        ]
        if request.headers[.ifNoneMatch]?.split(separator: ",").contains(where: { $0.trimmingCharacters(in: .whitespaces) == etag }) == true {
            return Response(status: .notModified, headers: headers)
        }
        let size = attachment.size
        let ifRange = request.headers[.ifRange]
        let range = ifRange == nil || ifRange == etag ? ByteRange.parse(request.headers[.range], size: size) : .whole
        switch range {
        case .unsatisfiable:
            headers[.contentRange] = "bytes */\(size)"
            return Response(status: .rangeNotSatisfiable, headers: headers)
        case .whole:
            return Response(status: .ok, headers: headers, body: try await Self.body(path, from: 0, count: size, context: context))
        case .range(let range):
            headers[.contentRange] = "bytes \(range.start)-\(range.end)/\(size)"
            return Response(status: .partialContent, headers: headers, body: try await Self.body(path, from: range.start, count: range.count, context: context))
        }
    }

    @Sendable func delete(request: Request, context: AppRequestContext) async throws -> Response {
        let attachment = try await attachments.delete(id: context.parameters.number("id"), by: context.requirePrincipal())
        let form = try await FormData.read(from: request)
        return .redirect(to: LocalPath.sanitized(form["back"]) + (form["back"].contains("?") ? "&" : "?") + "notice=file_deleted"
                         + "#attachment-\(attachment.id ?? 0)")
    }

    static func url(of attachment: Attachment) -> String {
        Paths.file(id: attachment.id ?? 0, name: attachment.name)
    }

    /// Raster images show in the page; everything else is only ever downloaded.
    static func disposition(_ attachment: Attachment) -> String {
        let ascii = String(attachment.name.unicodeScalars.map { $0.isASCII && $0.value >= 0x20 && $0 != "\"" && $0 != "\\" ? Character($0) : "_" })
        let encoded = attachment.name.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "file"
        return "\(attachment.isInlineImage ? "inline" : "attachment"); filename=\"\(ascii)\"; filename*=UTF-8''\(encoded)"
    }

    /// Reads files through NIO's file system, on its own thread pool: a slow disk or a large
    /// download never holds a thread that serves requests.
    private static let files = FileIO()

    /// A part of the file, streamed in pieces.
    private static func body(_ path: URL, from start: Int, count: Int, context: AppRequestContext) async throws -> ResponseBody {
        guard count > 0 else { return ResponseBody() }
        return try await files.loadFile(path: path.path, range: start...(start + count - 1), context: context)
    }
}
