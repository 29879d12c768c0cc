import Crypto
import Foundation
import Hummingbird
import LoreCore
import NIOCore

/// Who the token acts as, and the API's own description.
struct ApiAccountController {
    let services: AppServices
    /// The OpenAPI document, read once at start-up, and its tag.
    let openAPIDocument: ByteBuffer
    let openAPITag: String

    init(services: AppServices, openAPIDocument: Data) {
        self.services = services
        self.openAPIDocument = ByteBuffer(bytes: openAPIDocument)
        openAPITag = "\"" + SHA256.hash(data: openAPIDocument).prefix(8).hexString + "\""
    }

    func addRoutes(to router: some RouterMethods<AppRequestContext>) {
        router.get("/api/v1/me", use: me)
    }

    /// Served before authentication: the description holds nothing private.
    func addPublicRoutes(to router: some RouterMethods<AppRequestContext>) {
        router.get("/api/v1/openapi.json", use: openAPI)
    }

    @Sendable func me(request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        guard let userId = principal.userId, let token = context.apiToken else { throw NotFound() }
        let user = try await services.users.user(id: userId)
        let roles = try await services.roles.roles().filter { principal.roleIds.contains($0.id ?? 0) }.map(\.name)
        let me = ApiMe(id: userId, username: user.username, displayName: user.displayName, roles: roles,
                       capabilities: Capability.allCases.filter(principal.has).map(\.rawValue).sorted(),
                       token: .init(name: token.name, readOnly: token.isReadOnly, expiresAt: token.expiresAt))
        return try ApiJSON.response(me, request: request)
    }

    @Sendable func openAPI(request: Request, context: AppRequestContext) async throws -> Response {
        let headers: HTTPFields = [.contentType: ApiJSON.contentType, .cacheControl: "public, max-age=300", .eTag: openAPITag]
        if ETagList(request.headers[.ifNoneMatch]).matches(openAPITag) { return Response(status: .notModified, headers: headers) }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: openAPIDocument))
    }
}
