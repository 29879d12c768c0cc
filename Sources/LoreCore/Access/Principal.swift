/// The user on whose behalf a service acts. Services take one on every call, so that
/// every write records its author and, once access rights exist, every read can be filtered.
public struct Principal: Sendable, Equatable {
    public let userId: Int64
    public let displayName: String

    public init(userId: Int64, displayName: String) {
        self.userId = userId
        self.displayName = displayName
    }

    public init(_ user: User) throws {
        guard let id = user.id else { throw NotFound() }
        self.init(userId: id, displayName: user.displayName)
    }
}
