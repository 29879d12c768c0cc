import Foundation
import GRDB

/// Making, listing and revoking one's API tokens, and recognising a token sent with a request.
public struct ApiTokenService: Sendable {
    let database: AppDatabase

    public init(database: AppDatabase) {
        self.database = database
    }

    /// The longest a token may live when it has an expiry at all.
    public static let maxDays = 3650

    /// A new token for the principal; the returned secret is its only copy.
    public func create(name: String, readOnly: Bool, expiresInDays: Int?, by principal: Principal) async throws -> (token: ApiToken, secret: String) {
        let userId = try principal.authorId()
        var validator = Validator()
        let name = validator.text("name", name, maxBytes: 100)
        if let days = expiresInDays, !(1...Self.maxDays).contains(days) { validator.add("expires", .notFound) }
        try validator.check()
        let secret = ApiToken.prefix + SecretToken.random()
        let now = Date()
        let draft = ApiToken(userId: userId, name: name, digest: SecretToken.digest(secret), isReadOnly: readOnly, createdAt: now,
                             expiresAt: expiresInDays.map { now.addingTimeInterval(Double($0) * 86_400) })
        let token = try await database.writer.write { [database] db in
            var token = draft
            try token.insert(db)
            try AuditLog.record(.apiTokenCreated, by: principal, subject: "\(name) (#\(token.id ?? 0)\(readOnly ? ", read-only" : ""))", db)
            var event = NotificationEvent(kind: .token, event: "created", subject: nil, actorId: userId, excerpt: name, suffix: "/me#tokens")
            event.tellsActor = true
            try Notifier(mail: database.mail).send(event, to: [userId], db)
            return token
        }
        return (token, secret)
    }

    /// The principal's own tokens, newest first, revoked ones included (they say when).
    public func tokens(for principal: Principal) async throws -> [ApiToken] {
        let userId = try principal.authorId()
        return try await database.reader.read { db in
            try ApiToken.filter(Column("userId") == userId).order(Column("id").desc).fetchAll(db)
        }
    }

    /// Revokes one of the principal's own tokens; someone else's is ``NotFound``.
    public func revoke(id: Int64, by principal: Principal) async throws {
        let userId = try principal.authorId()
        try await database.writer.write { db in
            guard var token = try ApiToken.filter(key: id).filter(Column("userId") == userId).fetchOne(db) else { throw NotFound() }
            guard token.revokedAt == nil else { return }
            token.revokedAt = Date()
            try token.update(db)
            try AuditLog.record(.apiTokenRevoked, by: principal, subject: "\(token.name) (#\(id))", db)
        }
    }

    /// The valid token this secret belongs to, if any, marked as used now. The mark is written at
    /// most once a minute, so that a busy program's reads do not each cost a write.
    public func authenticate(secret: String) async throws -> ApiToken? {
        guard secret.hasPrefix(ApiToken.prefix) else { return nil }
        let digest = SecretToken.digest(secret)
        guard var token = try await database.reader.read({ db in try ApiToken.filter(Column("digest") == digest).fetchOne(db) }),
              token.isValid() else { return nil }
        let now = Date()
        if token.lastUsedAt.map({ now.timeIntervalSince($0) >= 60 }) ?? true {
            token.lastUsedAt = now
            let marked = token
            try await database.writer.write { db in try marked.update(db, columns: ["lastUsedAt"]) }
        }
        return token
    }
}
