/// Who is acting, with everything the access policy needs to decide: loaded afresh for every
/// request, so a change of roles or grants applies to the very next one.
public struct Principal: Sendable, Equatable {
    /// Nil for a guest (not signed in).
    public let userId: Int64?
    public let displayName: String
    public let roleIds: [Int64]
    public let isAdministrator: Bool
    public let capabilities: Set<Capability>
    /// Whether the client rights reach every card or only those the user is responsible for:
    /// only when every role that lets the user see clients is limited to their own.
    public let seesAllClients: Bool
    /// Which categories and articles the principal reads depends on this alone: principals with
    /// the same kind share kept trees and category lists. Asked several times a request, so made once.
    public let readerKind: String
    /// Where the request came from, for the audit log.
    public private(set) var address = ""

    public init(userId: Int64?, displayName: String, roleIds: [Int64], isAdministrator: Bool, capabilities: Set<Capability>,
                seesAllClients: Bool = true) {
        self.userId = userId
        self.displayName = displayName
        self.roleIds = roleIds
        self.isAdministrator = isAdministrator
        self.capabilities = isAdministrator ? Set(Capability.allCases) : capabilities
        self.seesAllClients = isAdministrator || seesAllClients
        readerKind = isAdministrator ? "admin" : roleIds.sorted().map(String.init).joined(separator: ",")
    }

    public var isGuest: Bool { userId == nil }

    /// The same principal, acting from the given client address.
    public func acting(from address: String) -> Principal {
        var principal = self
        principal.address = address
        return principal
    }

    public func has(_ capability: Capability) -> Bool {
        capabilities.contains(capability)
    }

    /// The user to record as the author of a write; guests write nothing.
    func authorId() throws -> Int64 {
        guard let userId else { throw AccessDenied() }
        return userId
    }
}

/// The principal may see the thing but not do this to it. (What it may not see is ``NotFound``.)
public struct AccessDenied: Error, Equatable, Sendable {
    public init() {}
}
