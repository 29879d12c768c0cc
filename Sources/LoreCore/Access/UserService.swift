import Foundation
import GRDB

/// The first administrator, password resets and the account list of the command line.
public struct UserService: Sendable {
    public static let administratorUsername = "admin"

    let database: AppDatabase
    /// bcrypt's work factor; tests lower it because each step doubles the time.
    let passwordCost: UInt8

    public init(database: AppDatabase, passwordCost: UInt8 = 12) {
        self.database = database
        self.passwordCost = passwordCost
    }

    public struct Bootstrap: Sendable {
        public let administrator: User
        /// Set only when this call created the account with a generated password, to be shown once.
        public let generatedPassword: String?
    }

    /// Returns the administrator account, creating it on a new database. Its password is
    /// `password` when given, otherwise a random one that the caller prints once.
    public func bootstrapAdministrator(password: String?) async throws -> Bootstrap {
        if let existing = try await database.reader.read({ db in
            try User.filter(Column("username") == Self.administratorUsername).fetchOne(db)
        }) {
            return Bootstrap(administrator: existing, generatedPassword: nil)
        }
        let chosen = password.flatMap { $0.isEmpty ? nil : $0 }
        let plain = chosen ?? Self.randomPassword()
        // Hashing is slow by design: do it before taking the write lock.
        let hash = await PasswordHash.make(plain, cost: passwordCost)
        let user = try await database.writer.write { db in
            var user = User(
                id: nil, username: Self.administratorUsername, email: nil,
                displayName: "Administrator", passwordHash: hash, createdAt: Date(), isActive: true)
            try user.insert(db)
            try db.execute(sql: """
                INSERT INTO userRole (userId, roleId) SELECT ?, id FROM role WHERE kind = ?
                """, arguments: [user.id, Role.Kind.administrator.rawValue])
            return user
        }
        return Bootstrap(administrator: user, generatedPassword: chosen == nil ? plain : nil)
    }

    public func user(id: Int64) async throws -> User {
        try await database.reader.read { db in
            guard let user = try User.fetchOne(db, id: id) else { throw NotFound() }
            return user
        }
    }

    public func rememberLanguage(_ code: String, of userId: Int64) async throws {
        try await database.writer.write { db in
            try db.execute(sql: "UPDATE user SET language = ? WHERE id = ? AND language <> ?", arguments: [code, userId, code])
        }
    }

    /// Up to ten active people whose username or name starts with `typed` (or a word of the name
    /// does): for `@` mentions. Names are no secret among colleagues; history shows them too.
    public func suggest(_ typed: String) async throws -> [User] {
        let text = typed.trimmingCharacters(in: .whitespaces)
        // SQLite's LIKE ignores case in ASCII only: «мар» is also tried as «Мар».
        func pattern(_ text: String) -> String {
            text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
                .replacingOccurrences(of: "_", with: "\\_") + "%"
        }
        let arguments: StatementArguments = [pattern(text), pattern(text.prefix(1).uppercased() + text.dropFirst())]
        return try await database.reader.read { db in
            try User.fetchAll(db, sql: """
                SELECT * FROM user WHERE isActive AND (username LIKE ?1 ESCAPE '\\' OR displayName LIKE ?1 ESCAPE '\\'
                  OR displayName LIKE ?2 ESCAPE '\\' OR displayName LIKE '% ' || ?2 ESCAPE '\\')
                ORDER BY displayName LIMIT 10
                """, arguments: arguments)
        }
    }

    /// Sets a new password and ends all of the user's sessions.
    public func resetPassword(username: String, to password: String, by principal: Principal) async throws {
        guard principal.has(.usersManage) else { throw AccessDenied() }
        if let problem = PasswordPolicy.problem(with: password) { throw ValidationError(field: "password", problem) }
        let hash = await PasswordHash.make(password, cost: passwordCost)
        try await database.writer.write { db in
            guard let user = try User.filter(Column("username") == username).fetchOne(db), let id = user.id else { throw NotFound() }
            try db.execute(sql: "UPDATE user SET passwordHash = ? WHERE id = ?", arguments: [hash, id])
            try db.execute(sql: "DELETE FROM session WHERE userId = ?", arguments: [id])
            try AuditLog.record(.passwordReset, by: principal, subject: user.username, db)
        }
    }

    /// Every account with the names of its roles, by username.
    public func list(by principal: Principal) async throws -> [(user: User, roles: [String])] {
        guard principal.has(.usersManage) else { throw AccessDenied() }
        return try await database.reader.read { db in
            try User.order(Column("username")).fetchAll(db).map { user in
                let roles = try String.fetchAll(db, sql: """
                    SELECT role.name FROM role JOIN userRole ON userRole.roleId = role.id WHERE userRole.userId = ? ORDER BY role.name
                    """, arguments: [user.id])
                return (user, roles)
            }
        }
    }

    /// 20 characters from an alphabet without look-alikes: about 115 bits.
    public static func randomPassword() -> String {
        let alphabet = Array("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        var generator = SystemRandomNumberGenerator()
        return String((0..<20).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] })
    }
}
