import HTTPTypes
import NIOCore
import NIOHTTP1
import NIOHTTPTypes

/// One per connection, between the HTTP codec and the application: it closes a connection
/// that is too slow to send its request or that the answer never comes to, refuses a head
/// too large at once (414, 431) before the application sees it, and keeps one address from
/// holding more than its share of connections.
final class ConnectionGuard: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    /// Where the current exchange stands. A new request head is always passed on: an answer
    /// may be complete before its request's body was read (a 404 for a POST), and the next
    /// request of a kept-alive connection then follows at once.
    private var requestComplete = true
    private var answerStarted = false
    private var answerComplete = true
    private var refused = false

    private let limits: ConnectionLimits
    private let counter: ConnectionCounter?
    private let trustedProxies: TrustedProxies
    /// When the connection is closed unless the exchange moves on; nil while an answer streams.
    private var deadline: NIODeadline?
    /// One timer at a time, due at or before the deadline: when it fires early (the deadline
    /// moved on meanwhile), it sets itself again. Moving the deadline is then an assignment
    /// instead of scheduling and cancelling tasks four times a request.
    private var timer: (task: Scheduled<Void>, due: NIODeadline)?
    private var countedAddress: String?

    init(limits: ConnectionLimits, counter: ConnectionCounter?, trustedProxies: TrustedProxies) {
        self.limits = limits
        self.counter = counter
        self.trustedProxies = trustedProxies
    }

    func handlerAdded(context: ChannelHandlerContext) {
        // Added by the server after the connection was accepted, so it is active already.
        if context.channel.isActive { started(context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        if countedAddress == nil, deadline == nil { started(context) }
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        timer?.task.cancel()
        if let countedAddress { counter?.close(countedAddress) }
        countedAddress = nil
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        timer?.task.cancel()
    }

    private func started(_ context: ChannelHandlerContext) {
        let address = context.channel.remoteAddress?.ipAddress ?? ""
        if let counter, !trustedProxies.contains(address) {
            guard counter.open(address) else {
                context.close(promise: nil)
                return
            }
            countedAddress = address
        }
        arm(limits.headTimeout, context)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !refused else { return }
        switch unwrapInboundIn(data) {
        case .head(let head):
            if let status = refusal(head) {
                refuse(status, context)
                return
            }
            (requestComplete, answerStarted, answerComplete) = (false, false, false)
            arm(limits.bodyTimeout, context)
        case .body:
            if !requestComplete { arm(limits.bodyTimeout, context) }
        case .end:
            requestComplete = true
            exchangeMoved(context)
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        switch unwrapOutboundIn(data) {
        case .head(let head) where head.status.kind != .informational:
            answerStarted = true
            exchangeMoved(context)
        case .end:
            answerComplete = true
            exchangeMoved(context)
        default:
            break
        }
        context.write(data, promise: promise)
    }

    /// After a whole request and its whole answer, the next head has the head timeout; after a
    /// whole request, its answer has the request timeout to start; a started answer has no limit.
    private func exchangeMoved(_ context: ChannelHandlerContext) {
        guard requestComplete else { return }
        if answerComplete {
            arm(limits.headTimeout, context)
        } else if answerStarted {
            deadline = nil
        } else {
            arm(limits.requestTimeout, context)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        // The HTTP decoder's limits (a header line longer than it reads) end here, before any head.
        if let error = error as? HTTPParserError, requestComplete, answerComplete {
            refuse(error == .headerOverflow ? .requestHeaderFieldsTooLarge : .badRequest, context)
            return
        }
        context.fireErrorCaught(error)
    }

    private func refusal(_ head: HTTPRequest) -> HTTPResponse.Status? {
        if (head.path?.utf8.count ?? 0) > limits.maxTargetLength { return .uriTooLong }
        let headerBytes = head.headerFields.reduce(0) { $0 + $1.name.rawName.utf8.count + $1.value.utf8.count + 4 }
        if headerBytes > limits.maxHeaderBytes { return .requestHeaderFieldsTooLarge }
        return nil
    }

    /// Answers with `status` and no body, and closes: the application never sees the request.
    private func refuse(_ status: HTTPResponse.Status, _ context: ChannelHandlerContext) {
        refused = true
        deadline = nil
        let head = HTTPResponse(status: status, headerFields: [.contentLength: "0", .connection: "close"])
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        // A handler's calls all run on its channel's event loop, where the context may be used.
        context.writeAndFlush(wrapOutboundOut(.end(nil))).assumeIsolated().whenComplete { _ in context.close(promise: nil) }
    }

    private func arm(_ timeout: TimeAmount, _ context: ChannelHandlerContext) {
        let due = context.eventLoop.now + timeout
        deadline = due
        if let timer, timer.due <= due { return }
        schedule(at: due, context)
    }

    private func schedule(at due: NIODeadline, _ context: ChannelHandlerContext) {
        timer?.task.cancel()
        let task = context.eventLoop.assumeIsolated().scheduleTask(deadline: due) { [weak self] () -> Void in self?.timerFired(context) }
        timer = (task, due)
    }

    private func timerFired(_ context: ChannelHandlerContext) {
        timer = nil
        guard let deadline else { return }
        if deadline > context.eventLoop.now {
            schedule(at: deadline, context)
            return
        }
        // A started answer is never cut off, however long it streams.
        guard !(answerStarted && !answerComplete) else { return }
        context.close(promise: nil)
    }
}
