import Foundation
import Hummingbird
import HummingbirdTesting
import LoreWeb
import Testing

/// The Tasks page over HTTP with the sample registry: Sergey's own steps with quick actions;
/// everyone's by person for those who supervise.
@Suite struct TaskRoutesTests {
    @Test func sergeyMovesAStepAndTheAdministratorSeesTheTeam() async throws {
        try await DraftFileRoutesTests.sample().test(.router) { client in
            let sergey = try await Browser.signIn(client, login: "sergey", password: LeakTests.demoPassword)
            let page = try await sergey.get("/tasks?view=overdue").text
            #expect(!page.contains("view=team"), "Sales does not supervise")
            let id = try #require(page.firstMatch(of: #/id="task-(\d+)"/#)).1
            let moved = try await sergey.postForm("/tasks/\(id)/tomorrow", [("back", "/tasks?view=overdue")])
            #expect(moved.headers[.location] == "/tasks?view=overdue&notice=task_moved")
            #expect(!(try await sergey.get("/tasks?view=overdue").text.contains("id=\"task-\(id)\"")))
            #expect(try await sergey.get("/tasks?view=mine").text.contains("id=\"task-\(id)\""))

            let admin = try await Browser.signIn(client, login: "admin", password: TestApp.adminPassword)
            let team = try await admin.get("/tasks?view=team").text
            #expect(team.contains("Сергей Волков") && team.contains(#"class="task-group""#))
            let card = try await sergey.get("/clients/polka-market").text
            #expect(card.contains(#"id="open-tasks""#))
        }
    }
}
