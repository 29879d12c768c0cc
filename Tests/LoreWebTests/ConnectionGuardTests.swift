import HTTPTypes
import NIOCore
import NIOEmbedded
import NIOHTTPTypes
import Testing
@testable import LoreWeb

/// The guard between the HTTP codec and the application, driven part by part.
@Suite struct ConnectionGuardTests {
    static func channel() throws -> EmbeddedChannel {
        let channel = EmbeddedChannel()
        try channel.pipeline.syncOperations.addHandler(ConnectionGuard(limits: ConnectionLimits(), counter: nil, trustedProxies: .init([])))
        return channel
    }

    static func head(_ path: String, _ method: HTTPRequest.Method = .get) -> HTTPRequestPart {
        .head(HTTPRequest(method: method, scheme: "http", authority: "lore", path: path))
    }

    @Test func aRequestAnsweredBeforeItsBodyWasReadLetsTheNextOneThrough() throws {
        let channel = try Self.channel()
        try channel.writeInbound(Self.head("/api/v1/clients/x/contacts", .put))
        #expect(try channel.readInbound(as: HTTPRequestPart.self) != nil)
        // A 404 written before the body arrived, as a router answers a method it does not have.
        try channel.writeOutbound(HTTPResponsePart.head(HTTPResponse(status: .notFound)))
        try channel.writeOutbound(HTTPResponsePart.end(nil))
        try channel.writeInbound(HTTPRequestPart.body(ByteBuffer(string: "{}")))
        try channel.writeInbound(HTTPRequestPart.end(nil))
        _ = try channel.readInbound(as: HTTPRequestPart.self)
        _ = try channel.readInbound(as: HTTPRequestPart.self)
        // The next request on the kept-alive connection reaches the application.
        try channel.writeInbound(Self.head("/api/v1/articles"))
        guard case .head(let next) = try channel.readInbound(as: HTTPRequestPart.self) else {
            Issue.record("the next request's head was swallowed")
            return
        }
        #expect(next.path == "/api/v1/articles")
    }

    @Test func anOverlongAddressIsRefusedBeforeTheApplicationSeesIt() throws {
        let channel = try Self.channel()
        try channel.writeInbound(Self.head("/search?q=" + String(repeating: "a", count: 9_000)))
        #expect(try channel.readInbound(as: HTTPRequestPart.self) == nil)
        guard case .head(let answer) = try channel.readOutbound(as: HTTPResponsePart.self) else {
            Issue.record("no answer")
            return
        }
        #expect(answer.status == .uriTooLong)
    }
}
