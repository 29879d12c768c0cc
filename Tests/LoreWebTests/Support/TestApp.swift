import Foundation
import Hummingbird
import HummingbirdTesting
import LoreWeb

/// Builds the real application on an in-memory database with the fixture content,
/// and offers small helpers for the requests route tests make.
enum TestApp {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func build() async throws -> some ApplicationProtocol {
        try await buildApplication(AppArguments(
            resourcesDirectory: repositoryRoot.path,
            contentDirectory: repositoryRoot.appendingPathComponent("Tests/Fixtures/Content").path,
            adminPassword: "test-password-123", inMemory: true, passwordCost: 4, logLevel: .critical))
    }

    /// Runs `test` against a fresh application.
    static func run(_ test: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        try await build().test(.router, test)
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

extension TestClientProtocol {
    func get(_ uri: String, headers: HTTPFields = [:]) async throws -> TestResponse {
        try await execute(uri: uri, method: .get, headers: headers, body: nil)
    }

    func postForm(_ uri: String, _ fields: [(String, String)], headers: HTTPFields = [:]) async throws -> TestResponse {
        var all = TestApp.formHeaders
        all.append(contentsOf: headers)
        return try await execute(uri: uri, method: .post, headers: all, body: TestApp.formBody(fields))
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }
}
