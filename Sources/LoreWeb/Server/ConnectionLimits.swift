import NIOCore

/// What the server tolerates from one connection before it gives up on it: the defence against
/// clients that open connections and never finish a request (slowloris), that hold many at once,
/// or that send heads no page needs.
public struct ConnectionLimits: Sendable {
    /// From the connection's start, or the end of its previous answer, to a whole request head.
    public var headTimeout: TimeAmount
    /// The longest pause while a request body arrives.
    public var bodyTimeout: TimeAmount
    /// From a whole request to the start of its answer; the connection is closed after it.
    public var requestTimeout: TimeAmount
    /// Open connections from one address; trusted proxies are not counted.
    public var maxConnectionsPerAddress: Int
    /// Longer addresses get 414 at once: no page of Lore has an address near this long.
    public var maxTargetLength = 8 * 1024
    /// All header names and values together; more gets 431.
    public var maxHeaderBytes = 32 * 1024

    public init(headTimeout: TimeAmount = .seconds(20), bodyTimeout: TimeAmount = .seconds(30),
                requestTimeout: TimeAmount = .seconds(120), maxConnectionsPerAddress: Int = 128) {
        self.headTimeout = headTimeout
        self.bodyTimeout = bodyTimeout
        self.requestTimeout = requestTimeout
        self.maxConnectionsPerAddress = maxConnectionsPerAddress
    }
}
