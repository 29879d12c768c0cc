import Foundation
import GRDB

/// What administrators (users.manage) do with accounts: create or invite, change, deactivate, and hand
/// out one-time links to set a password. Accounts are never deleted: history names its authors.
public struct UserAdministration: Sendable {
    public static let linkLifetime: TimeInterval = 7 * 86_400

    let database: AppDatabase
    let passwordCost: UInt8

    public init(database: AppDatabase, passwordCost: UInt8 = 12) {
        self.database = database
        self.passwordCost = passwordCost
    }

    public struct Account: Sendable {
        public let user: User
        public let roleIds: Set<Int64>
    }

    public func accounts(by principal: Principal) async throws -> [Account] {
        guard principal.has(.usersManage) else { throw NotFound() }
        return try await database.reader.read { db in
            try User.order(Column("username")).fetchAll(db).map { try Self.account($0, db) }
        }
    }

    public func account(id: Int64, by principal: Principal) async throws -> Account {
        guard principal.has(.usersManage) else { throw NotFound() }
        return try await database.reader.read { db in
            guard let user = try User.fetchOne(db, id: id) else { throw NotFound() }
            return try Self.account(user, db)
        }
    }

    /// How a new account gets its first password.
    public enum FirstPassword: Sendable {
        /// Chosen by whoever creates the account (the command line, the demo accounts).
        case given(String)
        /// Nobody knows it: the person chooses one through a one-time link.
        case link
    }

    /// Creates an account holding Employee and `roleIds`. With `.link`, the person chooses a
    /// password through a one-time link: e-mailed to them when e-mail is on and they have an
    /// address (nil is returned), otherwise returned for the administrator to pass on.
    public func create(
        username: String, displayName: String, email: String? = nil, password: FirstPassword,
        roleIds: Set<Int64> = [], by principal: Principal
    ) async throws -> (user: User, link: String?) {
        guard principal.has(.usersManage) else { throw NotFound() }
        var validator = Validator()
        let username = validator.text("username", username, maxBytes: 100).lowercased()
        let displayName = validator.text("displayName", displayName, maxBytes: 200)
        let email = validator.text("email", email ?? "", required: false, maxBytes: 200)
        if !username.isEmpty, !username.allSatisfy({ $0.isLetter || $0.isNumber || "._-".contains($0) }) {
            validator.add("username", .invalidText)
        }
        let plain: String
        switch password {
        case .given(let chosen):
            if let problem = PasswordPolicy.problem(with: chosen) { validator.add("password", problem) }
            plain = chosen
        case .link:
            plain = SecretToken.random()
        }
        try validator.check()
        // Hashing is slow by design: do it before taking the write lock.
        let hash = await PasswordHash.make(plain, cost: passwordCost)
        return try await database.writer.write { [database] db in
            if try User.filter(Column("username") == username).fetchCount(db) > 0 { throw ValidationError(field: "username", .duplicate) }
            if !email.isEmpty, try User.filter(Column("email") == email).fetchCount(db) > 0 { throw ValidationError(field: "email", .duplicate) }
            var user = User(id: nil, username: username, email: email.isEmpty ? nil : email, displayName: displayName,
                            passwordHash: hash, createdAt: Date(), isActive: true)
            try user.insert(db)
            guard let id = user.id else { throw NotFound() }
            try Self.setRoles(roleIds, of: id, by: principal, notifier: nil, db)
            try AuditLog.record(.userCreated, by: principal, subject: username, db)
            guard case .link = password else { return (user, nil) }
            let token = try Self.issueLink(for: id, db)
            guard database.mail.isOn, !email.isEmpty else { return (user, token) }
            try MailQueue.queue(.invitation, to: id, payload: "/set-password/\(token)", db)
            return (user, nil)
        }
    }

    /// Changes name, e-mail and roles, and the position and department when given.
    public func update(id: Int64, displayName: String, email: String?, roleIds: Set<Int64>, position: String? = nil,
                       department: String? = nil, by principal: Principal) async throws {
        guard principal.has(.usersManage) else { throw NotFound() }
        var validator = Validator()
        let displayName = validator.text("displayName", displayName, maxBytes: 200)
        let email = validator.text("email", email ?? "", required: false, maxBytes: 200)
        let position = position.map { validator.text("position", $0, required: false, maxBytes: 200) }
        let department = department.map { validator.text("department", $0, required: false, maxBytes: 200) }
        try validator.check()
        try await database.writer.write { [database] db in
            guard var user = try User.fetchOne(db, id: id) else { throw NotFound() }
            if !email.isEmpty, try User.filter(Column("email") == email).filter(Column("id") != id).fetchCount(db) > 0 {
                throw ValidationError(field: "email", .duplicate)
            }
            user.displayName = displayName
            user.email = email.isEmpty ? nil : email
            if let position { user.position = position }
            if let department { user.department = department }
            try user.update(db)
            try Self.setRoles(roleIds, of: id, by: principal, notifier: Notifier(mail: database.mail), db)
            try AuditLog.record(.userChanged, by: principal, subject: user.username, db)
        }
    }

    /// Deactivating signs the person out at once and keeps them out; their history stays.
    public func setActive(_ active: Bool, id: Int64, by principal: Principal) async throws {
        guard principal.has(.usersManage) else { throw NotFound() }
        if !active, id == principal.userId { throw AccessDenied() }
        try await database.writer.write { db in
            guard let user = try User.fetchOne(db, id: id) else { throw NotFound() }
            try db.execute(sql: "UPDATE user SET isActive = ? WHERE id = ?", arguments: [active, id])
            if !active {
                try db.execute(sql: "DELETE FROM session WHERE userId = ?", arguments: [id])
                try db.execute(sql: "DELETE FROM passwordLink WHERE userId = ?", arguments: [id])
            }
            try AuditLog.record(active ? .userReactivated : .userDeactivated, by: principal, subject: user.username, db)
        }
    }

    /// A new one-time link for the user to set a password (the old ones stop working).
    public func issuePasswordLink(id: Int64, by principal: Principal) async throws -> String {
        guard principal.has(.usersManage) else { throw NotFound() }
        return try await database.writer.write { db in
            guard let user = try User.fetchOne(db, id: id), user.isActive else { throw NotFound() }
            try AuditLog.record(.passwordLinkIssued, by: principal, subject: user.username, db)
            return try Self.issueLink(for: id, db)
        }
    }

    /// "Forgot password?": e-mails a set-password link to the active account with this username
    /// or e-mail address, if it has an address — a few times an hour at most. Says nothing
    /// either way, so nobody learns which accounts exist.
    public func requestReset(login: String, address: String, now: Date = Date()) async throws {
        let login = login.trimmingCharacters(in: .whitespaces)
        guard database.mail.isOn, !login.isEmpty, login.utf8.count <= 200 else { return }
        try await database.writer.write { db in
            guard let user = try User.filter(Column("username") == login.lowercased() || Column("email") == login)
                .filter(Column("isActive") == true).fetchOne(db), let id = user.id, user.email?.isEmpty == false
            else { return }
            let recent = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM mail WHERE userId = ? AND kind = 'passwordReset' AND createdAt > ?",
                                          arguments: [id, now.addingTimeInterval(-3600)]) ?? 0
            guard recent < Self.resetsPerHour else { return }
            try MailQueue.queue(.passwordReset, to: id, payload: "/set-password/\(try Self.issueLink(for: id, db))", db, now: now)
            try AuditLog.record(.passwordLinkIssued, actor: id, subject: "\(user.username) (forgot password)", address: address, db)
        }
    }

    static let resetsPerHour = 3

    /// The account a live link belongs to, or nil.
    public func linkOwner(token: String, now: Date = Date()) async throws -> User? {
        try await database.reader.read { db in
            try User.fetchOne(db, sql: """
                SELECT user.* FROM passwordLink JOIN user ON user.id = passwordLink.userId
                WHERE passwordLink.token = ? AND passwordLink.expiresAt > ? AND user.isActive
                """, arguments: [SecretToken.digest(token), now])
        }
    }

    /// Sets the password chosen through a link, uses the link up and ends the user's other sessions.
    public func redeem(token: String, password: String, address: String = "", now: Date = Date()) async throws -> User {
        if let problem = PasswordPolicy.problem(with: password) { throw ValidationError(field: "password", problem) }
        guard let owner = try await linkOwner(token: token, now: now), let id = owner.id else { throw NotFound() }
        let hash = await PasswordHash.make(password, cost: passwordCost)
        return try await database.writer.write { db in
            // Checked again inside the write: two tabs must not both use one link.
            try db.execute(sql: "DELETE FROM passwordLink WHERE token = ? AND expiresAt > ?", arguments: [SecretToken.digest(token), now])
            guard db.changesCount == 1 else { throw NotFound() }
            try db.execute(sql: "UPDATE user SET passwordHash = ? WHERE id = ?", arguments: [hash, id])
            try db.execute(sql: "DELETE FROM session WHERE userId = ?", arguments: [id])
            try AuditLog.record(.passwordSet, actor: id, subject: owner.username, address: address, db)
            return owner
        }
    }

    private static func issueLink(for userId: Int64, _ db: Database) throws -> String {
        let token = SecretToken.random()
        try db.execute(sql: "DELETE FROM passwordLink WHERE userId = ?", arguments: [userId])
        try db.execute(sql: "INSERT INTO passwordLink (token, userId, expiresAt) VALUES (?, ?, ?)",
                       arguments: [SecretToken.digest(token), userId, Date().addingTimeInterval(linkLifetime)])
        return token
    }

    /// Everyone holds Employee; the other roles are as given. Only an administrator may make
    /// or unmake one, so users.manage alone cannot be turned into every right. With a
    /// `notifier`, the person hears that their roles changed.
    static func setRoles(_ roleIds: Set<Int64>, of userId: Int64, by principal: Principal, notifier: Notifier?, _ db: Database) throws {
        let employee = try Role.id(of: .employee, db)
        let administrator = try Role.id(of: .administrator, db)
        let held = Set(try Int64.fetchAll(db, sql: "SELECT roleId FROM userRole WHERE userId = ?", arguments: [userId]))
        if let administrator, !principal.isAdministrator, held.contains(administrator) != roleIds.contains(administrator) {
            throw AccessDenied()
        }
        try db.execute(sql: "DELETE FROM userRole WHERE userId = ?", arguments: [userId])
        for roleId in roleIds.union(employee.map { [$0] } ?? []) {
            guard try Role.fetchOne(db, id: roleId) != nil else { throw ValidationError(field: "roles", .notFound) }
            try db.execute(sql: "INSERT INTO userRole (userId, roleId) VALUES (?, ?)", arguments: [userId, roleId])
        }
        if let notifier, held != roleIds.union(employee.map { [$0] } ?? []) {
            try notifier.send(NotificationEvent(kind: .access, event: "roles", subject: nil, actorId: principal.userId, suffix: "/me"), to: [userId], db)
        }
    }

    private static func account(_ user: User, _ db: Database) throws -> Account {
        Account(user: user, roleIds: Set(try Int64.fetchAll(db, sql: "SELECT roleId FROM userRole WHERE userId = ?", arguments: [user.id])))
    }
}
