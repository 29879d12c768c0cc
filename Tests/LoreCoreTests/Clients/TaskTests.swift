import Foundation
import GRDB
import Testing
@testable import LoreCore

/// Next steps for the team: given to a colleague who may see the card, moved, done, and listed
/// on the Tasks page as each person may see them.
@Suite struct TaskTests {
    @Test func stepsAreGivenMovedAndListedByRights() async throws {
        let world = try await TestWorld()
        let sales = try await world.role("Sales", [.clientsRead, .clientsEdit])
        let own = try await world.role("Own", [.clientsRead, .clientsEdit, .clientsOnlyOwn])
        let head = try await world.role("Head", [.clientsRead, .clientsEdit, .clientsSupervise])
        let anna = try await world.user("anna", roles: [sales]), boris = try await world.user("boris", roles: [sales])
        let olga = try await world.user("olga", roles: [own]), vera = try await world.user("vera", roles: [head])
        let globex = try await world.client("Globex", manager: anna)
        let mine = try await world.interaction(on: globex, "Call", nextStep: "Send the offer", due: isoDay(-1), by: anna)
        #expect(mine.assigneeId == anna.userId, "the writer does it unless they give it away")

        var draft = InteractionDraft()
        draft.summary = "Meeting"
        draft.nextStep = "Book the room"
        draft.nextStepDue = isoDay(2)
        draft.nextStepTime = "9:30"
        draft.nextStepKind = "meeting"
        draft.assignee = String(olga.userId!)
        await #expect(throws: ValidationError.self, "Olga sees only her own cards") {
            try await world.clients.logInteraction(draft, on: globex.slug, by: anna)
        }
        draft.assignee = String(boris.userId!)
        let given = try await world.clients.logInteraction(draft, on: globex.slug, by: anna)
        #expect(given.assigneeId == boris.userId && given.nextStepTime == "09:30" && given.nextStepKind == .meeting)

        let tasks = TaskQueries(database: world.database)
        #expect(try await tasks.tasks(.mine, for: anna).map(\.step) == ["Send the offer"])
        #expect(try await tasks.tasks(.assigned, for: anna).map(\.step) == ["Book the room"])
        #expect(try await tasks.tasks(.mine, for: boris).map(\.step) == ["Book the room"])
        #expect(try await tasks.tasks(.overdue, for: boris).isEmpty)
        #expect(try await tasks.tasks(.overdue, for: vera).map(\.step) == ["Send the offer"], "a supervisor sees everyone's overdue steps")
        #expect(try await tasks.tasks(.team, for: vera).count == 2)
        #expect(try await tasks.tasks(.team, for: boris).map(\.step) == ["Book the room"], "without supervise, only one's own")
        #expect(try await tasks.tasks(.team, for: olga).isEmpty)

        try await world.clients.reschedule(step: mine.id!, to: DayDate(Date()).adding(days: 1), by: anna)
        #expect(try await tasks.tasks(.overdue, for: vera).isEmpty)
        try await world.clients.reassign(step: mine.id!, to: boris.userId!, by: vera)
        #expect(try await tasks.tasks(.mine, for: boris).count == 2)
        #expect(try await world.reminders.reminders(for: boris, quietAfterDays: 60).steps.count == 2, "reminders follow the step")
        try await world.clients.complete(step: mine.id!, by: boris)
        #expect(try await tasks.tasks(.mine, for: boris).map(\.step) == ["Book the room"])
        await #expect(throws: NotFound.self) { try await world.clients.complete(step: mine.id!, by: boris) }
        await #expect(throws: NotFound.self) { try await world.clients.reschedule(step: given.id!, to: DayDate(Date()), by: olga) }
    }
}
