import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting

/// A program using the JSON API with a personal token (none: an anonymous caller).
struct ApiCaller: Sendable {
    let client: any TestClientProtocol
    let token: String?

    /// Makes a token on the browser's account page and returns a caller holding it.
    static func make(_ browser: Browser, readOnly: Bool = false, name: String = "test") async throws -> ApiCaller {
        var fields = [("name", name), ("expires", "")]
        if readOnly { fields.append(("readOnly", "on")) }
        let page = try await browser.postForm("/me/tokens", fields)
        guard let secret = page.text.firstMatch(of: #/id="token-secret">(lore_[A-Za-z0-9_-]+)</#)?.1 else { throw NoToken() }
        return ApiCaller(client: browser.client, token: String(secret))
    }

    struct NoToken: Error {}

    func get(_ uri: String, headers: HTTPFields = [:]) async throws -> TestResponse {
        try await send(.get, uri, headers: headers)
    }

    func send(_ method: HTTPRequest.Method, _ uri: String, json: String? = nil, headers: HTTPFields = [:]) async throws -> TestResponse {
        var headers = headers
        if json != nil, headers[.contentType] == nil { headers[.contentType] = "application/json" }
        return try await send(method, uri, body: json.map { ByteBuffer(string: $0) }, headers: headers)
    }

    func send(_ method: HTTPRequest.Method, _ uri: String, body: ByteBuffer?, headers: HTTPFields = [:]) async throws -> TestResponse {
        var headers = headers
        if let token, headers[.authorization] == nil { headers[.authorization] = "Bearer \(token)" }
        return try await client.execute(uri: uri, method: method, headers: headers, body: body)
    }
}

extension TestResponse {
    /// The body as JSON, for looking into answers.
    var json: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(buffer: body))) as? [String: Any] ?? [:]
    }
}
