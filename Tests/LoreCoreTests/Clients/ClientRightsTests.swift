import Foundation
import GRDB
import Testing
@testable import LoreCore

/// Who may see and change which client cards: the registry's rights are capabilities, not
/// category grants, and "only my clients" narrows them to the cards a user manages.
@Suite struct ClientRightsTests {
    func draft(_ name: String, manager: Principal? = nil) -> ClientDraft {
        var draft = ClientDraft()
        draft.name = name
        draft.manager = manager?.userId.map(String.init) ?? ""
        return draft
    }

    @Test func withoutClientsReadTheRegistryDoesNotExist() async throws {
        let world = try await TestWorld()
        let client = try await world.client("Ромашка")
        let employee = try await world.user("olga")
        // clients.edit alone does not open the registry either.
        let editorsOnly = try await world.user("ivan", roles: [world.role("Editors only", [.clientsEdit, .clientsDelete])])
        for viewer in [employee, editorsOnly] {
            await #expect(throws: NotFound.self) { try await world.clientQueries.list(ClientFilter(), for: viewer) }
            await #expect(throws: NotFound.self) { try await world.clientQueries.card(slug: client.slug, for: viewer) }
            await #expect(throws: NotFound.self) { try await world.clients.create(draft("Лютик"), by: viewer) }
            await #expect(throws: NotFound.self) { try await world.clients.delete(slug: client.slug, by: viewer) }
            await #expect(throws: NotFound.self) { try await world.contact("Андрей", on: client, by: viewer) }
        }
        #expect(try await world.count("SELECT COUNT(*) FROM client") == 1)
        #expect(try await world.stored(client)?.deletedAt == nil)
    }

    @Test func readersReadButDoNotWrite() async throws {
        let world = try await TestWorld()
        let client = try await world.client("Ромашка")
        let contact = try await world.contact("Андрей Ковалёв", on: client)
        let reader = try await world.user("olga", roles: [world.role("Readers", [.clientsRead])])

        #expect(try await world.clientQueries.card(slug: client.slug, for: reader).client.name == "Ромашка")
        #expect(try await world.listed(for: reader).total == 1)

        var changed = ClientDraft(client)
        changed.status = ClientStatus.active.rawValue
        await #expect(throws: AccessDenied.self) { try await world.clients.create(draft("Лютик"), by: reader) }
        await #expect(throws: AccessDenied.self) {
            try await world.clients.update(slug: client.slug, changed, version: client.version, by: reader)
        }
        await #expect(throws: AccessDenied.self) { try await world.contact("Пётр", on: client, by: reader) }
        await #expect(throws: AccessDenied.self) {
            try await world.clients.deleteContact(id: contact.id!, of: client.slug, by: reader)
        }
        await #expect(throws: AccessDenied.self) { try await world.interaction(on: client, "Звонок", by: reader) }
        await #expect(throws: AccessDenied.self) { try await world.clients.delete(slug: client.slug, by: reader) }

        #expect(try await world.stored(client)?.status == .lead)
        #expect(try await world.count("SELECT COUNT(*) FROM client") == 1)
        #expect(try await world.count("SELECT COUNT(*) FROM clientContact") == 1)
        #expect(try await world.count("SELECT COUNT(*) FROM clientInteraction") == 0)
    }

    @Test func editorsWithoutDeleteCannotTrashOrRestore() async throws {
        let world = try await TestWorld()
        let client = try await world.client("Ромашка")
        let editor = try await world.user("olga", roles: [world.role("Sales", [.clientsRead, .clientsEdit])])
        var changed = ClientDraft(client)
        changed.status = ClientStatus.active.rawValue
        _ = try await world.clients.update(slug: client.slug, changed, version: client.version, by: editor)
        await #expect(throws: AccessDenied.self) { try await world.clients.delete(slug: client.slug, by: editor) }
        #expect(try await world.stored(client)?.deletedAt == nil)

        try await world.clients.delete(slug: client.slug, by: world.principal)
        await #expect(throws: AccessDenied.self) { try await world.clients.restore(slug: client.slug, by: editor) }
        await #expect(throws: AccessDenied.self) { try await world.clientQueries.trash(for: editor) }
        #expect(try await world.stored(client)?.deletedAt != nil)
    }

    @Test func onlyOwnClientsNarrowsEverything() async throws {
        let world = try await TestWorld()
        let own = try await world.role("My clients", [.clientsRead, .clientsEdit, .clientsOnlyOwn])
        let olga = try await world.user("olga", roles: [own])
        let ivan = try await world.user("ivan", roles: [own])
        #expect(!olga.seesAllClients)
        let mine = try await world.client("Ромашка", manager: olga)
        let theirs = try await world.client("Лютик", manager: ivan)
        let nobodys = try await world.client("Василёк")

        let listed = try await world.listed(for: olga)
        #expect(listed.slugs == [mine.slug])
        #expect(listed.total == 1)
        #expect(try await world.clientQueries.card(slug: mine.slug, for: olga).client.name == "Ромашка")
        for hidden in [theirs, nobodys] {
            await #expect(throws: NotFound.self) { try await world.clientQueries.card(slug: hidden.slug, for: olga) }
            await #expect(throws: NotFound.self) { try await world.contact("Андрей", on: hidden, by: olga) }
            await #expect(throws: NotFound.self) {
                try await world.clients.update(slug: hidden.slug, ClientDraft(hidden), version: hidden.version, by: olga)
            }
        }

        // A card made for someone else, or for nobody, would vanish from its maker's sight.
        let forIvan = await #expect(throws: ValidationError.self) { try await world.clients.create(draft("Лютик-2", manager: ivan), by: olga) }
        #expect(forIvan?.fields["manager"] == .notFound)
        let forNobody = await #expect(throws: ValidationError.self) { try await world.clients.create(draft("Лютик-3"), by: olga) }
        #expect(forNobody?.fields["manager"] == .notFound)
        var handOver = ClientDraft(mine)
        handOver.manager = String(ivan.userId!)
        let handed = await #expect(throws: ValidationError.self) {
            try await world.clients.update(slug: mine.slug, handOver, version: mine.version, by: olga)
        }
        #expect(handed?.fields["manager"] == .notFound)
        #expect(try await world.stored(mine)?.managerId == olga.userId)
        #expect(try await world.count("SELECT COUNT(*) FROM client") == 3)

        let created = try await world.clients.create(draft("Одуванчик", manager: olga), by: olga)
        #expect(created.managerId == olga.userId)
        #expect(Set(try await world.listed(for: olga).slugs) == [mine.slug, created.slug])
    }

    @Test func rightsAddUpAcrossRoles() async throws {
        let world = try await TestWorld()
        let own = try await world.role("My clients", [.clientsRead, .clientsEdit, .clientsOnlyOwn])
        let all = try await world.role("All clients", [.clientsRead, .clientsEdit])
        let olga = try await world.user("olga", roles: [own, all])
        let ivan = try await world.user("ivan")
        #expect(olga.seesAllClients)
        _ = try await world.client("Ромашка", manager: olga)
        let theirs = try await world.client("Лютик", manager: ivan)
        _ = try await world.client("Василёк")

        #expect(try await world.listed(for: olga).total == 3)
        #expect(try await world.clientQueries.card(slug: theirs.slug, for: olga).client.name == "Лютик")
        // The full role lets her edit any card and give cards to others.
        _ = try await world.contact("Пётр", on: theirs, by: olga)
        var draft = ClientDraft()
        draft.name = "Одуванчик"
        draft.manager = String(ivan.userId!)
        #expect(try await world.clients.create(draft, by: olga).managerId == ivan.userId)
    }

    @Test func guestsSeeNoClients() async throws {
        let world = try await TestWorld()
        let client = try await world.client("Ромашка")
        _ = try await world.interaction(on: client, "Звонок", nextStep: "Перезвонить", due: isoDay(-1))
        let guest = try await PrincipalLoader(database: world.database).guest()
        await #expect(throws: NotFound.self) { try await world.clientQueries.list(ClientFilter(), for: guest) }
        await #expect(throws: NotFound.self) { try await world.clientQueries.card(slug: client.slug, for: guest) }
        await #expect(throws: NotFound.self) { try await world.clientQueries.segments(for: guest) }
        await #expect(throws: NotFound.self) { try await world.clients.create(draft("Лютик"), by: guest) }
        #expect(try await world.reminders.reminders(for: guest, quietAfterDays: 30).isEmpty)
        let article = try await world.article("Памятка", in: world.category("Open"), body: "См. [[client:\(client.slug)]].")
        #expect(try await world.clientQueries.clients(concerning: article, for: guest).isEmpty)
    }
}
