import Foundation

/// The reverse proxies whose `X-Forwarded-For` is believed (`--trusted-proxy`). Anyone else can
/// write that header, so from anyone else it is ignored: otherwise a password guesser would
/// name a new address with every attempt.
public struct TrustedProxies: Sendable {
    let addresses: Set<String>

    public init(_ addresses: [String]) {
        self.addresses = Set(addresses.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
    }

    func contains(_ address: String) -> Bool {
        addresses.contains(address)
    }

    /// The address a request came from: the connection's peer, or, when that is a trusted proxy,
    /// the nearest address in `X-Forwarded-For` that is not one (proxies append on the right).
    func client(peer: String, forwardedFor: String?) -> String {
        guard contains(peer), let forwardedFor else { return peer }
        let hops = forwardedFor.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        return hops.reversed().first { !$0.isEmpty && !contains($0) }.map { String($0.prefix(64)) } ?? peer
    }
}
