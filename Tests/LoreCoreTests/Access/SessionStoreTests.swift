import Foundation
import Testing
@testable import LoreCore

@Suite struct SessionStoreTests {
    @Test func sessionsExpireWhenIdleAndAtTheirAbsoluteEnd() async throws {
        let world = try await TestWorld()
        let store = SessionStore(database: world.database, idleTimeout: 3600, lifetime: 8 * 3600)
        let start = Date()
        let session = try await store.start(userId: world.principal.userId!, address: "10.0.0.1", now: start)
        #expect(session.id != session.csrfToken)
        #expect(try await store.resume(id: session.id, now: start.addingTimeInterval(1800)) != nil)
        // Active every 50 minutes: kept alive by use...
        var now = start
        for _ in 0..<6 {
            now = now.addingTimeInterval(50 * 60)
            #expect(try await store.resume(id: session.id, now: now) != nil)
        }
        // ...but never past its lifetime.
        #expect(try await store.resume(id: session.id, now: start.addingTimeInterval(8 * 3600 + 1)) == nil)

        let idle = try await store.start(userId: world.principal.userId!, address: "", now: start)
        #expect(try await store.resume(id: idle.id, now: start.addingTimeInterval(3601)) == nil)
        #expect(try await store.resume(id: idle.id, now: start) == nil, "an expired session is gone for good")
    }

    @Test func logoutEverywhereEndsEverySessionOfTheUser() async throws {
        let world = try await TestWorld()
        let store = SessionStore(database: world.database)
        let first = try await store.start(userId: world.principal.userId!, address: "")
        let second = try await store.start(userId: world.principal.userId!, address: "")
        try await store.endAll(userId: world.principal.userId!)
        #expect(try await store.resume(id: first.id) == nil)
        #expect(try await store.resume(id: second.id) == nil)
        #expect(try await store.resume(id: "") == nil)
    }

    @Test func tokensAreLongAndDistinct() {
        let tokens = Set((0..<100).map { _ in SessionStore.randomToken() })
        #expect(tokens.count == 100)
        #expect(tokens.allSatisfy { $0.count == 43 && !$0.contains("+") && !$0.contains("/") })
    }
}
