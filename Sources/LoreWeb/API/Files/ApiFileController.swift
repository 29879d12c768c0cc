import Hummingbird
import LoreCore

/// Files of articles and client cards: listing, uploading (the body is the file, streamed to
/// disk) and downloading, under the rights of what they belong to.
struct ApiFileController {
    let services: AppServices

    func addRoutes(to router: some RouterMethods<AppRequestContext>) {
        router.get("/api/v1/articles/:slug/attachments", use: listOfArticle)
        router.post("/api/v1/articles/:slug/attachments", use: uploadToArticle)
        router.get("/api/v1/clients/:slug/attachments", use: listOfClient)
        router.post("/api/v1/clients/:slug/attachments", use: uploadToClient)
        router.get("/api/v1/files/:id", use: download)
    }

    /// The web's download, with its headers, ETag and ranges; only a range outside the file is
    /// told as a problem, as every API error is.
    @Sendable func download(request: Request, context: AppRequestContext) async throws -> Response {
        let response = try await FileController(services: services, attachments: services.attachments).serve(request: request, context: context)
        guard response.status == .rangeNotSatisfiable else { return response }
        var problem = ApiProblem(.rangeNotSatisfiable, "range_not_satisfiable", detail: "The range lies outside the file.")
        problem.headers[.contentRange] = response.headers[.contentRange]
        throw problem
    }

    @Sendable func listOfArticle(request: Request, context: AppRequestContext) async throws -> Response {
        try await list(.article(slug: context.parameters.require("slug")), request, context)
    }

    @Sendable func listOfClient(request: Request, context: AppRequestContext) async throws -> Response {
        try await list(.client(slug: context.parameters.require("slug")), request, context)
    }

    @Sendable func uploadToArticle(request: Request, context: AppRequestContext) async throws -> Response {
        try await upload(.article(slug: context.parameters.require("slug")), request, context)
    }

    @Sendable func uploadToClient(request: Request, context: AppRequestContext) async throws -> Response {
        try await upload(.client(slug: context.parameters.require("slug")), request, context)
    }

    private func list(_ owner: AttachmentOwner, _ request: Request, _ context: AppRequestContext) async throws -> Response {
        let listed = try await services.attachments.attachments(of: owner, for: context.requirePrincipal())
        return try ApiJSON.response(ApiItems(items: listed.map { ApiAttachment($0.attachment, uploadedBy: $0.uploaderName) }), request: request)
    }

    private func upload(_ owner: AttachmentOwner, _ request: Request, _ context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let name = FormData.query(of: request)["name"]
        guard !name.isEmpty else {
            throw ApiProblem.invalidParameter("name", "name must give the file's name, such as ?name=plan.pdf.")
        }
        let attachment = try await services.attachments.upload(request.body.map { Array($0.readableBytesView) }, name: name, to: owner, by: principal)
        return try ApiJSON.created(ApiAttachment(attachment, uploadedBy: principal.displayName), at: "/api/v1/files/\(attachment.id ?? 0)",
                                   request: request)
    }
}
