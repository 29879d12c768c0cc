import Foundation
import GRDB

/// Sessions live in SQLite, so they survive a restart. A session ends after `idleTimeout`
/// without a request, or at `lifetime` after sign-in, whichever comes first.
public struct SessionStore: Sendable {
    let database: AppDatabase
    public let idleTimeout: TimeInterval
    public let lifetime: TimeInterval
    /// Sessions read since the session table last changed, by stored id: most requests then
    /// need no database read to know who is asking. Any sign-in, sign-out or refresh empties it.
    private let known = ChangeKeyedCache<String, Session>()

    public init(database: AppDatabase, idleTimeout: TimeInterval = 7 * 86_400, lifetime: TimeInterval = 30 * 86_400) {
        self.database = database
        self.idleTimeout = idleTimeout
        self.lifetime = lifetime
    }

    /// A new session with fresh secrets: never reuse an id from before sign-in (session fixation).
    /// Returns the session and the token for its cookie; only the token's digest is stored.
    public func start(userId: Int64, address: String, now: Date = Date()) async throws -> (session: Session, token: String) {
        let token = SecretToken.random()
        let session = Session(
            id: SecretToken.digest(token), userId: userId, csrfToken: SecretToken.random(), createdAt: now,
            lastSeenAt: now, expiresAt: now.addingTimeInterval(lifetime), address: address, seeAsUserId: nil)
        try await database.writer.write { db in try session.insert(db) }
        return (session, token)
    }

    /// The live session for a cookie's token, its last-seen time refreshed (at most once a minute,
    /// to spare a write per request). Expired sessions are removed and give nil.
    public func resume(token: String, now: Date = Date()) async throws -> Session? {
        guard !token.isEmpty, token.count <= 128 else { return nil }
        let id = SecretToken.digest(token)
        let generation = database.changes.sessions
        var found = known.value(for: id, generation: generation)
        if found == nil {
            found = try await database.reader.read { db in try Session.fetchOne(db, key: id) }
            if let found { known.store(found, for: id, generation: generation) }
        }
        guard var session = found else { return nil }
        if session.expiresAt <= now || session.lastSeenAt.addingTimeInterval(idleTimeout) <= now {
            try await end(id: id)
            return nil
        }
        if now.timeIntervalSince(session.lastSeenAt) > 60 {
            session.lastSeenAt = now
            let refreshed = session
            try await database.writer.write { db in try refreshed.update(db, columns: ["lastSeenAt"]) }
        }
        return session
    }

    /// Ends the session with this stored id (``Session/id``, not the cookie's token).
    public func end(id: String) async throws {
        _ = try await database.writer.write { db in try Session.deleteOne(db, key: id) }
    }

    /// "Log out everywhere": every session of the user ends now.
    public func endAll(userId: Int64) async throws {
        _ = try await database.writer.write { db in try Session.filter(Column("userId") == userId).deleteAll(db) }
    }
}
