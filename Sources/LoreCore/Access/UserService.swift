import Foundation
import GRDB
import HummingbirdBcrypt

/// Creates accounts. Accounts, sign-in and roles grow here in the access-rights issue.
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
        let hash = Bcrypt.hash(plain, cost: passwordCost)
        let user = try await database.writer.write { db in
            var user = User(
                id: nil, username: Self.administratorUsername, email: nil,
                displayName: "Administrator", passwordHash: hash, createdAt: Date())
            try user.insert(db)
            return user
        }
        return Bootstrap(administrator: user, generatedPassword: chosen == nil ? plain : nil)
    }

    /// 20 characters from an alphabet without look-alikes: about 115 bits.
    static func randomPassword() -> String {
        let alphabet = Array("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        var generator = SystemRandomNumberGenerator()
        return String((0..<20).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] })
    }
}
