import Foundation
import GRDB
import Testing
@testable import LoreCore

/// A leaving manager's cards go to a colleague in one step, recorded on each card.
@Suite struct ClientHandOverTests {
    @Test func aSupervisorHandsALeavingManagersCardsToAColleague() async throws {
        let world = try await TestWorld()
        let sales = try await world.role("Sales", [.clientsRead, .clientsEdit])
        let head = try await world.role("Head of sales", [.clientsRead, .clientsEdit, .clientsSupervise])
        let anna = try await world.user("anna", roles: [sales]), boris = try await world.user("boris", roles: [sales])
        let vera = try await world.user("vera", roles: [head])
        let outsider = try await world.user("outsider")
        try await world.client("Globex", manager: anna)
        try await world.client("Initech", manager: anna, status: .former)
        try await world.client("Hooli", manager: boris)

        await #expect(throws: AccessDenied.self) { try await world.clients.handOver(from: anna.userId!, to: boris.userId!, by: boris) }
        await #expect(throws: ValidationError.self) { try await world.clients.handOver(from: anna.userId!, to: outsider.userId!, by: vera) }
        #expect(try await world.clients.handOver(from: anna.userId!, to: boris.userId!, status: .lead, by: vera) == 1)
        #expect(try await world.clients.managedCount(of: anna.userId!) == 1)
        try await UserAdministration(database: world.database, passwordCost: 4).setActive(false, id: anna.userId!, by: world.principal)
        let managers = try await world.clientQueries.managers(for: vera)
        #expect(managers.first { $0.id == anna.userId }?.hasLeft == true, "a manager who left still shows while they have cards")
        #expect(try await world.clients.handOver(from: anna.userId!, to: boris.userId!, by: vera) == 1)
        #expect(try await world.clientQueries.managers(for: vera).contains { $0.id == anna.userId } == false)

        let globex = try #require(try await world.database.reader.read { db in try Client.filter(Column("name") == "Globex").fetchOne(db) })
        #expect(globex.managerId == boris.userId)
        #expect(try await world.changes(of: globex).contains { $0.field == "manager" })
        #expect(try await world.count("SELECT COUNT(*) FROM auditEntry WHERE action = 'clients.handed_over'") == 2)
    }
}
