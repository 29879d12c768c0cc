import Foundation
import GRDB
import Testing
@testable import LoreCore

/// The client list's search box: names in any case and alphabet, INN, e-mails, people, and
/// phones however they are written.
@Suite struct ClientLookupTests {
    static func found(_ text: String, _ world: TestWorld, for viewer: Principal? = nil) async throws -> [String] {
        var filter = ClientFilter()
        filter.text = text
        return try await world.clientQueries.list(filter, for: viewer ?? world.principal).items.map(\.client.name)
    }

    @Test func cardsAreFoundByNamesRequisitesPeopleAndPhonesInAnyFormat() async throws {
        let world = try await TestWorld()
        var draft = ClientDraft()
        draft.name = "Волга Ритейл"
        draft.status = "active"
        draft.legalName = "ООО «Волга Ритейл Групп»"
        draft.inn = "7707083893"
        draft.phones = "+7 (912) 345-67-89"
        draft.emails = "office@volga.example"
        let volga = try await world.clients.create(draft, by: world.principal)
        let other = try await world.client("Globex")
        var person = ContactDraft()
        person.name = "Дарья Соколова"
        person.phones = "8 903 111 22 33"
        person.email = "dasha@globex.example"
        _ = try await world.clients.addContact(person, to: other.slug, by: world.principal)

        #expect(try await Self.found("волга", world) == [volga.name], "Cyrillic in any case")
        #expect(try await Self.found("групп", world) == [volga.name], "the legal name")
        #expect(try await Self.found("770708", world) == [volga.name], "the INN's beginning")
        #expect(try await Self.found("89123456789", world) == [volga.name], "a phone with the trunk 8")
        #expect(try await Self.found("912 345", world) == [volga.name])
        #expect(try await Self.found("+7 903 111-22-33", world) == ["Globex"], "a person's phone")
        #expect(try await Self.found("соколова", world) == ["Globex"], "a person's name")
        #expect(try await Self.found("DASHA@", world) == ["Globex"], "a person's e-mail")
        #expect(try await Self.found("100%_", world).isEmpty, "LIKE's wildcards are plain characters")

        let own = try await world.role("Own", [.clientsRead, .clientsOnlyOwn])
        let anna = try await world.user("anna", roles: [own])
        #expect(try await Self.found("волга", world, for: anna).isEmpty, "a search finds only cards one may see")
    }
}

/// A card made by hand that looks like one already there is pointed out before it is saved.
@Suite struct ClientDuplicateTests {
    @Test func theSameINNPhoneEMailOrNameIsADuplicate() async throws {
        let world = try await TestWorld()
        var draft = ClientDraft()
        draft.name = "ООО «Ромашка»"
        draft.status = "lead"
        draft.inn = "7707083893"
        draft.phones = "+7 (495) 123-45-67"
        draft.emails = "info@romashka.example"
        let romashka = try await world.clients.create(draft, by: world.principal)
        func duplicates(_ change: (inout ClientDraft) -> Void, excluding: Int64? = nil) async throws -> [String] {
            var other = ClientDraft()
            other.name = "Something else"
            change(&other)
            return try await world.clientQueries.duplicates(of: other, excluding: excluding, for: world.principal).map(\.name)
        }
        #expect(try await duplicates { $0.inn = "7707083893" } == [romashka.name])
        #expect(try await duplicates { $0.phones = "8 495 123 45 67" } == [romashka.name])
        #expect(try await duplicates { $0.emails = "INFO@romashka.example" } == [romashka.name])
        #expect(try await duplicates { $0.name = "Ромашка, ООО" } == [romashka.name])
        #expect(try await duplicates { $0.name = "Ромашка плюс" }.isEmpty)
        #expect(try await duplicates({ $0.inn = "7707083893" }, excluding: romashka.id).isEmpty, "a card is not its own duplicate")
    }
}
