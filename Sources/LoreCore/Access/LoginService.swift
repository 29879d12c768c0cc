import Foundation
import GRDB
import HummingbirdBcrypt

/// Checks a username (or e-mail) and password. Unknown users and wrong passwords take the
/// same time and give the same answer, so the form cannot be used to find out who works here.
public struct LoginService: Sendable {
    let database: AppDatabase
    let throttle: LoginThrottle
    let audit: AuditLog
    /// Compared against when the user does not exist, so both cases cost one bcrypt check.
    let decoyHash: String

    public init(database: AppDatabase, throttle: LoginThrottle, passwordCost: UInt8 = 12) {
        self.database = database
        self.throttle = throttle
        self.audit = AuditLog(database: database)
        self.decoyHash = Bcrypt.hash(SecretToken.random(), cost: passwordCost)
    }

    /// The user when the credentials are right and the account active; nil otherwise.
    /// Throws ``LoginThrottled`` when too many attempts for the account or from the address wait already.
    public func authenticate(login: String, password: String, address: String) async throws -> User? {
        let name = String(login.trimmingCharacters(in: .whitespaces).lowercased().prefix(200))
        let attempt = LoginThrottle.Attempt(account: name, address: address)
        guard await throttle.admit(attempt) else {
            try await audit.record(.loginFailed, actor: nil, subject: String(name.prefix(100)), address: address)
            throw LoginThrottled()
        }
        let user: User?
        do {
            user = try await database.reader.read { db in
                try User.filter(Column("username") == name || Column("email") == name).fetchOne(db)
            }
        } catch {
            await throttle.finished(attempt, succeeded: false)
            throw error
        }
        let matches = await PasswordHash.matches(password, hash: user?.passwordHash ?? decoyHash)
        guard let user, matches, user.isActive, let id = user.id else {
            await throttle.finished(attempt, succeeded: false)
            try await audit.record(.loginFailed, actor: nil, subject: String(name.prefix(100)), address: address)
            return nil
        }
        await throttle.finished(attempt, succeeded: true)
        try await audit.record(.loginSucceeded, actor: id, subject: user.username, address: address)
        if user.firstSignInAt == nil {
            // A newcomer's pages to read and confirm are due counting from today.
            try await database.writer.write { db in
                try db.execute(sql: "UPDATE user SET firstSignInAt = ? WHERE id = ? AND firstSignInAt IS NULL", arguments: [Date(), id])
            }
        }
        return user
    }
}

/// Too many sign-in attempts for one account or from one address are already waiting.
public struct LoginThrottled: Error, Sendable {}
