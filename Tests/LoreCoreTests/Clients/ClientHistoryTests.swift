import Foundation
import GRDB
import Testing
@testable import LoreCore

/// The card's history: every changed field of the card, its contacts and its timeline, old → new.
@Suite struct ClientHistoryTests {
    /// The rows added by `change`, as (subject, field, old, new).
    func added(_ world: TestWorld, _ client: Client, by change: () async throws -> Void) async throws -> [ClientChange] {
        let before = try await world.changes(of: client).count
        try await change()
        return Array(try await world.changes(of: client).dropFirst(before))
    }

    func summary(_ changes: [ClientChange]) -> Set<String> {
        Set(changes.map { "\($0.subject.rawValue).\($0.field): \($0.oldValue) → \($0.newValue)" })
    }

    @Test func creatingACardRecordsItsFilledFields() async throws {
        let world = try await TestWorld()
        let olga = try await world.user("olga")
        var draft = ClientDraft()
        draft.name = "Ромашка"
        draft.inn = "7707083893"
        draft.manager = String(olga.userId!)
        let client = try await world.clients.create(draft, by: world.principal)
        let changes = try await world.changes(of: client)
        #expect(summary(changes) == [
            "client.name:  → Ромашка", "client.kind:  → company", "client.status:  → lead",
            "client.inn:  → 7707083893", "client.manager:  → Olga",
        ])
        #expect(changes.allSatisfy { $0.authorId == world.principal.userId && $0.subjectId == client.id })
    }

    @Test func eachChangedFieldGivesOneRowWithOldAndNew() async throws {
        let world = try await TestWorld()
        let olga = try await world.user("olga")
        let ivan = try await world.user("ivan", roles: [world.role("Sales", [.clientsRead, .clientsEdit])])
        let client = try await world.client("Ромашка", manager: olga)
        var draft = ClientDraft(client)
        draft.status = ClientStatus.active.rawValue
        draft.manager = String(ivan.userId!)
        draft.tags = "опт, VIP"
        draft.phones = "+7 495 123-45-67"
        let changes = try await added(world, client) {
            _ = try await world.clients.update(slug: client.slug, draft, version: client.version, by: ivan)
        }
        #expect(changes.count == 4)
        #expect(summary(changes) == [
            "client.status: lead → active", "client.manager: Olga → Ivan", "client.tags:  → опт, VIP",
            "client.phones:  → +7 495 123-45-67",
        ])
        #expect(changes.allSatisfy { $0.authorId == ivan.userId && $0.subject == .client && $0.subjectLabel == "Ромашка" })

        // Clearing a field records the old value with an empty new one.
        let updated = try #require(try await world.stored(client))
        var cleared = ClientDraft(updated)
        cleared.manager = ""
        cleared.phones = ""
        let clearing = try await added(world, client) {
            _ = try await world.clients.update(slug: client.slug, cleared, version: updated.version, by: world.principal)
        }
        #expect(summary(clearing) == ["client.manager: Ivan → ", "client.phones: +7 495 123-45-67 → "])

        // The card shows its history newest first, with the author's name.
        let card = try await world.clientQueries.card(slug: client.slug, for: world.principal)
        #expect(card.changes.first?.change.id == clearing.last?.id)
        #expect(card.changes.contains { $0.change.field == "status" && $0.authorName == "Ivan" })
    }

    @Test func contactsAreRecordedWhenAddedChangedAndDeleted() async throws {
        let world = try await TestWorld()
        let client = try await world.client("Ромашка")
        var draft = ContactDraft()
        draft.name = "Андрей Ковалёв"
        draft.position = "Закупщик"
        draft.birthday = "23.11"
        var contact: ClientContact?
        let creation = try await added(world, client) {
            contact = try await world.clients.addContact(draft, to: client.slug, by: world.principal)
        }
        let id = try #require(contact?.id)
        #expect(summary(creation) == [
            "contact.name:  → Андрей Ковалёв", "contact.position:  → Закупщик", "contact.birthday:  → --11-23",
        ])
        #expect(creation.allSatisfy { $0.subjectId == id && $0.subjectLabel == "Андрей Ковалёв" })

        draft.position = "Директор"
        draft.email = "andrey@romashka.ru"
        let edit = try await added(world, client) {
            try await world.clients.updateContact(id: id, of: client.slug, draft, by: world.principal)
        }
        #expect(summary(edit) == ["contact.position: Закупщик → Директор", "contact.email:  → andrey@romashka.ru"])

        let unchanged = try await added(world, client) {
            try await world.clients.updateContact(id: id, of: client.slug, draft, by: world.principal)
        }
        #expect(unchanged.isEmpty)

        let deletion = try await added(world, client) {
            try await world.clients.deleteContact(id: id, of: client.slug, by: world.principal)
        }
        #expect(summary(deletion) == [
            "contact.name: Андрей Ковалёв → ", "contact.position: Директор → ", "contact.email: andrey@romashka.ru → ",
            "contact.birthday: --11-23 → ",
        ])
        // The entry still reads well with the contact gone.
        #expect(deletion.allSatisfy { $0.subjectLabel == "Андрей Ковалёв" && $0.subjectId == id })
    }

    @Test func editingAnInteractionRecordsTheChangedFields() async throws {
        let world = try await TestWorld()
        let client = try await world.client("Ромашка")
        let contact = try await world.contact("Андрей Ковалёв", on: client)
        var logged: ClientInteraction?
        let creation = try await added(world, client) {
            logged = try await world.interaction(on: client, "Звонок", date: isoDay(-2))
        }
        let interaction = try #require(logged)
        #expect(summary(creation).contains("interaction.summary:  → Звонок"))
        #expect(summary(creation).contains("interaction.date:  → \(isoDay(-2))"))

        var draft = InteractionDraft(interaction)
        draft.kind = InteractionKind.meeting.rawValue
        draft.contact = String(contact.id!)
        draft.outcome = "Договорились о поставке"
        draft.nextStep = "Выслать договор"
        draft.nextStepDue = isoDay(5)
        let edit = try await added(world, client) {
            try await world.clients.updateInteraction(id: interaction.id!, of: client.slug, draft, by: world.principal)
        }
        #expect(summary(edit) == [
            "interaction.kind: call → meeting", "interaction.contact:  → Андрей Ковалёв",
            "interaction.outcome:  → Договорились о поставке", "interaction.nextStep:  → Выслать договор",
            "interaction.nextStepDue:  → \(isoDay(5))", "interaction.assignee:  → Administrator",
        ])
        #expect(edit.allSatisfy { $0.subjectId == interaction.id && $0.subjectLabel == "Звонок" })

        // The same form saved again changes nothing; the logged time of day survives.
        let again = try await added(world, client) {
            try await world.clients.updateInteraction(id: interaction.id!, of: client.slug, draft, by: world.principal)
        }
        #expect(again.isEmpty)

        let done = try await added(world, client) {
            try await world.clients.completeStep(interaction: interaction.id!, of: client.slug, by: world.principal)
        }
        #expect(summary(done) == ["interaction.nextStepDone:  → \(isoDay(0))"])
    }

    @Test func trashingAndRestoringAreRecorded() async throws {
        let world = try await TestWorld()
        let client = try await world.client("Ромашка")
        let deletion = try await added(world, client) { try await world.clients.delete(slug: client.slug, by: world.principal) }
        #expect(summary(deletion) == ["client.deleted:  → yes"])
        let again = try await added(world, client) { try await world.clients.delete(slug: client.slug, by: world.principal) }
        #expect(again.isEmpty)
        let restoring = try await added(world, client) { try await world.clients.restore(slug: client.slug, by: world.principal) }
        #expect(summary(restoring) == ["client.deleted: yes → "])
    }
}
