import Foundation
import Hummingbird
import LoreCore

/// Client cards: the list, one card, creating, replacing (based on its version), the trash, and
/// the export, with the web's rights and audit.
struct ApiClientController {
    let services: AppServices

    func addRoutes(to router: some RouterMethods<AppRequestContext>) {
        router.get("/api/v1/clients", use: list)
        router.post("/api/v1/clients", use: create)
        router.get("/api/v1/clients/export", use: export)
        router.get("/api/v1/clients/:slug", use: get)
        router.put("/api/v1/clients/:slug", use: update)
        router.delete("/api/v1/clients/:slug", use: delete)
    }

    @Sendable func list(request: Request, context: AppRequestContext) async throws -> Response {
        let parameters = request.uri.queryParameters
        let cursor = try ApiCursor(parameters, kind: "client")
        let fetched = try await services.clientQueries.page(try Self.filter(parameters, schema: try await services.clientQueries.schema()), after: cursor.position, limit: cursor.fetchLimit,
                                                            for: context.requirePrincipal())
        let (items, next) = cursor.page(fetched) { $0.client.id ?? 0 }
        return try ApiJSON.response(ApiPage(items: items.map(ApiClient.Summary.init), nextCursor: next), request: request)
    }

    @Sendable func get(request: Request, context: AppRequestContext) async throws -> Response {
        let card = try await services.clientQueries.card(slug: context.parameters.require("slug"), for: context.requirePrincipal())
        return try ApiJSON.response(ApiClient(card: card, schema: try await services.clientQueries.schema()), version: ApiClient.version(card.client), request: request)
    }

    @Sendable func create(request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        try AccessPolicy(principal).requireClients()
        let input = try await ApiBody.decode(ApiClientInput.self, from: request, schemas: services.apiSchemas)
        let client = try await services.clients.create(input.draft, by: principal)
        let card = try await services.clientQueries.card(slug: client.slug, for: principal)
        return try ApiJSON.created(ApiClient(card: card, schema: try await services.clientQueries.schema()), at: "/api/v1/clients/\(client.slug)", version: ApiClient.version(client), request: request)
    }

    @Sendable func update(request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let slug = try context.parameters.require("slug")
        let version = try ApiPrecondition.version(request, prefix: "v")
        // Hidden cards are 404 before anything about the request is judged.
        _ = try await services.clientQueries.card(slug: slug, for: principal)
        let input = try await ApiBody.decode(ApiClientInput.self, from: request, schemas: services.apiSchemas)
        do {
            let client = try await services.clients.update(slug: slug, input.draft, version: version, by: principal)
            let card = try await services.clientQueries.card(slug: client.slug, for: principal)
            return try ApiJSON.response(ApiClient(card: card, schema: try await services.clientQueries.schema()), version: ApiClient.version(client), request: request)
        } catch is ClientConflict {
            let card = try await services.clientQueries.card(slug: slug, for: principal)
            var problem = ApiProblem(.preconditionFailed, "edit_conflict",
                                     detail: "The card was changed (it is at version \(card.client.version) now). Nothing was saved.")
            problem.extra = ClientConflictBody(current: ApiClient(card: card, schema: try await services.clientQueries.schema()))
            throw problem
        }
    }

    @Sendable func delete(request: Request, context: AppRequestContext) async throws -> Response {
        try await services.clients.delete(slug: context.parameters.require("slug"), by: context.requirePrincipal())
        return ApiJSON.noContent()
    }

    /// The filtered list as CSV or an Excel workbook, like the web's export, and audited the same way.
    @Sendable func export(request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let parameters = request.uri.queryParameters
        let delimiter: Character = switch parameters.get("delimiter") {
        case nil, "comma": ","
        case "semicolon": ";"
        default: throw ApiProblem.invalidParameter("delimiter", "delimiter must be comma or semicolon.")
        }
        let xlsx: Bool = switch parameters.get("format") {
        case nil, "csv": false
        case "xlsx": true
        default: throw ApiProblem.invalidParameter("format", "format must be csv or xlsx.")
        }
        let filter = try Self.filter(parameters, schema: try await services.clientQueries.schema())
        let (data, _) = try await services.clientExport.export(filter, format: xlsx ? .xlsx : .csv(delimiter: delimiter),
                                                               everyContact: parameters.get("rows") == "contacts", for: principal)
        return SpreadsheetResponse.make(data, xlsx: xlsx)
    }

    /// The web list's filters, refused when they cannot be read rather than quietly ignored.
    static func filter(_ parameters: Parameters, schema: ClientSchema) throws -> ClientFilter {
        if let status = parameters.get("status"), ClientStatus(rawValue: status) == nil {
            throw ApiProblem.invalidParameter("status", "status must be one of \(ClientStatus.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        if let manager = parameters.get("manager"), Int64(request: manager, in: .filterIds) == nil {
            throw ApiProblem.invalidParameter("manager", "manager must be a user id.")
        }
        if let contact = parameters.get("contact"), contact.wholeMatch(of: /(recent|quiet)-[0-9]{1,4}/) == nil {
            throw ApiProblem.invalidParameter("contact", "contact must be recent-N or quiet-N (days).")
        }
        return ClientListQuery(parameters, schema: schema).filter
    }

    struct ClientConflictBody: Encodable, Sendable {
        let current: ApiClient
    }
}
