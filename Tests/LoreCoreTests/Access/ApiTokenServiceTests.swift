import Foundation
import GRDB
import Testing
@testable import LoreCore

/// Personal API tokens: shown once, kept as digests, revocable, expiring, and each person's own.
@Suite struct ApiTokenServiceTests {
    @Test func aTokenIsShownOnceKeptAsADigestAndRecognised() async throws {
        let world = try await TestWorld()
        let tokens = ApiTokenService(database: world.database)
        let (token, secret) = try await tokens.create(name: "CRM", readOnly: true, expiresInDays: nil, by: world.principal)
        #expect(secret.hasPrefix("lore_") && secret.count > 40)
        let stored = try await world.database.reader.read { db in try String.fetchAll(db, sql: "SELECT digest FROM apiToken") }
        #expect(stored == [SecretToken.digest(secret)] && !stored.contains(secret), "only the digest is kept")
        let found = try #require(try await tokens.authenticate(secret: secret))
        #expect(found.id == token.id && found.isReadOnly && found.userId == world.principal.userId)
        #expect(found.lastUsedAt != nil)
        #expect(try await tokens.authenticate(secret: secret + "x") == nil)
        #expect(try await tokens.authenticate(secret: String(secret.dropFirst(5))) == nil)
        let audited = try await world.database.reader.read { db in
            try String.fetchAll(db, sql: "SELECT action FROM auditEntry WHERE action LIKE 'api_token.%'")
        }
        #expect(audited == ["api_token.created"])
    }

    @Test func revokedAndExpiredTokensNoLongerWork() async throws {
        let world = try await TestWorld()
        let tokens = ApiTokenService(database: world.database)
        let (revoked, revokedSecret) = try await tokens.create(name: "Old bot", readOnly: false, expiresInDays: 30, by: world.principal)
        try await tokens.revoke(id: revoked.id!, by: world.principal)
        #expect(try await tokens.authenticate(secret: revokedSecret) == nil)
        let (expiring, expiringSecret) = try await tokens.create(name: "Short", readOnly: false, expiresInDays: 1, by: world.principal)
        try await world.database.writer.write { db in
            try db.execute(sql: "UPDATE apiToken SET expiresAt = ? WHERE id = ?", arguments: [Date().addingTimeInterval(-1), expiring.id!])
        }
        #expect(try await tokens.authenticate(secret: expiringSecret) == nil)
        #expect(try await tokens.tokens(for: world.principal).map(\.name) == ["Short", "Old bot"])
    }

    @Test func tokensArePersonalAndNamedAndBounded() async throws {
        let world = try await TestWorld()
        let tokens = ApiTokenService(database: world.database)
        let other = try await world.user("other")
        let (mine, _) = try await tokens.create(name: "Mine", readOnly: false, expiresInDays: nil, by: world.principal)
        await #expect(throws: NotFound.self) { try await tokens.revoke(id: mine.id!, by: other) }
        #expect(try await tokens.tokens(for: other).isEmpty)
        await #expect(throws: ValidationError(field: "name", .required)) {
            try await tokens.create(name: "  ", readOnly: false, expiresInDays: nil, by: world.principal)
        }
        await #expect(throws: ValidationError.self) {
            try await tokens.create(name: "Forever", readOnly: false, expiresInDays: 100_000, by: world.principal)
        }
        let guest = try await PrincipalLoader(database: world.database).guest()
        await #expect(throws: AccessDenied.self) { try await tokens.create(name: "Guest", readOnly: true, expiresInDays: nil, by: guest) }
    }
}
