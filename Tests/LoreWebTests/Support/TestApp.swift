import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LoreWeb

/// Builds the real application on an in-memory database with the fixture content,
/// and offers small helpers for the requests route tests make.
enum TestApp {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let adminPassword = "test-password-123"

    static func build() async throws -> some ApplicationProtocol {
        try await buildApplication(AppArguments(
            resourcesDirectory: repositoryRoot.path,
            contentDirectory: repositoryRoot.appendingPathComponent("Tests/Fixtures/Content").path,
            adminPassword: adminPassword, inMemory: true, demoAccounts: false, passwordCost: 4, logLevel: .critical))
    }

    /// Runs `test` against a fresh application, signed in as the administrator.
    static func run(_ test: @escaping @Sendable (Browser) async throws -> Void) async throws {
        try await build().test(.router) { client in
            try await test(try await Browser.signIn(client, login: "admin", password: adminPassword))
        }
    }

    /// Runs `test` against a fresh application as a guest who has not signed in.
    static func runAsGuest(_ test: @escaping @Sendable (Browser) async throws -> Void) async throws {
        try await build().test(.router) { client in try await test(Browser(client: client)) }
    }

    static func formBody(_ fields: [(String, String)]) -> ByteBuffer {
        ByteBuffer(string: fields.map { "\(encode($0.0))=\(encode($0.1))" }.joined(separator: "&"))
    }

    static let formHeaders: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]

    private static func encode(_ value: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return value.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }
}

/// A client that keeps cookies like a browser and sends its CSRF token with every change.
struct Browser: Sendable {
    let client: any TestClientProtocol
    var cookies: [String: String] = [:]
    var csrf = ""

    init(client: any TestClientProtocol) {
        self.client = client
    }

    static func signIn(_ client: any TestClientProtocol, login: String, password: String) async throws -> Browser {
        var browser = Browser(client: client)
        let response = try await browser.signIn(login: login, password: password)
        guard response.status == .seeOther else { throw SignInFailed(status: response.status.code) }
        return browser
    }

    /// Someone not signed in, holding the token the sign-in page gives them.
    static func guest(_ client: any TestClientProtocol) async throws -> Browser {
        var browser = Browser(client: client)
        browser.csrf = hiddenCSRF(in: try await browser.execute("/login", method: .get, headers: [:], body: nil).text) ?? ""
        return browser
    }

    struct SignInFailed: Error {
        let status: Int
    }

    /// Fills in and sends the sign-in form as a browser would, keeping the cookies it gets.
    @discardableResult
    mutating func signIn(login: String, password: String, next: String = "/") async throws -> TestResponse {
        let form = try await execute("/login", method: .get, headers: [:], body: nil)
        let token = Self.hiddenCSRF(in: form.text) ?? ""
        let response = try await execute(
            "/login", method: .post, headers: TestApp.formHeaders,
            body: TestApp.formBody([("_csrf", token), ("login", login), ("password", password), ("next", next)]))
        csrf = Self.metaCSRF(in: try await get("/").text) ?? ""
        return response
    }

    func get(_ uri: String, headers: HTTPFields = [:]) async throws -> TestResponse {
        var browser = self
        return try await browser.execute(uri, method: .get, headers: headers, body: nil)
    }

    func postForm(_ uri: String, _ fields: [(String, String)], headers: HTTPFields = [:]) async throws -> TestResponse {
        var all = TestApp.formHeaders
        all.append(contentsOf: headers)
        if !csrf.isEmpty, all[HTTPField.Name("X-CSRF-Token")!] == nil { all[HTTPField.Name("X-CSRF-Token")!] = csrf }
        var browser = self
        return try await browser.execute(uri, method: .post, headers: all, body: TestApp.formBody(fields))
    }

    /// Posts a body exactly as given (for malformed input), with the CSRF token in a header.
    func postRaw(_ uri: String, _ body: ByteBuffer) async throws -> TestResponse {
        var headers = TestApp.formHeaders
        headers[HTTPField.Name("X-CSRF-Token")!] = csrf
        var browser = self
        return try await browser.execute(uri, method: .post, headers: headers, body: body)
    }

    /// Uploads bytes as the editor's script does: the file is the body, its name in the address.
    func postFile(_ uri: String, _ bytes: [UInt8]) async throws -> TestResponse {
        var browser = self
        return try await browser.execute(uri, method: .post,
                                         headers: [.contentType: "application/octet-stream", HTTPField.Name("X-CSRF-Token")!: csrf],
                                         body: ByteBuffer(bytes: bytes))
    }

    /// Sends a request with the stored cookies and keeps any cookie the response sets.
    mutating func execute(_ uri: String, method: HTTPRequest.Method, headers: HTTPFields, body: ByteBuffer?) async throws -> TestResponse {
        var headers = headers
        if headers[.cookie] == nil, !cookies.isEmpty {
            headers[.cookie] = cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")
        }
        let response = try await client.execute(uri: uri, method: method, headers: headers, body: body)
        for header in response.headers[values: .setCookie] {
            let pair = header.split(separator: ";")[0].split(separator: "=", maxSplits: 1)
            let value = pair.count > 1 ? String(pair[1]) : ""
            cookies[String(pair[0])] = value.isEmpty ? nil : value
        }
        return response
    }

    static func hiddenCSRF(in html: String) -> String? {
        html.firstMatch(of: #/name="_csrf" value="([^"]*)"/#).map { String($0.1) }
    }

    static func metaCSRF(in html: String) -> String? {
        html.firstMatch(of: #/<meta name="csrf-token" content="([^"]*)">/#).map { String($0.1) }
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }
}
