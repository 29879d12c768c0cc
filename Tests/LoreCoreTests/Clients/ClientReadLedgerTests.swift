import Foundation
import GRDB
import Testing
@testable import LoreCore

/// Reading client cards leaves a trace, and without the export right there is a daily limit,
/// whichever way the cards are read.
@Suite struct ClientReadLedgerTests {
    static func setUp() async throws -> (TestWorld, reader: Principal, exporter: Principal, cards: [Client]) {
        let world = try await TestWorld()
        let readers = try await world.role("Support", [.clientsRead])
        let exporters = try await world.role("Sales", [.clientsRead, .clientsExport])
        let reader = try await world.user("oleg", roles: [readers])
        let exporter = try await world.user("sergey", roles: [exporters])
        var cards: [Client] = []
        for index in 1...5 { cards.append(try await world.client("Client \(index)")) }
        return (world, reader, exporter, cards)
    }

    @Test func pastTheLimitNewCardsAreRefusedByEveryPathAndAdministratorsAreTold() async throws {
        let (world, reader, _, cards) = try await Self.setUp()
        let ledger = ClientReadLedger(database: world.database, dailyLimit: 3)
        let queries = ClientQueries(database: world.database, reads: ledger)
        _ = try await queries.card(slug: cards[0].slug, for: reader)
        _ = try await queries.card(slug: cards[1].slug, for: reader)
        _ = try await queries.card(slug: cards[2].slug, for: reader)
        // Cards already read today still open; a fourth does not, through the card, a list or search.
        _ = try await queries.card(slug: cards[0].slug, for: reader)
        await #expect(throws: ClientReadLimitReached(limit: 3)) { try await queries.card(slug: cards[3].slug, for: reader) }
        await #expect(throws: ClientReadLimitReached(limit: 3)) { try await queries.list(ClientFilter(), for: reader) }
        await #expect(throws: ClientReadLimitReached(limit: 3)) { try await queries.page(ClientFilter(), after: nil, limit: 50, for: reader) }
        let search = SearchService(database: world.database, clientReads: ledger)
        await #expect(throws: ClientReadLimitReached(limit: 3)) {
            try await search.search(SearchQuery("client"), for: reader)
        }
        let audit = try await world.database.reader.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM auditEntry WHERE action = 'clients.read_limit'")
        }
        #expect(audit == 1, "one alert a day, however many refusals")
        #expect(try await ledger.alerts(for: world.principal).map(\.name) == ["Oleg"])
        #expect(try await ledger.alerts(for: reader).isEmpty)
    }

    @Test func theExportRightHasNoLimitAndSeesWhoOpenedACard() async throws {
        let (world, reader, exporter, cards) = try await Self.setUp()
        let ledger = ClientReadLedger(database: world.database, dailyLimit: 1)
        let queries = ClientQueries(database: world.database, reads: ledger)
        _ = try await queries.list(ClientFilter(), for: exporter)
        _ = try await queries.card(slug: cards[4].slug, for: reader)
        let names = Set(try await queries.page(slug: cards[4].slug, for: exporter).readers.map(\.name))
        #expect(names == ["Oleg", "Sergey"])
        #expect(try await queries.page(slug: cards[4].slug, for: reader).readers.isEmpty, "only those who may export see who read")
    }

    @Test func readsAreKeptNinetyDays() async throws {
        let (world, reader, _, cards) = try await Self.setUp()
        let ledger = ClientReadLedger(database: world.database, dailyLimit: 10)
        try await ledger.record([cards[0].id!], by: reader, now: Date().addingTimeInterval(-100 * 86_400))
        try await ledger.record([cards[1].id!], by: reader)
        let kept = try await world.database.reader.read { db in try Int64.fetchAll(db, sql: "SELECT clientId FROM clientRead") }
        #expect(kept == [cards[1].id!])
    }
}
