import Foundation
import GRDB

/// The append-only record of security-relevant events: who did what, when, from where.
public struct AuditLog: Sendable {
    public enum Action: String, Sendable {
        case loginSucceeded = "login.succeeded"
        case loginFailed = "login.failed"
        case logout = "logout"
        case logoutEverywhere = "logout.everywhere"
        case userCreated = "user.created"
        case passwordReset = "user.password_reset"
        case userChanged = "user.changed"
        case userDeactivated = "user.deactivated"
        case userReactivated = "user.reactivated"
        case passwordLinkIssued = "user.password_link_issued"
        case passwordSet = "user.password_set"
        case roleCreated = "role.created"
        case grantChanged = "grant.changed"
        case articleRestricted = "article.restricted"
    }

    let database: AppDatabase

    public init(database: AppDatabase) {
        self.database = database
    }

    public func record(_ action: Action, actor: Int64?, subject: String = "", address: String) async throws {
        try await database.writer.write { db in
            try Self.record(action, actor: actor, subject: subject, address: address, db)
        }
    }

    /// For use inside the transaction of the change being recorded.
    static func record(_ action: Action, actor: Int64?, subject: String, address: String, _ db: Database) throws {
        try db.execute(
            sql: "INSERT INTO auditEntry (at, actorId, action, subject, address) VALUES (?, ?, ?, ?, ?)",
            arguments: [Date(), actor, action.rawValue, subject, address])
    }
}
