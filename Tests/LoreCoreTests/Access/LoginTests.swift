import Foundation
import GRDB
import Testing
@testable import LoreCore

@Suite struct LoginTests {
    @Test func throttleSlowsDownProgressivelyAndForgets() async {
        let throttle = LoginThrottle(freeAttempts: 3, maxDelay: 20, forgetAfter: 900)
        let now = Date()
        let guess = LoginThrottle.Attempt(account: "ivan", address: "10.0.0.9")
        for _ in 0..<3 { await throttle.finished(guess, succeeded: false, now: now) }
        #expect(await throttle.delay(for: guess, now: now) == 1)
        for _ in 0..<10 { await throttle.finished(guess, succeeded: false, now: now) }
        #expect(await throttle.delay(for: guess, now: now) == 20)
        #expect(await throttle.delay(for: .init(account: "olga", address: "10.0.0.2"), now: now) == 0, "other accounts and addresses are not affected")
        #expect(await throttle.delay(for: .init(account: "ivan", address: "10.0.0.2"), now: now) == 20, "the account is slowed from anywhere")
        #expect(await throttle.delay(for: .init(account: "olga", address: "10.0.0.9"), now: now) == 20, "so is the address, for any account")
        #expect(await throttle.delay(for: guess, now: now.addingTimeInterval(901)) == 0)
    }

    @Test func aSuccessClearsOnlyItsOwnAccountAndAddress() async {
        let throttle = LoginThrottle(freeAttempts: 3, maxDelay: 20, forgetAfter: 900)
        let now = Date()
        let attacker = LoginThrottle.Attempt(account: "ivan", address: "10.0.0.9")
        for _ in 0..<6 { await throttle.finished(attacker, succeeded: false, now: now) }
        // The attacker signs in to their own account from the same address: their guesses still count.
        await throttle.finished(.init(account: "mallory", address: "10.0.0.9"), succeeded: true, now: now)
        #expect(await throttle.delay(for: attacker, now: now) == 8)
        // Ivan signs in from his own desk: that does not reset the guesses at his account from elsewhere...
        let owner = LoginThrottle.Attempt(account: "ivan", address: "10.0.0.2")
        #expect(await throttle.delay(for: owner, now: now) == 8)
        await throttle.finished(owner, succeeded: true, now: now)
        #expect(await throttle.delay(for: attacker, now: now) == 8)
        // ...but his own desk, now known, is no longer slowed by them.
        #expect(await throttle.delay(for: owner, now: now) == 0)
    }

    @Test func parallelGuessesQueueOneAtATimeAndALongQueueIsRefused() async {
        let throttle = LoginThrottle(freeAttempts: 100, maxDelay: 20, forgetAfter: 900, maxQueued: 2)
        let guess = LoginThrottle.Attempt(account: "ivan", address: "10.0.0.9")
        #expect(await throttle.admit(guess))
        // While the first is checked, two more wait and the fourth is turned away at once.
        let waiting = (0..<2).map { _ in
            Task {
                let admitted = await throttle.admit(guess)
                if admitted { await throttle.finished(guess, succeeded: false) }
                return admitted
            }
        }
        try? await Task.sleep(for: .milliseconds(100))
        #expect(await throttle.admit(guess) == false)
        #expect(await throttle.admit(.init(account: "olga", address: "10.0.0.2")), "others are not held up")
        await throttle.finished(.init(account: "olga", address: "10.0.0.2"), succeeded: true)
        await throttle.finished(guess, succeeded: false)
        var admitted = 0
        for task in waiting where await task.value { admitted += 1 }
        #expect(admitted == 2)
    }

    @Test func aRushFromOneCleanAddressWaitsItsTurnButAFailingAddressGoesOneAtATime() async {
        let throttle = LoginThrottle(freeAttempts: 100, maxDelay: 20, forgetAfter: 900, maxQueued: 2, cleanAddressWidth: 2, cleanAddressQueue: 8)
        let office = "10.0.0.1"
        let first = LoginThrottle.Attempt(account: "u0", address: office), second = LoginThrottle.Attempt(account: "u1", address: office)
        #expect(await throttle.admit(first))
        #expect(await throttle.admit(second), "two people from one office are checked at once")
        // Ten more colleagues: eight wait their turn, not two; the rest are turned away.
        let colleagues = (2..<12).map { index in
            Task {
                let attempt = LoginThrottle.Attempt(account: "u\(index)", address: office)
                let admitted = await throttle.admit(attempt)
                if admitted { await throttle.finished(attempt, succeeded: true) }
                return admitted
            }
        }
        try? await Task.sleep(for: .milliseconds(100))
        await throttle.finished(first, succeeded: true)
        await throttle.finished(second, succeeded: true)
        var admitted = 0
        for task in colleagues where await task.value { admitted += 1 }
        #expect(admitted == 8)

        // Once the address has failed, it is one at a time again, with the short queue.
        await throttle.finished(.init(account: "u0", address: office), succeeded: false)
        #expect(await throttle.admit(first))
        let behind = (1..<4).map { index in
            Task {
                let attempt = LoginThrottle.Attempt(account: "v\(index)", address: office)
                let admitted = await throttle.admit(attempt)
                if admitted { await throttle.finished(attempt, succeeded: true) }
                return admitted
            }
        }
        try? await Task.sleep(for: .milliseconds(100))
        await throttle.finished(first, succeeded: true)
        var refused = 0
        for task in behind where await task.value == false { refused += 1 }
        #expect(refused == 1, "two wait behind the one being checked, the third is refused")
    }

    @Test func authenticatesByUsernameOrEmailAndRecordsAttempts() async throws {
        let world = try await TestWorld()
        let users = UserAdministration(database: world.database, passwordCost: 4)
        _ = try await users.create(username: "olga", displayName: "Olga", email: "olga@larchwood.example",
                                   password: .given("a long enough secret"), by: world.principal)
        let login = LoginService(database: world.database, throttle: LoginThrottle(), passwordCost: 4)
        #expect(try await login.authenticate(login: "OLGA", password: "a long enough secret", address: "10.0.0.2")?.username == "olga")
        #expect(try await login.authenticate(login: "olga@larchwood.example", password: "a long enough secret", address: "") != nil)
        #expect(try await login.authenticate(login: "olga", password: "wrong", address: "10.0.0.2") == nil)
        #expect(try await login.authenticate(login: "nobody", password: "wrong", address: "10.0.0.2") == nil)
        let actions = try await world.database.reader.read { db in
            try String.fetchAll(db, sql: "SELECT action FROM auditEntry WHERE action LIKE 'login.%' ORDER BY id")
        }
        #expect(actions == ["login.succeeded", "login.succeeded", "login.failed", "login.failed"])
    }

    @Test func aFirstSignInLeavesCachedPagesFresh() async throws {
        let world = try await TestWorld()
        let users = UserAdministration(database: world.database, passwordCost: 4)
        let olga = try await users.create(username: "olga", displayName: "Olga", password: .given("a long enough secret"),
                                          by: world.principal).user
        try await world.database.writer.write { db in
            try db.execute(sql: "UPDATE user SET firstSignInAt = NULL WHERE id = ?", arguments: [olga.id])
        }
        let before = world.database.changes.content
        let login = LoginService(database: world.database, throttle: LoginThrottle(), passwordCost: 4)
        #expect(try await login.authenticate(login: "olga", password: "a long enough secret", address: "")?.firstSignInAt == nil)
        let firstSignIn = try await world.database.reader.read { db in
            try Date?.fetchOne(db, sql: "SELECT firstSignInAt FROM user WHERE id = ?", arguments: [olga.id]) ?? nil
        }
        #expect(firstSignIn != nil, "the first sign-in is recorded")
        #expect(world.database.changes.content == before, "and no shared page changed with it")
        // A name does show on pages ("changed by …"): renaming still makes them stale.
        try await world.database.writer.write { db in
            try db.execute(sql: "UPDATE user SET displayName = 'Olga P.', firstSignInAt = firstSignInAt WHERE id = ?", arguments: [olga.id])
        }
        #expect(world.database.changes.content == before + 1)
    }

    @Test func deactivatedUsersCannotSignInOrAct() async throws {
        let world = try await TestWorld()
        let users = UserAdministration(database: world.database, passwordCost: 4)
        let user = try await users.create(username: "ivan", displayName: "Ivan", password: .given("a long enough secret"), by: world.principal).user
        try await world.database.writer.write { db in
            try db.execute(sql: "UPDATE user SET isActive = 0 WHERE id = ?", arguments: [user.id])
        }
        let login = LoginService(database: world.database, throttle: LoginThrottle(), passwordCost: 4)
        #expect(try await login.authenticate(login: "ivan", password: "a long enough secret", address: "") == nil)
        #expect(try await PrincipalLoader(database: world.database).principal(userId: user.id!) == nil)
    }

    @Test func passwordsMustBeLongAndUncommon() async throws {
        let world = try await TestWorld()
        let users = UserAdministration(database: world.database, passwordCost: 4)
        await #expect(throws: ValidationError(field: "password", .tooShort(minimum: 10))) {
            try await users.create(username: "a", displayName: "A", password: .given("short"), by: world.principal)
        }
        await #expect(throws: ValidationError(field: "password", .tooCommon)) {
            try await users.create(username: "a", displayName: "A", password: .given("Password123"), by: world.principal)
        }
        let employee = try await world.user("ivan")
        await #expect(throws: NotFound()) {
            try await users.create(username: "b", displayName: "B", password: .given("a long enough secret"), by: employee)
        }
    }
}

@Suite struct UserAdministrationTests {
    @Test func onlyAdministratorsMakeAdministrators() async throws {
        let world = try await TestWorld()
        let userManagers = try await world.role("People ops", [.usersManage])
        let manager = try await world.user("petra", roles: [userManagers])
        let accounts = UserAdministration(database: world.database, passwordCost: 4)
        let administrator = try await world.roles.role(kind: .administrator)
        await #expect(throws: AccessDenied()) {
            try await accounts.update(id: manager.userId!, displayName: "Petra", email: nil,
                                      roleIds: [administrator.id!, userManagers.id!], by: manager)
        }
        let (invited, link) = try await accounts.create(username: "new", displayName: "New", password: .link, by: manager)
        #expect(link != nil)
        #expect(try await accounts.account(id: invited.id!, by: manager).roleIds.count == 1)  // Employee
        try await accounts.update(id: invited.id!, displayName: "New", email: nil, roleIds: [administrator.id!], by: world.principal)
    }
}
