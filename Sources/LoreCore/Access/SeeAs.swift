import Foundation
import GRDB

/// "See as": someone who manages users browses with another user's rights, to check them. It
/// only ever narrows what the viewer sees: the one seen is never an administrator and holds no
/// role the viewer lacks. It lives in the viewer's session on the server, is re-checked on
/// every request, and its start and end are audited under the viewer's own name.
public struct SeeAs: Sendable {
    let database: AppDatabase
    let principals: PrincipalLoader

    public init(database: AppDatabase, principals: PrincipalLoader) {
        self.database = database
        self.principals = principals
    }

    /// Whether everything `target` may see, `viewer` may see too. Rights are the sum of roles'
    /// grants, so a subset of roles sees a subset; but "only my clients" shows each holder their
    /// own cards, a different set, so it is allowed only to a viewer who sees every card.
    public static func allows(_ viewer: Principal, toSeeAs target: Principal) -> Bool {
        guard viewer.has(.usersManage), !target.isGuest, !target.isAdministrator, target.userId != viewer.userId else { return false }
        if viewer.isAdministrator { return true }
        guard Set(target.roleIds).isSubset(of: viewer.roleIds), target.capabilities.isSubset(of: viewer.capabilities) else { return false }
        return target.seesAllClients || !target.has(.clientsRead) || (viewer.seesAllClients && viewer.has(.clientsRead))
    }

    /// Starts seeing as the user `targetId` in this session; not found when not allowed.
    public func start(session: Session, targetId: Int64, by viewer: Principal) async throws {
        guard let target = try await principals.principal(userId: targetId), Self.allows(viewer, toSeeAs: target) else { throw NotFound() }
        try await database.writer.write { db in
            try db.execute(sql: "UPDATE session SET seeAsUserId = ? WHERE id = ?", arguments: [targetId, session.id])
            let name = try String.fetchOne(db, sql: "SELECT username FROM user WHERE id = ?", arguments: [targetId]) ?? ""
            try AuditLog.record(.seeAsStarted, by: viewer, subject: name, db)
        }
    }

    public func stop(session: Session, by viewer: Principal) async throws {
        guard let targetId = session.seeAsUserId else { return }
        try await database.writer.write { db in
            try db.execute(sql: "UPDATE session SET seeAsUserId = NULL WHERE id = ?", arguments: [session.id])
            let name = try String.fetchOne(db, sql: "SELECT username FROM user WHERE id = ?", arguments: [targetId]) ?? ""
            try AuditLog.record(.seeAsStopped, by: viewer, subject: name, db)
        }
    }

    /// The principal a session acts with while seeing as someone, when that is still allowed
    /// (rights may have changed since it began); nil otherwise.
    public func seen(in session: Session, by viewer: Principal) async throws -> Principal? {
        guard let targetId = session.seeAsUserId, let target = try await principals.principal(userId: targetId),
              Self.allows(viewer, toSeeAs: target) else { return nil }
        return target
    }
}
