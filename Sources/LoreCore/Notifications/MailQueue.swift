import Foundation
import GRDB

/// The e-mail outbox: queued by the events themselves (in their transactions), taken one at a
/// time by the sender, retried with growing waits, and listed for administrators.
public struct MailQueue: Sendable {
    let database: AppDatabase

    public init(database: AppDatabase) {
        self.database = database
    }

    /// More than this many e-mails to one person within an hour wait for their digest instead.
    static let hourlyLimitPerUser = 20

    /// Queues one notification for its recipient, or leaves it for the digest when they have
    /// had many e-mails this hour. Nothing when they have no address.
    static func queue(_ entry: NotificationEntry, _ db: Database, now: Date = Date()) throws {
        guard let address = try address(of: entry.userId, db), let id = entry.id else { return }
        let lastHour = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM mail WHERE userId = ? AND createdAt > ?",
                                        arguments: [entry.userId, now.addingTimeInterval(-3600)]) ?? 0
        if lastHour >= hourlyLimitPerUser {
            try db.execute(sql: "UPDATE notification SET digestPending = 1 WHERE id = ?", arguments: [id])
            return
        }
        var mail = OutgoingMail(kind: .notification, userId: entry.userId, address: address, notificationId: id, payload: "", now: now)
        try mail.insert(db)
    }

    /// Queues an e-mail carrying a link or a list (`payload`) to a user.
    static func queue(_ kind: OutgoingMail.Kind, to userId: Int64, payload: String, _ db: Database, now: Date = Date()) throws {
        guard let address = try address(of: userId, db) else { return }
        var mail = OutgoingMail(kind: kind, userId: userId, address: address, notificationId: nil, payload: payload, now: now)
        try mail.insert(db)
    }

    private static func address(of userId: Int64, _ db: Database) throws -> String? {
        guard let email = try String.fetchOne(db, sql: "SELECT email FROM user WHERE id = ? AND isActive", arguments: [userId]),
              !email.isEmpty else { return nil }
        return email
    }

    // MARK: The sender

    /// The oldest e-mail due now, if any.
    public func nextDue(now: Date = Date()) async throws -> OutgoingMail? {
        try await database.reader.read { db in
            try OutgoingMail.filter(Column("sentAt") == nil && Column("failedAt") == nil && Column("nextAttemptAt") <= now)
                .order(Column("nextAttemptAt"), Column("id")).fetchOne(db)
        }
    }

    public func sent(_ id: Int64, now: Date = Date()) async throws {
        // A link to set a password is not kept once it has gone.
        try await database.writer.write { db in
            try db.execute(sql: """
                UPDATE mail SET sentAt = ?, attempts = attempts + 1, lastError = '',
                  payload = CASE WHEN kind IN ('invitation', 'passwordReset') THEN '' ELSE payload END WHERE id = ?
                """, arguments: [now, id])
        }
    }

    /// Tries again later, waiting `firstWait` and then twice as long each time, until ``OutgoingMail/maxAttempts``.
    public func failed(_ id: Int64, error: String, firstWait: TimeInterval = 60, now: Date = Date()) async throws {
        try await database.writer.write { db in
            guard let mail = try OutgoingMail.fetchOne(db, id: id) else { return }
            let attempts = mail.attempts + 1
            let wait = firstWait * Double(1 << min(attempts - 1, 12))
            try db.execute(sql: "UPDATE mail SET attempts = ?, lastError = ?, nextAttemptAt = ?, failedAt = ? WHERE id = ?", arguments: [
                attempts, String(error.prefix(500)), now.addingTimeInterval(wait), attempts >= OutgoingMail.maxAttempts ? now : nil, id,
            ])
        }
    }

    /// Nothing to send: what it told of is no longer the recipient's to see.
    public func dropped(_ id: Int64, reason: String, now: Date = Date()) async throws {
        try await database.writer.write { db in
            try db.execute(sql: "UPDATE mail SET failedAt = ?, lastError = ?, payload = '' WHERE id = ?", arguments: [now, reason, id])
        }
    }

    // MARK: The morning digest

    /// Once `hour` (server time) has come today, queues for each person the notifications kept
    /// for their digest since the last one: one e-mail a day at most. Returns how many.
    @discardableResult
    public func queueDigests(atHour hour: Int, now: Date = Date()) async throws -> Int {
        guard let mark = Calendar.current.date(bySettingHour: hour, minute: 0, second: 0, of: now), now >= mark else { return 0 }
        return try await database.writer.write { db in
            var queued = 0
            for userId in try Int64.fetchAll(db, sql: "SELECT DISTINCT userId FROM notification WHERE digestPending") {
                let sentToday = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM mail WHERE userId = ? AND kind = 'digest' AND createdAt >= ?)",
                                                  arguments: [userId, mark]) ?? false
                guard !sentToday else { continue }
                let ids = try Int64.fetchAll(db, sql: "SELECT id FROM notification WHERE userId = ? AND digestPending ORDER BY id", arguments: [userId])
                try Self.queue(.digest, to: userId, payload: ids.map(String.init).joined(separator: ","), db, now: now)
                try db.execute(sql: "UPDATE notification SET digestPending = 0 WHERE userId = ? AND digestPending", arguments: [userId])
                queued += 1
            }
            return queued
        }
    }

    // MARK: Administrators

    public struct Overview: Sendable {
        public let waiting: [OutgoingMail]
        public let failed: [OutgoingMail]
        public let sent: [OutgoingMail]
    }

    public func overview(by principal: Principal) async throws -> Overview {
        guard principal.isAdministrator else { throw NotFound() }
        return try await database.reader.read { db in
            let open = Column("sentAt") == nil && Column("failedAt") == nil
            return Overview(
                waiting: try OutgoingMail.filter(open).order(Column("id")).limit(100).fetchAll(db),
                failed: try OutgoingMail.filter(Column("failedAt") != nil).order(Column("failedAt").desc).limit(50).fetchAll(db),
                sent: try OutgoingMail.filter(Column("sentAt") != nil).order(Column("sentAt").desc).limit(50).fetchAll(db))
        }
    }

    /// Queues a test e-mail to the administrator's own address.
    public func queueTest(by principal: Principal) async throws {
        guard principal.isAdministrator, let userId = principal.userId else { throw NotFound() }
        try await database.writer.write { db in
            guard try Self.address(of: userId, db) != nil else { throw ValidationError(field: "email", .required) }
            try Self.queue(.test, to: userId, payload: "", db)
        }
    }

    /// Sends a failed e-mail again from the start.
    public func retry(_ id: Int64, by principal: Principal) async throws {
        guard principal.isAdministrator else { throw NotFound() }
        try await database.writer.write { db in
            try db.execute(sql: """
                UPDATE mail SET failedAt = NULL, attempts = 0, nextAttemptAt = ? WHERE id = ? AND sentAt IS NULL
                  AND NOT (kind IN ('invitation', 'passwordReset') AND payload = '')
                """, arguments: [Date(), id])
        }
    }
}

extension OutgoingMail {
    init(kind: Kind, userId: Int64?, address: String, notificationId: Int64?, payload: String, now: Date) {
        self.init(id: nil, kind: kind, userId: userId, address: address, notificationId: notificationId, payload: payload, createdAt: now,
                  attempts: 0, nextAttemptAt: now, sentAt: nil, failedAt: nil, lastError: "")
    }
}
