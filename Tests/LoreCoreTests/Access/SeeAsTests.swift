import Testing
@testable import LoreCore

@Suite struct SeeAsTests {
    static func person(_ id: Int64, roles: [Int64], _ capabilities: Set<Capability> = [], admin: Bool = false,
                       allClients: Bool = true) -> Principal {
        Principal(userId: id, displayName: "user \(id)", roleIds: roles, isAdministrator: admin, capabilities: capabilities,
                  seesAllClients: allClients)
    }

    @Test func aUserManagerMayNotSeeAsAnAdministratorOrAnyoneWithMoreRights() {
        let manager = Self.person(2, roles: [10, 11], [.usersManage])
        #expect(!SeeAs.allows(manager, toSeeAs: Self.person(1, roles: [1], admin: true)))
        #expect(!SeeAs.allows(manager, toSeeAs: Self.person(3, roles: [10, 12])), "a role the manager lacks")
        #expect(!SeeAs.allows(manager, toSeeAs: Self.person(3, roles: [10], [.usersManage, .auditRead])), "a capability the manager lacks")
        #expect(SeeAs.allows(manager, toSeeAs: Self.person(3, roles: [10])))
        #expect(!SeeAs.allows(manager, toSeeAs: manager), "not oneself")
        #expect(!SeeAs.allows(Self.person(4, roles: [10, 11]), toSeeAs: Self.person(3, roles: [10])), "only user managers")
    }

    @Test func onlyMyClientsIsADifferentSetNotASmallerOne() {
        let ownOnlyManager = Self.person(2, roles: [10], [.usersManage, .clientsRead], allClients: false)
        let salesman = Self.person(3, roles: [10], [.clientsRead], allClients: false)
        #expect(!SeeAs.allows(ownOnlyManager, toSeeAs: salesman))
        let allClientsManager = Self.person(2, roles: [10], [.usersManage, .clientsRead], allClients: true)
        #expect(SeeAs.allows(allClientsManager, toSeeAs: salesman))
    }

    @Test func anAdministratorMaySeeAsAnyoneButAnotherAdministrator() {
        let admin = Self.person(1, roles: [1], admin: true)
        #expect(SeeAs.allows(admin, toSeeAs: Self.person(3, roles: [10, 12], [.clientsRead, .auditRead], allClients: false)))
        #expect(!SeeAs.allows(admin, toSeeAs: Self.person(5, roles: [1], admin: true)))
    }
}
