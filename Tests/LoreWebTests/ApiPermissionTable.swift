import Hummingbird

/// The permission matrix again, for the JSON API: the same people, the same sample resources
/// and the same levels as ``PermissionTable``, so a token can never do more than its user does
/// on the web. Callers without a token get 401 everywhere but the OpenAPI document.
enum ApiPermissionTable {
    typealias Person = PermissionTable.Person
    typealias Need = PermissionTable.Need

    struct Row: Sendable {
        let route: String
        let method: HTTPRequest.Method
        /// Placeholders as in ``PermissionTable``, plus `{client}` for the rows about cards.
        let uri: String
        let json: String?
        let headers: HTTPFields
        let web: PermissionTable.Row
        /// The rows about a card, made once per sample card.
        let client: PermissionTable.ClientCard?

        init(_ route: String, _ uri: String, _ need: Need, allowed: HTTPResponse.Status, hidden: HTTPResponse.Status = .notFound,
             json: String? = nil, headers: HTTPFields = [:]) {
            self.init(route, uri, json: json, headers: headers,
                      web: PermissionTable.Row(route, uri, need, allowed: allowed, hidden: hidden), client: nil)
        }

        init(_ route: String, _ uri: String, _ statuses: [Person: HTTPResponse.Status] = [:], otherwise: HTTPResponse.Status,
             json: String? = nil, headers: HTTPFields = [:], client: PermissionTable.ClientCard? = nil) {
            self.init(route, uri, json: json, headers: headers,
                      web: PermissionTable.Row(route, uri, statuses, otherwise: otherwise), client: client)
        }

        private init(_ route: String, _ uri: String, json: String?, headers: HTTPFields, web: PermissionTable.Row,
                     client: PermissionTable.ClientCard?) {
            self.route = route
            self.method = HTTPRequest.Method(String(route.prefix { $0 != " " }))!
            self.uri = uri
            self.json = json
            self.headers = headers
            self.web = web
            self.client = client
        }

        /// Tried on every sample resource when it needs a level there or names one.
        var isPerResource: Bool { web.need != nil || (uri + (json ?? "")).contains(/\{[a-zA-Z]+\}/) }

        func expected(_ person: Person, on resource: PermissionTable.Resource) -> HTTPResponse.Status {
            if route == "GET /api/v1/openapi.json" { return .ok }
            if person.isGuest { return .unauthorized }
            let expected = web.expected(person, on: resource)
            // Based on revision 1 of a page that has moved on: 412 (a first revision they may not
            // see, or whose text was removed, is no base to merge from; one they may see clashes).
            if headers[.ifMatch] == "\"r1\"", resource.revision > 1, expected == web.allowed { return .preconditionFailed }
            return expected
        }
    }

    static let clientUsers = PermissionTable.clientUsers
    static let ifMatch: HTTPFields = [.ifMatch: "\"r1\""]

    /// Rows about one card: `allowed` for its readers holding the right, 403 for readers
    /// without it, 404 for everyone else.
    static func clientRows(_ route: String, _ uri: String, allowed: HTTPResponse.Status, deleters: Bool = false, json: String? = nil,
                           headers: HTTPFields = [:]) -> [Row] {
        PermissionTable.clients.map { client in
            var statuses: [Person: HTTPResponse.Status] = [:]
            for person in client.readers { statuses[person] = deleters && person != .admin ? .forbidden : allowed }
            return Row(route, uri.replacingOccurrences(of: "{client}", with: client.slug), statuses, otherwise: .notFound, json: json,
                       headers: headers, client: client)
        }
    }

    static let rows: [Row] = [
        Row("GET /api/v1/openapi.json", "/api/v1/openapi.json", otherwise: .ok),
        Row("GET /api/v1/me", "/api/v1/me", otherwise: .ok),
        Row("GET /api/v1/categories", "/api/v1/categories", otherwise: .ok),
        Row("POST /api/v1/categories", "/api/v1/categories", .category(.manage), allowed: .unprocessableContent, hidden: .unprocessableContent,
            json: #"{"title": "", "parentId": {category}}"#),
        Row("GET /api/v1/categories/{id}", "/api/v1/categories/{category}", .category(.read), allowed: .ok),
        Row("PUT /api/v1/categories/{id}", "/api/v1/categories/{category}", .category(.manage), allowed: .unprocessableContent,
            json: #"{"title": ""}"#),
        Row("GET /api/v1/categories/{id}/grants", "/api/v1/categories/{category}/grants", .category(.manage), allowed: .ok),
        Row("PUT /api/v1/categories/{id}/grants", "/api/v1/categories/{category}/grants", .category(.manage), allowed: .ok,
            json: #"{"grants": []}"#),
        // Every sample category holds articles: deleting it is refused, and nothing is lost.
        Row("DELETE /api/v1/categories/{id}", "/api/v1/categories/{category}", .category(.manage), allowed: .conflict),
        Row("GET /api/v1/articles", "/api/v1/articles?category={category}", otherwise: .ok),
        Row("POST /api/v1/articles", "/api/v1/articles", otherwise: .unprocessableContent,
            json: #"{"title": "", "categoryId": {category}, "markdown": "x"}"#),
        Row("GET /api/v1/articles/{slug}", "/api/v1/articles/{slug}", .article(.read), allowed: .ok),
        Row("PUT /api/v1/articles/{slug}", "/api/v1/articles/{slug}", .article(.edit), allowed: .unprocessableContent,
            json: #"{"title": "", "categoryId": {category}, "markdown": "x"}"#, headers: ifMatch),
        Row("POST /api/v1/articles/{slug}/move", "/api/v1/articles/{slug}/move", .change(waiting: .accepted), allowed: .ok,
            json: #"{"categoryId": {category}}"#),
        Row("GET /api/v1/articles/{slug}/revisions", "/api/v1/articles/{slug}/revisions", .history(.read), allowed: .ok),
        Row("GET /api/v1/articles/{slug}/revisions/{number}", "/api/v1/articles/{slug}/revisions/1", .history(.read), allowed: .ok),
        Row("GET /api/v1/articles/{slug}/diff", "/api/v1/articles/{slug}/diff?from=1&to=1", .history(.read), allowed: .ok),
        Row("GET /api/v1/articles/{slug}/attachments", "/api/v1/articles/{slug}/attachments", .article(.read), allowed: .ok),
        Row("GET /api/v1/acknowledgements", "/api/v1/acknowledgements", otherwise: .ok),
        Row("GET /api/v1/approvals", "/api/v1/approvals", otherwise: .ok),
        Row("POST /api/v1/approvals/{id}/approve", "/api/v1/approvals/999999/approve", otherwise: .notFound),
        Row("POST /api/v1/approvals/{id}/return", "/api/v1/approvals/999999/return", otherwise: .notFound, json: #"{"comment": "why"}"#),
        // Every employee must confirm the sample regulations: a revision that is not the current one is refused as changed.
        Row("POST /api/v1/articles/{slug}/acknowledgement", "/api/v1/articles/{slug}/acknowledgement", .confirmation, allowed: .conflict,
            json: #"{"revision": 999999}"#),
        Row("GET /api/v1/articles/{slug}/stewardship", "/api/v1/articles/{slug}/stewardship", .article(.read), allowed: .ok),
        Row("PUT /api/v1/articles/{slug}/stewardship", "/api/v1/articles/{slug}/stewardship", .article(.manage), allowed: .unprocessableContent,
            json: #"{"ownerId": 999999, "reviewMonths": 3}"#),
        Row("POST /api/v1/articles/{slug}/review", "/api/v1/articles/{slug}/review", .review, allowed: .ok),
        Row("GET /api/v1/articles/{slug}/acknowledgements", "/api/v1/articles/{slug}/acknowledgements", .readingReport(ofRequirement: true),
            allowed: .ok),
        Row("POST /api/v1/articles/{slug}/attachments", "/api/v1/articles/{slug}/attachments?name=notes.txt", .change(waiting: .forbidden),
            allowed: .created,
            json: "plain words", headers: [.contentType: "text/plain"]),
        Row("GET /api/v1/files/{id}", "/api/v1/files/{file}", .article(.read), allowed: .ok),
        Row("GET /api/v1/search", "/api/v1/search?q=%22{titleTail}%22", otherwise: .ok),
        Row("GET /api/v1/search", "/api/v1/search?q=%22{titleTail}%22&category={category}", otherwise: .ok),
        Row("GET /api/v1/trash", "/api/v1/trash", otherwise: .ok),
        // Only a trashed article can come back.
        Row("POST /api/v1/articles/{slug}/restore", "/api/v1/articles/{slug}/restore", otherwise: .notFound),
        Row("GET /api/v1/clients", "/api/v1/clients", clientUsers, otherwise: .notFound),
        Row("POST /api/v1/clients", "/api/v1/clients", [.admin: .unprocessableContent, .sergey: .unprocessableContent], otherwise: .notFound,
            json: #"{"name": ""}"#),
        Row("GET /api/v1/clients/export", "/api/v1/clients/export", clientUsers, otherwise: .notFound),
        Row("GET /api/v1/client-fields", "/api/v1/client-fields", clientUsers, otherwise: .notFound),
        Row("GET /api/v1/tasks", "/api/v1/tasks?view=team", clientUsers, otherwise: .notFound),
        Row("POST /api/v1/tasks/{id}/done", "/api/v1/tasks/999999/done", otherwise: .notFound),
        Row("POST /api/v1/tasks/{id}/reschedule", "/api/v1/tasks/999999/reschedule", otherwise: .notFound, json: #"{"due": "2030-01-01"}"#),
        Row("POST /api/v1/tasks/{id}/reassign", "/api/v1/tasks/999999/reassign", otherwise: .notFound, json: #"{"assigneeId": 1}"#),
    ] + [
        clientRows("GET /api/v1/clients/{slug}", "/api/v1/clients/{client}", allowed: .ok),
        clientRows("PUT /api/v1/clients/{slug}", "/api/v1/clients/{client}", allowed: .unprocessableContent, json: #"{"name": ""}"#,
                   headers: [.ifMatch: "\"v1\""]),
        clientRows("POST /api/v1/clients/{slug}/contacts", "/api/v1/clients/{client}/contacts", allowed: .unprocessableContent,
                   json: #"{"name": ""}"#),
        clientRows("PUT /api/v1/clients/{slug}/contacts/{id}", "/api/v1/clients/{client}/contacts/999999", allowed: .notFound,
                   json: #"{"name": "x"}"#),
        clientRows("DELETE /api/v1/clients/{slug}/contacts/{id}", "/api/v1/clients/{client}/contacts/999999", allowed: .notFound),
        clientRows("POST /api/v1/clients/{slug}/interactions", "/api/v1/clients/{client}/interactions", allowed: .unprocessableContent,
                   json: #"{"summary": ""}"#),
        clientRows("GET /api/v1/clients/{slug}/purchases", "/api/v1/clients/{client}/purchases", allowed: .ok),
        clientRows("POST /api/v1/clients/{slug}/purchases", "/api/v1/clients/{client}/purchases", allowed: .unprocessableContent,
                   json: #"{"amount": "lots"}"#),
        clientRows("DELETE /api/v1/clients/{slug}/purchases/{id}", "/api/v1/clients/{client}/purchases/999999", allowed: .notFound),
        clientRows("POST /api/v1/clients/{slug}/merge", "/api/v1/clients/{client}/merge", allowed: .notFound, deleters: true,
                   json: #"{"with": "no-such-card"}"#),
        clientRows("GET /api/v1/clients/{slug}/attachments", "/api/v1/clients/{client}/attachments", allowed: .ok),
        clientRows("POST /api/v1/clients/{slug}/attachments", "/api/v1/clients/{client}/attachments?name=card.txt", allowed: .created,
                   json: "plain words", headers: [.contentType: "text/plain"]),
        clientRows("DELETE /api/v1/clients/{slug}", "/api/v1/clients/{client}", allowed: .noContent, deleters: true),
        // Last, as it empties the trash-free world the rows above rely on.
        [Row("DELETE /api/v1/articles/{slug}", "/api/v1/articles/{slug}", .change(waiting: .forbidden), allowed: .noContent)],
    ].flatMap { $0 }
}
