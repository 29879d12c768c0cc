import Foundation
import GRDB
import Testing
@testable import LoreCore

/// Creating, editing and trashing client cards, their contacts and their timeline.
@Suite struct ClientServiceTests {
    /// Every field of the form, filled in Russian.
    func fullDraft(manager: Principal) -> ClientDraft {
        var draft = ClientDraft()
        draft.name = "ООО «Ромашка»"
        draft.kind = ClientKind.company.rawValue
        draft.status = ClientStatus.active.rawValue
        draft.segment = "Оптовики"
        draft.source = "Выставка «Продэкспо»"
        draft.frequency = PurchaseFrequency.regular.rawValue
        draft.manager = String(manager.userId!)
        draft.legalName = "Общество с ограниченной ответственностью «Ромашка»"
        draft.inn = "7707083893"
        draft.kpp = "770701001"
        draft.ogrn = "1027700132195"
        draft.legalAddress = "117997, Москва, ул. Вавилова, д. 19"
        draft.bankDetails = "р/с 40702810938000000001 в ПАО Сбербанк"
        draft.address = "Москва, Тверская ул., 1"
        draft.phones = "+7 495 123-45-67, 8 (800) 555-35-35"
        draft.emails = "info@romashka.ru, zakaz@romashka.ru"
        draft.website = "https://romashka.ru"
        draft.officeHours = "Пн–Пт 9:00–18:00"
        draft.preferences = "Звонить до обеда, счета — на почту"
        draft.tags = "VIP, опт, vip"
        draft.notes = "## Условия\n\nОтсрочка **30 дней**."
        return draft
    }

    @Test func aCardKeepsEveryFieldAsTyped() async throws {
        let world = try await TestWorld()
        let olga = try await world.user("olga")
        let created = try await world.clients.create(fullDraft(manager: olga), by: world.principal)
        #expect(created.slug == "ooo-romashka")
        #expect(created.version == 1)

        let card = try await world.clientQueries.card(slug: created.slug, for: world.principal)
        let client = card.client
        #expect(client.name == "ООО «Ромашка»")
        #expect(client.kind == .company)
        #expect(client.status == .active)
        #expect(client.segment == "Оптовики")
        #expect(client.source == "Выставка «Продэкспо»")
        #expect(client.frequency == "regular")
        #expect(client.managerId == olga.userId)
        #expect(card.managerName == "Olga")
        #expect(client.legalName == "Общество с ограниченной ответственностью «Ромашка»")
        #expect(client.inn == "7707083893")
        #expect(client.kpp == "770701001")
        #expect(client.ogrn == "1027700132195")
        #expect(client.legalAddress == "117997, Москва, ул. Вавилова, д. 19")
        #expect(client.bankDetails == "р/с 40702810938000000001 в ПАО Сбербанк")
        #expect(client.address == "Москва, Тверская ул., 1")
        #expect(client.phones == "+7 495 123-45-67, 8 (800) 555-35-35")
        #expect(client.emails == "info@romashka.ru, zakaz@romashka.ru")
        #expect(client.website == "https://romashka.ru")
        #expect(client.officeHours == "Пн–Пт 9:00–18:00")
        #expect(client.preferences == "Звонить до обеда, счета — на почту")
        #expect(client.tags == ["VIP", "опт"])
        #expect(client.notes == "## Условия\n\nОтсрочка **30 дней**.")
        #expect(client.createdById == world.principal.userId)
        #expect(try await world.searchEntries(of: client) == 1)
    }

    @Test func slugsComeFromRussianNamesAndNeverCollide() async throws {
        let world = try await TestWorld()
        let first = try await world.client("Северный Дистрибьютор")
        let second = try await world.client("Северный Дистрибьютор")
        let third = try await world.client("северный  дистрибьютор!")
        #expect(first.slug == "severnyy-distribyutor")
        #expect(second.slug != first.slug)
        #expect(Set([first.slug, second.slug, third.slug]).count == 3)
        for slug in [first.slug, second.slug, third.slug] {
            #expect(slug.hasPrefix("severnyy-distribyutor"))
            #expect(try await world.clientQueries.card(slug: slug, for: world.principal).client.name.lowercased().contains("северный"))
        }
        #expect(try await world.listed(for: world.principal).total == 3)
    }

    @Test func twelveDigitINNOfAPersonIsAccepted() async throws {
        let world = try await TestWorld()
        var draft = ClientDraft()
        draft.name = "Иванов Иван Иванович"
        draft.kind = ClientKind.person.rawValue
        draft.inn = "500100732259"
        let client = try await world.clients.create(draft, by: world.principal)
        #expect(client.kind == .person)
        #expect(client.inn == "500100732259")
    }

    @Test func validationReportsEveryProblemAtOnceAndWritesNothing() async throws {
        let world = try await TestWorld()
        var draft = ClientDraft()
        draft.name = "   "
        draft.kind = "corporation"
        draft.status = "vip"
        draft.manager = "999999"
        draft.inn = "7707083894"
        draft.kpp = "77070100"
        draft.ogrn = "1027700132194"
        draft.emails = "a@b.ru, nope"
        draft.phones = "12"
        draft.website = "javascript:alert(1)"
        let error = await #expect(throws: ValidationError.self) { try await world.clients.create(draft, by: world.principal) }
        #expect(error?.fields == [
            "name": .required, "kind": .notFound, "status": .notFound, "manager": .notFound,
            "inn": .invalidRequisite, "kpp": .invalidRequisite, "ogrn": .invalidRequisite,
            "emails": .invalidEmail, "phones": .invalidPhone, "website": .invalidWebsite,
        ])
        #expect(try await world.count("SELECT COUNT(*) FROM client") == 0)
        #expect(try await world.count("SELECT COUNT(*) FROM clientChange") == 0)
        #expect(try await world.count("SELECT COUNT(*) FROM searchDocument WHERE kind = 'client'") == 0)
    }

    @Test func aDeactivatedUserCannotManageACard() async throws {
        let world = try await TestWorld()
        let olga = try await world.user("olga")
        try await UserAdministration(database: world.database, passwordCost: 4).setActive(false, id: olga.userId!, by: world.principal)
        var draft = ClientDraft()
        draft.name = "Ромашка"
        draft.manager = String(olga.userId!)
        let error = await #expect(throws: ValidationError.self) { try await world.clients.create(draft, by: world.principal) }
        #expect(error?.fields == ["manager": .notFound])
        #expect(try await world.count("SELECT COUNT(*) FROM client") == 0)
    }

    @Test func aStaleFormIsRefusedAndWritesNothing() async throws {
        let world = try await TestWorld()
        let client = try await world.client("Ромашка")
        var first = ClientDraft(client)
        first.segment = "Розница"
        let saved = try await world.clients.update(slug: client.slug, first, version: client.version, by: world.principal)
        #expect(saved.version == client.version + 1)
        let historyBefore = try await world.changes(of: client).count

        var stale = ClientDraft(client)
        stale.name = "Ромашка-2"
        stale.segment = "Опт"
        let conflict = await #expect(throws: ClientConflict.self) {
            try await world.clients.update(slug: client.slug, stale, version: client.version, by: world.principal)
        }
        #expect(conflict?.current.version == saved.version)
        #expect(conflict?.current.segment == "Розница")
        let stored = try #require(try await world.stored(client))
        #expect(stored.version == saved.version)
        #expect(stored.name == "Ромашка")
        #expect(stored.segment == "Розница")
        #expect(try await world.changes(of: client).count == historyBefore)
    }

    @Test func savingAnUnchangedFormWritesNothing() async throws {
        let world = try await TestWorld()
        let olga = try await world.user("olga")
        let client = try await world.clients.create(fullDraft(manager: olga), by: world.principal)
        let historyBefore = try await world.changes(of: client).count
        let saved = try await world.clients.update(slug: client.slug, ClientDraft(client), version: client.version, by: world.principal)
        #expect(saved.version == client.version)
        let stored = try #require(try await world.stored(client))
        #expect(stored.version == client.version)
        #expect(abs(stored.updatedAt.timeIntervalSince(client.updatedAt)) < 0.01)
        #expect(try await world.changes(of: client).count == historyBefore)
    }

    @Test func contactsAreCheckedAddedChangedAndRemoved() async throws {
        let world = try await TestWorld()
        let client = try await world.client("Ромашка")

        var bad = ContactDraft()
        bad.name = "Андрей Ковалёв"
        bad.email = "andrey@"
        bad.birthday = "31.02.1990"
        let error = await #expect(throws: ValidationError.self) { try await world.clients.addContact(bad, to: client.slug, by: world.principal) }
        #expect(error?.fields == ["email": .invalidEmail, "birthday": .invalidDate])
        #expect(try await world.count("SELECT COUNT(*) FROM clientContact") == 0)

        var draft = ContactDraft()
        draft.name = "Андрей Ковалёв"
        draft.position = "Закупщик"
        draft.email = "andrey@romashka.ru"
        draft.birthday = "23.11"
        let contact = try await world.clients.addContact(draft, to: client.slug, by: world.principal)
        #expect(contact.birthday == "--11-23")
        #expect(try await world.clientQueries.card(slug: client.slug, for: world.principal).contacts == [contact])

        draft.position = "Директор по закупкам"
        draft.birthday = "05.03.1980"
        draft.email = "nope"
        await #expect(throws: ValidationError.self) {
            try await world.clients.updateContact(id: contact.id!, of: client.slug, draft, by: world.principal)
        }
        draft.email = "a.kovalev@romashka.ru"
        try await world.clients.updateContact(id: contact.id!, of: client.slug, draft, by: world.principal)
        let updated = try #require(try await world.clientQueries.card(slug: client.slug, for: world.principal).contacts.first)
        #expect(updated.position == "Директор по закупкам")
        #expect(updated.birthday == "1980-03-05")
        #expect(updated.email == "a.kovalev@romashka.ru")

        // A contact is reached only through its own card.
        let other = try await world.client("Лютик")
        await #expect(throws: NotFound.self) {
            try await world.clients.updateContact(id: contact.id!, of: other.slug, draft, by: world.principal)
        }
        await #expect(throws: NotFound.self) { try await world.clients.deleteContact(id: contact.id!, of: other.slug, by: world.principal) }

        try await world.clients.deleteContact(id: contact.id!, of: client.slug, by: world.principal)
        #expect(try await world.clientQueries.card(slug: client.slug, for: world.principal).contacts.isEmpty)
        #expect(try await world.count("SELECT COUNT(*) FROM clientContact") == 0)
    }

    @Test func anInteractionMayNameOnlyAContactOfItsOwnCard() async throws {
        let world = try await TestWorld()
        let romashka = try await world.client("Ромашка")
        let lyutik = try await world.client("Лютик")
        let stranger = try await world.contact("Пётр Лютиков", on: lyutik)
        let own = try await world.contact("Андрей Ковалёв", on: romashka)

        var draft = InteractionDraft()
        draft.summary = "Обсудили поставку"
        draft.contact = String(stranger.id!)
        let error = await #expect(throws: ValidationError.self) { try await world.clients.logInteraction(draft, on: romashka.slug, by: world.principal) }
        #expect(error?.fields == ["contact": .notFound])
        #expect(try await world.count("SELECT COUNT(*) FROM clientInteraction") == 0)

        draft.contact = String(own.id!)
        let logged = try await world.clients.logInteraction(draft, on: romashka.slug, by: world.principal)
        #expect(logged.contactId == own.id)
        let entry = try #require(try await world.clientQueries.card(slug: romashka.slug, for: world.principal).interactions.first)
        #expect(entry.contactName == "Андрей Ковалёв")
        #expect(entry.interaction.summary == "Обсудили поставку")
    }

    @Test func aNextStepNeedsADueDayAndADueDayNeedsAStep() async throws {
        let world = try await TestWorld()
        let client = try await world.client("Ромашка")
        var draft = InteractionDraft()
        draft.summary = "Звонок"
        draft.nextStep = "Выслать КП"
        let noDue = await #expect(throws: ValidationError.self) { try await world.clients.logInteraction(draft, on: client.slug, by: world.principal) }
        #expect(noDue?.fields == ["nextStepDue": .required])

        draft.nextStep = ""
        draft.nextStepDue = isoDay(3)
        let noStep = await #expect(throws: ValidationError.self) { try await world.clients.logInteraction(draft, on: client.slug, by: world.principal) }
        #expect(noStep?.fields == ["nextStep": .required])

        draft.nextStepDue = "31.02.2030"
        draft.nextStep = "Выслать КП"
        let badDue = await #expect(throws: ValidationError.self) { try await world.clients.logInteraction(draft, on: client.slug, by: world.principal) }
        #expect(badDue?.fields["nextStepDue"] == .invalidDate)
        #expect(try await world.count("SELECT COUNT(*) FROM clientInteraction") == 0)
    }

    @Test func interactionsCannotBeLoggedFarInTheFuture() async throws {
        let world = try await TestWorld()
        let client = try await world.client("Ромашка")
        var draft = InteractionDraft()
        draft.summary = "Встреча"
        draft.date = isoDay(3)
        let error = await #expect(throws: ValidationError.self) { try await world.clients.logInteraction(draft, on: client.slug, by: world.principal) }
        #expect(error?.fields == ["date": .invalidDate])
        draft.date = isoDay(-5)
        let past = try await world.clients.logInteraction(draft, on: client.slug, by: world.principal)
        #expect(DayDate(past.occurredAt).iso == isoDay(-5))
    }

    /// The timeline takes days up to tomorrow (a meeting set for tomorrow morning, a time zone
    /// ahead); whether tomorrow is accepted must not depend on the hour it is typed at.
    @Test(arguments: [1, 9, 11, 13, 15, 23])
    func tomorrowIsAcceptedAtAnyHour(hour: Int) async throws {
        let world = try await TestWorld()
        let client = try await world.client("Ромашка")
        let author = try #require(world.principal.userId)
        let today = DayDate(Date())
        let now = today.noon.addingTimeInterval(Double(hour - 12) * 3_600)
        var draft = InteractionDraft()
        draft.summary = "Встреча"
        draft.date = today.adding(days: 1).iso
        let logged = try await world.database.writer.write { [draft] db in
            try ClientWriter(db: db, authorId: author, now: now).addInteraction(draft, to: client)
        }
        #expect(DayDate(logged.occurredAt) == today.adding(days: 1))
        draft.date = today.adding(days: 2).iso
        await #expect(throws: ValidationError.self) {
            try await world.database.writer.write { [draft] db in
                try ClientWriter(db: db, authorId: author, now: now).addInteraction(draft, to: client)
            }
        }
    }

    @Test func deletingAContactKeepsTheInteractionsWithIt() async throws {
        let world = try await TestWorld()
        let client = try await world.client("Ромашка")
        let contact = try await world.contact("Андрей Ковалёв", on: client)
        var draft = InteractionDraft()
        draft.summary = "Звонок Андрею"
        draft.contact = String(contact.id!)
        _ = try await world.clients.logInteraction(draft, on: client.slug, by: world.principal)
        try await world.clients.deleteContact(id: contact.id!, of: client.slug, by: world.principal)
        let entry = try #require(try await world.clientQueries.card(slug: client.slug, for: world.principal).interactions.first)
        #expect(entry.interaction.summary == "Звонок Андрею")
        #expect(entry.interaction.contactId == nil)
        #expect(entry.contactName == nil)
    }

    @Test func completingAStepMarksItDone() async throws {
        let world = try await TestWorld()
        let client = try await world.client("Ромашка")
        let logged = try await world.interaction(on: client, "Звонок", nextStep: "Выслать КП", due: isoDay(2))
        #expect(logged.hasOpenStep)
        #expect(logged.nextStepDue == isoDay(2))
        try await world.clients.completeStep(interaction: logged.id!, of: client.slug, by: world.principal)
        let entry = try #require(try await world.clientQueries.card(slug: client.slug, for: world.principal).interactions.first)
        #expect(entry.interaction.nextStepDoneAt != nil)
        #expect(!entry.interaction.hasOpenStep)
        #expect(entry.interaction.nextStep == "Выслать КП")
    }

    @Test func aTrashedCardIsHiddenEverywhereUntilRestored() async throws {
        let world = try await TestWorld()
        let client = try await world.client("Ромашка")
        let other = try await world.client("Лютик")
        #expect(try await world.searchEntries(of: client) == 1)

        try await world.clients.delete(slug: client.slug, by: world.principal)
        let listed = try await world.listed(for: world.principal)
        #expect(listed.slugs == [other.slug])
        #expect(listed.total == 1)
        await #expect(throws: NotFound.self) { try await world.clientQueries.card(slug: client.slug, for: world.principal) }
        #expect(try await world.searchEntries(of: client) == 0)
        #expect(try await world.searchEntries(of: other) == 1)
        #expect(try await world.clientQueries.trash(for: world.principal).map(\.slug) == [client.slug])
        // Nothing is edited in the trash.
        await #expect(throws: NotFound.self) { try await world.contact("Андрей", on: client) }
        #expect(try await world.stored(client)?.deletedById == world.principal.userId)

        try await world.clients.restore(slug: client.slug, by: world.principal)
        #expect(Set(try await world.listed(for: world.principal).slugs) == [client.slug, other.slug])
        #expect(try await world.clientQueries.card(slug: client.slug, for: world.principal).client.name == "Ромашка")
        #expect(try await world.searchEntries(of: client) == 1)
        #expect(try await world.stored(client)?.deletedAt == nil)
        #expect(try await world.clientQueries.trash(for: world.principal).isEmpty)
    }

    @Test func notesAreRenderedMarkdownWithoutRawHTML() async throws {
        let world = try await TestWorld()
        let client = try await world.client("Ромашка", notes: "## Условия\n\nОтсрочка **30 дней**.\n\n<script>alert(1)</script>\n")
        #expect(client.notesHTML.contains("<h2"))
        #expect(client.notesHTML.contains("<strong>30 дней</strong>"))
        #expect(!client.notesHTML.contains("<script"))
        let card = try await world.clientQueries.card(slug: client.slug, for: world.principal)
        #expect(card.notesHTML.contains("<h2"))
        #expect(!card.notesHTML.contains("<script"))

        var draft = ClientDraft(client)
        draft.notes = "### Новое\n\n<img src=x onerror=alert(1)>"
        let updated = try await world.clients.update(slug: client.slug, draft, version: client.version, by: world.principal)
        #expect(updated.notesHTML.contains("<h3"))
        #expect(!updated.notesHTML.contains("<h2"))
        #expect(!updated.notesHTML.contains("onerror"))
    }
}
