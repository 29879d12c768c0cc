import HummingbirdBcrypt
import Testing
@testable import LoreCore

@Suite struct UserServiceTests {
    @Test func generatesAPasswordOnceAndStoresOnlyItsHash() async throws {
        let database = try AppDatabase.inMemory()
        let users = UserService(database: database, passwordCost: 4)
        let first = try await users.bootstrapAdministrator(password: nil)
        let password = try #require(first.generatedPassword)
        #expect(password.count == 20)
        #expect(first.administrator.passwordHash != password)
        #expect(Bcrypt.verify(password, hash: first.administrator.passwordHash))
        let second = try await users.bootstrapAdministrator(password: nil)
        #expect(second.generatedPassword == nil)
        #expect(second.administrator.id == first.administrator.id)
    }

    @Test func usesTheGivenPassword() async throws {
        let users = UserService(database: try AppDatabase.inMemory(), passwordCost: 4)
        let bootstrap = try await users.bootstrapAdministrator(password: "correct horse battery")
        #expect(bootstrap.generatedPassword == nil)
        #expect(Bcrypt.verify("correct horse battery", hash: bootstrap.administrator.passwordHash))
    }
}
