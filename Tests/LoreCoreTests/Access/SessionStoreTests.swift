import Foundation
import Testing
@testable import LoreCore

@Suite struct SessionStoreTests {
    @Test func sessionsExpireWhenIdleAndAtTheirAbsoluteEnd() async throws {
        let world = try await TestWorld()
        let store = SessionStore(database: world.database, idleTimeout: 3600, lifetime: 8 * 3600)
        let start = Date()
        let (session, token) = try await store.start(userId: world.principal.userId!, address: "10.0.0.1", now: start)
        #expect(token != session.csrfToken)
        #expect(try await store.resume(token: token, now: start.addingTimeInterval(1800)) != nil)
        // Active every 50 minutes: kept alive by use...
        var now = start
        for _ in 0..<6 {
            now = now.addingTimeInterval(50 * 60)
            #expect(try await store.resume(token: token, now: now) != nil)
        }
        // ...but never past its lifetime.
        #expect(try await store.resume(token: token, now: start.addingTimeInterval(8 * 3600 + 1)) == nil)

        let idle = try await store.start(userId: world.principal.userId!, address: "", now: start).token
        #expect(try await store.resume(token: idle, now: start.addingTimeInterval(3601)) == nil)
        #expect(try await store.resume(token: idle, now: start) == nil, "an expired session is gone for good")
    }

    @Test func logoutEverywhereEndsEverySessionOfTheUser() async throws {
        let world = try await TestWorld()
        let store = SessionStore(database: world.database)
        let first = try await store.start(userId: world.principal.userId!, address: "").token
        let second = try await store.start(userId: world.principal.userId!, address: "").token
        try await store.endAll(userId: world.principal.userId!)
        #expect(try await store.resume(token: first) == nil)
        #expect(try await store.resume(token: second) == nil)
        #expect(try await store.resume(token: "") == nil)
    }

    @Test func theDatabaseKeepsOnlyDigestsOfSecrets() async throws {
        let world = try await TestWorld()
        let (session, token) = try await SessionStore(database: world.database).start(userId: world.principal.userId!, address: "")
        #expect(session.id == SecretToken.digest(token))
        let stored = try await world.database.reader.read { db in try String.fetchAll(db, sql: "SELECT id FROM session") }
        #expect(stored == [SecretToken.digest(token)])
        #expect(try await SessionStore(database: world.database).resume(token: session.id) == nil, "the stored digest is no cookie")
    }

    @Test func tokensAreLongAndDistinct() {
        let tokens = Set((0..<100).map { _ in SecretToken.random() })
        #expect(tokens.count == 100)
        #expect(tokens.allSatisfy { $0.count == 43 && !$0.contains("+") && !$0.contains("/") })
    }
}
