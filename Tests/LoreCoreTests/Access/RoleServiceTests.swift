import GRDB
import Testing
@testable import LoreCore

@Suite struct RoleServiceTests {
    @Test func deletingTheOnlyRoleAnArticleIsRestrictedToKeepsItClosed() async throws {
        let world = try await TestWorld()
        let legal = try await world.role("Legal")
        let company = try await world.category("Company")
        let draft = try await world.article("Merger draft", in: company)
        let lawyer = try await world.user("lena", roles: [legal])
        let employee = try await world.user("olga")
        try await world.roles.restrict(article: draft.id!, to: [legal.id!], by: world.principal)
        try await world.roles.delete(id: legal.id!, by: world.principal)

        let administrator = try await world.roles.role(kind: .administrator)
        #expect(try await world.roles.restriction(of: draft.id!) == [administrator.id!])
        for principal in [employee, lawyer] {
            let reloaded = try #require(try await PrincipalLoader(database: world.database).principal(userId: principal.userId!))
            #expect(try await world.database.reader.read { db in try AccessPolicy(reloaded).canRead(draft, db) } == false)
        }
    }

    @Test func builtInRolesCannotBeDeletedAndOthersCannotManageRoles() async throws {
        let world = try await TestWorld()
        let employeeRole = try await world.roles.role(kind: .employee)
        await #expect(throws: AccessDenied.self) { try await world.roles.delete(id: employeeRole.id!, by: world.principal) }
        let olga = try await world.user("olga")
        let legal = try await world.role("Legal")
        await #expect(throws: NotFound.self) { try await world.roles.delete(id: legal.id!, by: olga) }
        await #expect(throws: NotFound.self) {
            try await world.roles.update(id: employeeRole.id!, name: "Staff", capabilities: [.usersManage], by: olga)
        }
    }

    @Test func capabilitiesChangeWithTheRoleAndGuestNeverHoldsOne() async throws {
        let world = try await TestWorld()
        let auditors = try await world.role("Auditors")
        let olga = try await world.user("olga", roles: [auditors])
        #expect(!olga.has(.auditRead))
        try await world.roles.update(id: auditors.id!, name: "Auditors", capabilities: [.auditRead], by: world.principal)
        let reloaded = try #require(try await PrincipalLoader(database: world.database).principal(userId: olga.userId!))
        #expect(reloaded.has(.auditRead))

        let guest = try await world.roles.role(kind: .guest)
        try await world.roles.update(id: guest.id!, name: "Guest", capabilities: [.clientsRead], by: world.principal)
        #expect(try await world.roles.details(id: guest.id!, by: world.principal).capabilities.isEmpty)
        await #expect(throws: ValidationError.self) {
            try await world.roles.update(id: auditors.id!, name: "guest", capabilities: [], by: world.principal)
        }
    }

    @Test func auditEntriesRecordWhereTheActorActedFrom() async throws {
        let world = try await TestWorld()
        _ = try await world.roles.create(name: "Legal", by: world.principal.acting(from: "10.1.2.3"))
        let entry = try #require(try await AuditLog(database: world.database).entries(action: "role.created", by: world.principal).first)
        #expect(entry.address == "10.1.2.3")
        #expect(entry.subject == "Legal")
    }
}
