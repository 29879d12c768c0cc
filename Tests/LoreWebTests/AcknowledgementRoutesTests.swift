import Foundation
import Hummingbird
import HummingbirdTesting
import LoreWeb
import Testing

/// Read and confirm over HTTP, with the sample: every employee must confirm the regulations;
/// Marina (HR) confirmed them all, Sergey only the first and is overdue, Ivan is new.
@Suite struct AcknowledgementRoutesTests {
    static let regulation = "/a/informatsionnaya-bezopasnost"

    @Test func aNewcomerConfirmsARegulationFromTheHomePage() async throws {
        try await DraftFileRoutesTests.sample().test(.router) { client in
            let ivan = try await Browser.signIn(client, login: "ivan", password: LeakTests.demoPassword)
            let home = try await ivan.get("/").text
            let count = try #require(home.firstMatch(of: #/To read and confirm: (\d+) pages/#)).1
            #expect(Int(count) ?? 0 >= 8 && home.contains("href=\"\(Self.regulation)\""))
            #expect(!home.contains("badge overdue"), "a newcomer's days count from his first sign-in")
            let page = try await ivan.get(Self.regulation).text
            #expect(page.contains("id=\"confirmation\"") && page.contains("required for Employee by"))
            let revision = try #require(page.firstMatch(of: #/name="revision" value="(\d+)"/#)).1
            let confirmed = try await ivan.postForm(Self.regulation + "/confirm", [("revision", String(revision))])
            #expect(confirmed.status == .seeOther && confirmed.headers[.location] == Self.regulation + "?notice=confirmed")
            let after = try await ivan.get(Self.regulation).text
            #expect(after.contains("You confirmed that you read revision \(revision)") && !after.contains("id=\"confirm-read\""))
            #expect(try await ivan.get("/").text.contains("To read and confirm: \(Int(count)! - 1) pages"))
            let stale = try await ivan.postForm("/a/rezhim-rabochego-vremeni/confirm", [("revision", "0")])
            #expect(stale.headers[.location] == "/a/rezhim-rabochego-vremeni?notice=changed_since_opened")
        }
    }

    @Test func hrSeesWhoConfirmedAndDownloadsAndPrintsTheSheet() async throws {
        try await DraftFileRoutesTests.sample().test(.router) { client in
            let sergey = try await Browser.signIn(client, login: "sergey", password: LeakTests.demoPassword)
            #expect(try await sergey.get("/a/rezhim-rabochego-vremeni").text.contains("class=\"confirmation overdue\""), "Sergey is overdue")
            #expect(try await sergey.get(Self.regulation + "/reading").status == .forbidden)
            #expect(try await sergey.get(Self.regulation + "/reading.csv").status == .forbidden)

            let marina = try await Browser.signIn(client, login: "marina", password: LeakTests.demoPassword)
            let report = try await marina.get(Self.regulation + "/reading")
            #expect(report.status == .ok && !report.text.contains("id=\"reading-form\""), "HR reports; only managers change the setting")
            for name in ["Иван Петров", "Марина Соколова", "Сергей Волков"] { #expect(report.text.contains(name)) }
            #expect(report.text.contains("Менеджер по персоналу") && report.text.contains("Acknowledgement sheet"))
            #expect(report.text.contains("state-overdue") && report.text.contains("state-confirmed"))
            let sales = try await marina.get(Self.regulation + "/reading?department=%D0%9E%D1%82%D0%B4%D0%B5%D0%BB%20%D0%BF%D1%80%D0%BE%D0%B4%D0%B0%D0%B6")
            #expect(sales.text.contains("Сергей Волков") && !sales.text.contains("Иван Петров"))
            let csv = try await marina.get(Self.regulation + "/reading.csv")
            #expect(csv.headers[.contentType] == "text/csv; charset=utf-8" && csv.headers[.contentDisposition]?.contains("attachment") == true)
            #expect(Array(csv.body.readableBytesView.prefix(3)) == [0xEF, 0xBB, 0xBF], "Excel reads UTF-8 with its mark")
            let lines = csv.text.split(separator: "\r\n")
            // The header and a line per employee: the five demo accounts.
            #expect(lines.count == 6 && lines.contains { $0.contains("Марина Соколова") && $0.contains(",confirmed") })
            let person = try await marina.get("/people/2/reading")
            #expect(person.status == .ok && person.text.contains("id=\"reading-person\""))
        }
    }

    @Test func aManagerAsksReadersAndASignificantChangeAsksAgain() async throws {
        try await DraftFileRoutesTests.sample().test(.router) { client in
            let admin = try await Browser.signIn(client, login: "admin", password: TestApp.adminPassword)
            let form = try await admin.get("/a/bolnichnyy-list/reading").text
            #expect(form.contains("id=\"reading-none\"") && form.contains("id=\"reading-form\""))
            let employee = try #require(form.firstMatch(of: #/name="role-(\d+)" id="reading-role-\d+"> Employee/#)).1
            let refused = try await admin.postForm("/a/bolnichnyy-list/reading", [("role-\(employee)", "on"), ("dueDays", "999")])
            #expect(refused.status == .unprocessableContent && refused.text.contains("from 1 to 365") && refused.text.contains("value=\"999\""))
            let saved = try await admin.postForm("/a/bolnichnyy-list/reading", [("role-\(employee)", "on"), ("dueDays", "7")])
            #expect(saved.status == .seeOther)

            let ivan = try await Browser.signIn(client, login: "ivan", password: LeakTests.demoPassword)
            let page = try await ivan.get("/a/bolnichnyy-list").text
            let revision = try #require(page.firstMatch(of: #/name="revision" value="(\d+)"/#)).1
            _ = try await ivan.postForm("/a/bolnichnyy-list/confirm", [("revision", String(revision))])
            let edit = try await admin.get("/a/bolnichnyy-list/edit").text
            #expect(edit.contains("id=\"confirm-again\""))
            let body = try #require(edit.firstMatch(of: #/<textarea id="body"[^>]*>\n([^<]*)</textarea>/#)).1
            let changed = try await admin.postForm("/a/bolnichnyy-list/edit", EditingRoutesTests.articleFields(
                title: "Больничный лист", slug: "bolnichnyy-list", body: String(body) + "\n\nNew rule: plan by March.", base: String(revision))
                .filter { $0.0 != "category" } + [("confirmAgain", "on")])
            #expect(changed.status == .seeOther)
            let again = try await ivan.get("/a/bolnichnyy-list").text
            #expect(again.contains("changed significantly since you confirmed it") && again.contains("id=\"confirmation-diff\""))
        }
    }
}
