/// A role as its edit page shows it.
public struct RoleDetails: Sendable, Equatable {
    public let role: Role
    public let capabilities: Set<Capability>
    public let activeMembers: Int
}
