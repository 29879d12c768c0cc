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

    /// A connected channel on a loop whose clock the test moves.
    static func connected() throws -> (EmbeddedEventLoop, EmbeddedChannel) {
        let loop = EmbeddedEventLoop()
        let channel = EmbeddedChannel(loop: loop)
        try channel.connect(to: SocketAddress(ipAddress: "127.0.0.1", port: 1)).wait()
        try channel.pipeline.syncOperations.addHandler(ConnectionGuard(limits: ConnectionLimits(), counter: nil, trustedProxies: .init([])))
        return (loop, channel)
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

    @Test func aSilentConnectionIsClosedAtTheHeadTimeoutAndAnExchangeMovesItOn() throws {
        let (loop, channel) = try Self.connected()
        // A request and its answer 15 s in: the next head may take 20 s from then, not from the start.
        loop.advanceTime(by: .seconds(15))
        try channel.writeInbound(Self.head("/a/x"))
        try channel.writeInbound(HTTPRequestPart.end(nil))
        try channel.writeOutbound(HTTPResponsePart.head(HTTPResponse(status: .ok)))
        try channel.writeOutbound(HTTPResponsePart.end(nil))
        loop.advanceTime(by: .seconds(15))
        #expect(channel.isActive, "30 s in, 15 s after the answer")
        loop.advanceTime(by: .seconds(6))
        #expect(!channel.isActive, "closed 20 s after the answer")
    }

    @Test func aStartedAnswerIsNeverCutOff() throws {
        let (loop, channel) = try Self.connected()
        try channel.writeInbound(Self.head("/backup"))
        try channel.writeInbound(HTTPRequestPart.end(nil))
        try channel.writeOutbound(HTTPResponsePart.head(HTTPResponse(status: .ok)))
        loop.advanceTime(by: .seconds(600))
        #expect(channel.isActive)
    }

    @Test func anAnswerThatNeverComesClosesTheConnectionAtTheRequestTimeout() throws {
        let (loop, channel) = try Self.connected()
        try channel.writeInbound(Self.head("/a/x"))
        try channel.writeInbound(HTTPRequestPart.end(nil))
        loop.advanceTime(by: .seconds(119))
        #expect(channel.isActive)
        loop.advanceTime(by: .seconds(2))
        #expect(!channel.isActive)
    }
}
