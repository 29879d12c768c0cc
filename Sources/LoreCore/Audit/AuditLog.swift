import Foundation
import GRDB

/// The append-only record of security-relevant events: who did what, when, from where.
public struct AuditLog: Sendable {
    public enum Action: String, Sendable, CaseIterable {
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
        case roleChanged = "role.changed"
        case roleDeleted = "role.deleted"
        case grantChanged = "grant.changed"
        case articleRestricted = "article.restricted"
        case articlePurged = "article.purged"
        case clientsExported = "clients.exported"
        case clientsImported = "clients.imported"
        case purchasesImported = "purchases.imported"
        case clientDeleted = "client.deleted"
        case clientRestored = "client.restored"
        case clientsHandedOver = "clients.handed_over"
        case clientsMerged = "clients.merged"
        case clientsUnmerged = "clients.unmerged"
        case clientFieldAdded = "client_field.added"
        case clientFieldChanged = "client_field.changed"
        case clientFieldRemoved = "client_field.removed"
        case apiTokenCreated = "api_token.created"
        case apiTokenRevoked = "api_token.revoked"
        case backupCreated = "backup.created"
        case seeAsStarted = "see_as.started"
        case seeAsStopped = "see_as.stopped"
        case revisionRedacted = "revision.redacted"
        case revisionUnredacted = "revision.unredacted"
        case clientReadLimit = "clients.read_limit"
        case synonymsChanged = "search.synonyms_changed"
        case readingRequirementChanged = "article.reading_required"
        case ownershipReassigned = "user.pages_reassigned"
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

    public struct Entry: Sendable, Equatable {
        public let at: Date
        /// The username.
        public let actor: String?
        public let actorName: String?
        public let action: String
        public let subject: String
        public let address: String

        public init(at: Date, actor: String?, actorName: String?, action: String, subject: String, address: String) {
            (self.at, self.actor, self.actorName, self.action, self.subject, self.address) = (at, actor, actorName, action, subject, address)
        }
    }

    /// The newest entries first, optionally only one action or one actor's (by username), for those with audit.read.
    public func entries(action: String? = nil, actor: String? = nil, limit: Int = 200, by principal: Principal) async throws -> [Entry] {
        guard principal.has(.auditRead) else { throw NotFound() }
        return try await database.reader.read { db in
            var request: SQL = """
                SELECT auditEntry.at, user.username, auditEntry.action, auditEntry.subject, auditEntry.address, user.displayName
                FROM auditEntry LEFT JOIN user ON user.id = auditEntry.actorId WHERE 1
                """
            if let action, !action.isEmpty { request += " AND auditEntry.action = \(action)" }
            if let actor, !actor.isEmpty { request += " AND user.username = \(actor.lowercased())" }
            request += " ORDER BY auditEntry.id DESC LIMIT \(limit)"
            return try SQLRequest<Row>(literal: request).fetchAll(db).map { row in
                Entry(at: row[0], actor: row[1], actorName: row[5], action: row[2], subject: row[3], address: row[4])
            }
        }
    }

    public static var actions: [String] { Action.allCases.map(\.rawValue) }

    /// For use inside the transaction of the change being recorded: who acts and from where
    /// come from the principal.
    static func record(_ action: Action, by principal: Principal, subject: String, _ db: Database) throws {
        try record(action, actor: principal.userId, subject: subject, address: principal.address, db)
    }

    static func record(_ action: Action, actor: Int64?, subject: String, address: String, _ db: Database) throws {
        try db.execute(
            sql: "INSERT INTO auditEntry (at, actorId, action, subject, address) VALUES (?, ?, ?, ?, ?)",
            arguments: [Date(), actor, action.rawValue, subject, address])
    }
}
