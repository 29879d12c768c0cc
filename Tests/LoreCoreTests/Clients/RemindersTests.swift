import Foundation
import GRDB
import Testing
@testable import LoreCore

/// A manager's home page reminders: next steps due, birthdays coming up, clients gone quiet.
@Suite struct RemindersTests {
    /// A world with a sales role and its member Olga.
    func world() async throws -> (TestWorld, olga: Principal, ivan: Principal) {
        let world = try await TestWorld()
        let sales = try await world.role("Sales", [.clientsRead, .clientsEdit])
        let olga = try await world.user("olga", roles: [sales])
        let ivan = try await world.user("ivan", roles: [sales])
        return (world, olga, ivan)
    }

    @Test func stepsDueSoonOrOverdueAreShownAndOthersAreNot() async throws {
        let (world, olga, ivan) = try await world()
        let mine = try await world.client("Ромашка", manager: olga)
        // Taken once: a run that crosses midnight must compare with the day it wrote.
        let yesterday = isoDay(-1)
        let overdue = try await world.interaction(on: mine, "Звонок", nextStep: "Выслать КП", due: yesterday, by: olga)
        let soon = try await world.interaction(on: mine, "Письмо", nextStep: "Созвониться", due: isoDay(3), by: olga)
        try await world.interaction(on: mine, "Встреча", nextStep: "Подписать договор", due: isoDay(20), by: olga)
        let done = try await world.interaction(on: mine, "Звонок", nextStep: "Уточнить адрес", due: isoDay(-3), by: olga)
        try await world.clients.completeStep(interaction: done.id!, of: mine.slug, by: world.principal)
        // Someone else's client, but Olga promised the next step herself.
        let theirs = try await world.client("Лютик", manager: ivan)
        let promised = try await world.interaction(on: theirs, "Звонок", nextStep: "Отправить образцы", due: isoDay(1), by: olga)
        // Someone else's client and step: not Olga's business.
        try await world.interaction(on: theirs, "Звонок", nextStep: "Чужой шаг", due: isoDay(1), by: ivan)

        let steps = try await world.reminders.reminders(for: olga, quietAfterDays: 60).steps
        #expect(steps.map(\.interactionId) == [overdue.id!, promised.id!, soon.id!])
        let first = try #require(steps.first)
        #expect(first.isOverdue)
        #expect(first.nextStep == "Выслать КП")
        #expect(first.clientSlug == mine.slug)
        #expect(first.due.iso == yesterday)
        #expect(steps.dropFirst().allSatisfy { !$0.isOverdue })
        #expect(steps.contains { $0.clientName == "Лютик" && $0.nextStep == "Отправить образцы" })

        // Ivan sees the steps he is to do, not the one Olga promised on his client: whoever does a
        // step is reminded of it (the Tasks page shows the rest of the team's).
        let ivanSteps = try await world.reminders.reminders(for: ivan, quietAfterDays: 60).steps
        #expect(Set(ivanSteps.map(\.nextStep)) == ["Чужой шаг"])
    }

    @Test func stepsDueTodayAreNotOverdue() async throws {
        let (world, olga, _) = try await world()
        let mine = try await world.client("Ромашка", manager: olga)
        try await world.interaction(on: mine, "Звонок", nextStep: "Перезвонить", due: isoDay(0), by: olga)
        try await world.interaction(on: mine, "Звонок", nextStep: "На границе", due: isoDay(Reminders.horizonDays), by: olga)
        try await world.interaction(on: mine, "Звонок", nextStep: "За границей", due: isoDay(Reminders.horizonDays + 1), by: olga)
        let steps = try await world.reminders.reminders(for: olga, quietAfterDays: 60).steps
        #expect(steps.map(\.nextStep) == ["Перезвонить", "На границе"])
        #expect(steps.allSatisfy { !$0.isOverdue })
    }

    @Test func birthdaysWithinTwoWeeksAreShown() async throws {
        let (world, olga, ivan) = try await world()
        let mine = try await world.client("Ромашка", manager: olga)
        let inThree = DayDate(Date()).adding(days: 3)
        let inThirty = DayDate(Date()).adding(days: 30)
        try await world.contact("Андрей Ковалёв", on: mine, birthday: Birthday(month: inThree.month, day: inThree.day)!.iso)
        try await world.contact("Мария Петрова", on: mine, birthday: Birthday(month: inThirty.month, day: inThirty.day)!.iso)
        // With a known year, the day still counts.
        try await world.contact("Сергей Орлов", on: mine, birthday: "\(1980)-\(isoDay(0).dropFirst(5))")
        let theirs = try await world.client("Лютик", manager: ivan)
        try await world.contact("Пётр Лютиков", on: theirs, birthday: Birthday(month: inThree.month, day: inThree.day)!.iso)

        let birthdays = try await world.reminders.reminders(for: olga, quietAfterDays: 60).birthdays
        #expect(birthdays.map(\.contactName) == ["Сергей Орлов", "Андрей Ковалёв"])
        #expect(birthdays.map(\.inDays) == [0, 3])
        #expect(birthdays.allSatisfy { $0.clientSlug == mine.slug && $0.clientName == "Ромашка" })
    }

    @Test func quietClientsAreThoseNotContactedForLong() async throws {
        let (world, olga, ivan) = try await world()
        let quiet = try await world.client("Ромашка", manager: olga, status: .active)
        try await world.interaction(on: quiet, "Давний звонок", date: isoDay(-90))
        let fresh = try await world.client("Лютик", manager: olga, status: .active)
        try await world.interaction(on: fresh, "Давний звонок", date: isoDay(-90))
        try await world.interaction(on: fresh, "Недавний звонок", date: isoDay(-10))
        let never = try await world.client("Василёк", manager: olga, status: .lead)
        let former = try await world.client("Одуванчик", manager: olga, status: .former)
        let theirs = try await world.client("Колокольчик", manager: ivan, status: .active)

        let after60 = try await world.reminders.reminders(for: olga, quietAfterDays: 60).quiet
        #expect(Set(after60.map(\.clientSlug)) == [quiet.slug, never.slug])
        // Never contacted comes first, then the longest silence.
        #expect(after60.map(\.clientSlug) == [never.slug, quiet.slug])
        #expect(after60.first?.lastContactAt == nil)
        #expect(after60.last.flatMap(\.lastContactAt).map { DayDate($0).iso } == isoDay(-90))

        let after120 = try await world.reminders.reminders(for: olga, quietAfterDays: 120).quiet
        #expect(after120.map(\.clientSlug) == [never.slug])
        #expect(!after60.contains { $0.clientSlug == former.slug || $0.clientSlug == theirs.slug })
    }

    @Test func formerClientsAreNeverQuiet() async throws {
        let (world, olga, _) = try await world()
        let former = try await world.client("Одуванчик", manager: olga, status: .former)
        try await world.interaction(on: former, "Прощальный звонок", date: isoDay(-400))
        let reminders = try await world.reminders.reminders(for: olga, quietAfterDays: 1)
        #expect(reminders.quiet.isEmpty)
    }

    @Test func withoutClientsReadThereAreNoReminders() async throws {
        let world = try await TestWorld()
        let employee = try await world.user("olga")
        // The card is hers on paper, with a step she promised and a birthday coming.
        let mine = try await world.client("Ромашка", manager: employee)
        try await world.interaction(on: mine, "Звонок", nextStep: "Выслать КП", due: isoDay(-1))
        try await world.contact("Андрей", on: mine, birthday: "--\(isoDay(1).dropFirst(5))")
        let reminders = try await world.reminders.reminders(for: employee, quietAfterDays: 1)
        #expect(reminders.isEmpty)
    }

    @Test func onlyOwnManagersStillSeeTheirOwnReminders() async throws {
        let world = try await TestWorld()
        let own = try await world.role("My clients", [.clientsRead, .clientsEdit, .clientsOnlyOwn])
        let olga = try await world.user("olga", roles: [own])
        let ivan = try await world.user("ivan", roles: [own])
        let mine = try await world.client("Ромашка", manager: olga)
        try await world.interaction(on: mine, "Звонок", nextStep: "Выслать КП", due: isoDay(-1), by: olga)
        let reminders = try await world.reminders.reminders(for: olga, quietAfterDays: 60)
        #expect(reminders.steps.map(\.clientSlug) == [mine.slug])
        // A step she logged once on a card that has since left her sight is not shown.
        let theirs = try await world.client("Лютик", manager: olga)
        try await world.interaction(on: theirs, "Звонок", nextStep: "Чужое", due: isoDay(1), by: olga)
        var handOver = ClientDraft(try #require(try await world.stored(theirs)))
        handOver.manager = String(ivan.userId!)
        _ = try await world.clients.update(slug: theirs.slug, handOver, version: theirs.version, by: world.principal)
        let after = try await world.reminders.reminders(for: olga, quietAfterDays: 60)
        #expect(!after.steps.contains { $0.clientSlug == theirs.slug })
        #expect(!after.quiet.contains { $0.clientSlug == theirs.slug })
    }

    @Test func aTrashedClientContributesNothing() async throws {
        let (world, olga, _) = try await world()
        let trashed = try await world.client("Ромашка", manager: olga)
        try await world.interaction(on: trashed, "Звонок", date: isoDay(-200), nextStep: "Выслать КП", due: isoDay(-1), by: olga)
        try await world.contact("Андрей", on: trashed, birthday: "--\(isoDay(2).dropFirst(5))")
        let before = try await world.reminders.reminders(for: olga, quietAfterDays: 60)
        #expect(before.steps.count == 1 && before.birthdays.count == 1 && before.quiet.count == 1)

        try await world.clients.delete(slug: trashed.slug, by: world.principal)
        let after = try await world.reminders.reminders(for: olga, quietAfterDays: 60)
        #expect(after.isEmpty)
    }
}
