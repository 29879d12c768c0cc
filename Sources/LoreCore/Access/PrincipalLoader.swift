import GRDB

/// Builds the ``Principal`` for a request from the database as it is now.
public struct PrincipalLoader: Sendable {
    let database: AppDatabase
    /// Principals read since anything but sessions last changed: roles, grants and accounts
    /// all bump that generation, so a change applies to the very next request.
    private let known = ChangeKeyedCache<Int64, Principal?>()

    public init(database: AppDatabase) {
        self.database = database
    }

    /// The signed-in user's principal, or nil when the account is gone or deactivated.
    public func principal(userId: Int64) async throws -> Principal? {
        let generation = database.changes.content
        if let cached = known.value(for: userId, generation: generation) { return cached }
        let principal = try await database.reader.read { db in try Self.principal(userId: userId, db) }
        known.store(principal, for: userId, generation: generation)
        return principal
    }

    /// Anyone not signed in: the Guest role's rights only.
    public func guest() async throws -> Principal {
        try await database.reader.read { db in
            let guestRole = try Role.id(of: .guest, db)
            return Principal(userId: nil, displayName: "", roleIds: guestRole.map { [$0] } ?? [], isAdministrator: false, capabilities: [])
        }
    }

    static func principal(userId: Int64, _ db: Database) throws -> Principal? {
        guard let user = try User.filter(key: userId).filter(Column("isActive") == true).fetchOne(db) else { return nil }
        let roles = try Role.fetchAll(db, sql: """
            SELECT role.* FROM role JOIN userRole ON userRole.roleId = role.id WHERE userRole.userId = ?
            """, arguments: [userId])
        let capabilities = try String.fetchAll(db, sql: """
            SELECT capability FROM roleCapability WHERE roleId IN (SELECT roleId FROM userRole WHERE userId = ?)
            """, arguments: [userId])
        let seesAllClients = try Bool.fetchOne(db, sql: """
            SELECT EXISTS (SELECT 1 FROM userRole u JOIN roleCapability c ON c.roleId = u.roleId AND c.capability = ?
                           WHERE u.userId = ? AND NOT EXISTS (SELECT 1 FROM roleCapability o WHERE o.roleId = u.roleId AND o.capability = ?))
            """, arguments: [Capability.clientsRead.rawValue, userId, Capability.clientsOnlyOwn.rawValue]) ?? false
        return Principal(
            userId: userId, displayName: user.displayName, roleIds: roles.compactMap(\.id),
            isAdministrator: roles.contains { $0.kind == .administrator },
            capabilities: Set(capabilities.compactMap(Capability.init(rawValue:))), seesAllClients: seesAllClients)
    }
}
