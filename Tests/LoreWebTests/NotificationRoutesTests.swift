import Foundation
import Hummingbird
import HummingbirdTesting
import LoreCore
import LoreWeb
import Testing

/// Mentions, the bell, the notifications page, watching, settings, forgotten passwords and the
/// e-mail queue over HTTP, with the sample's people.
@Suite struct NotificationRoutesTests {
    /// The sample with e-mail on: messages are queued (no background sender runs in these tests).
    static func sampleWithMail() async throws -> some ApplicationProtocol {
        let sendmail = try #require(Sendmail(commandLine: TestApp.repositoryRoot.appendingPathComponent("Tests/Fixtures/Mail/fake-sendmail").path))
        return try await buildApplication(AppArguments(
            resourcesDirectory: TestApp.repositoryRoot.path, adminPassword: TestApp.adminPassword, inMemory: true,
            demoPassword: LeakTests.demoPassword, passwordCost: 4, logLevel: .critical,
            mail: MailSettings(sendmail: sendmail, publicURL: "https://wiki.lore.example")))
    }

    @Test func marinaMentionsIvanWhoSeesItInTheBellAndOpensIt() async throws {
        try await DraftFileRoutesTests.sample().test(.router) { client in
            let marina = try await Browser.signIn(client, login: "marina", password: LeakTests.demoPassword)
            let ivan = try await Browser.signIn(client, login: "ivan", password: LeakTests.demoPassword)
            let before = try await Self.unread(ivan)
            let sent = try await marina.postForm("/a/bolnichnyy-list/comments", [("comment", "@ivan, see the new rule on carry-over")])
            #expect(sent.headers[.location]?.hasPrefix("/a/bolnichnyy-list#comment-") == true)
            #expect(try await Self.unread(ivan) == before + 1)
            let list = try await ivan.get("/notifications?kind=mention").text
            #expect(list.contains("Марина Соколова mentioned you in a comment on «Больничный лист»") && list.contains("see the new rule on carry-over"))
            let id = try #require(list.firstMatch(of: #/href="/notifications/(\d+)" class="notification-text"/#)).1
            #expect(try await marina.get("/notifications/\(id)").status == .notFound, "one's notifications are one's own")
            let opened = try await ivan.get("/notifications/\(id)")
            #expect(opened.status == .seeOther && opened.headers[.location]?.hasPrefix("/a/bolnichnyy-list#comment-") == true)
            #expect(try await Self.unread(ivan) == before)
            #expect(try await ivan.postForm("/notifications/read", []).status == .seeOther)
            #expect(try await Self.unread(ivan) == 0)
        }
    }

    @Test func aMentionOfSomeoneWhoMayNotReadThePageTellsTheWriterInsteadOfThem() async throws {
        try await DraftFileRoutesTests.sample().test(.router) { client in
            let marina = try await Browser.signIn(client, login: "marina", password: LeakTests.demoPassword)
            let ivan = try await Browser.signIn(client, login: "ivan", password: LeakTests.demoPassword)
            let before = try await ivan.get("/notifications").text
            let sent = try await marina.postForm("/a/peresmotr-zarplat/comments", [("comment", "@ivan the raise budget is 7 percent")])
            let location = try #require(sent.headers[.location])
            #expect(location.contains("notice=mention_unseeing&names=ivan"))
            #expect(try await marina.get(location).text.contains("Not told, as they may not see this page: ivan."))
            let after = try await ivan.get("/notifications").text
            #expect(!after.contains("Пересмотр зарплат") && !after.contains("raise budget") && after.components(separatedBy: "class=\"notification").count
                == before.components(separatedBy: "class=\"notification").count)
        }
    }

    @Test func aPageThatMentionsSomeoneTellsThemOrTellsTheWriterTheyCannotSeeIt() async throws {
        try await DraftFileRoutesTests.sample().test(.router) { client in
            let marina = try await Browser.signIn(client, login: "marina", password: LeakTests.demoPassword)
            let ivan = try await Browser.signIn(client, login: "ivan", password: LeakTests.demoPassword)
            let told = try await Self.appendToPage("komandirovki", "Questions: ask @ivan, who went last month.", as: marina)
            #expect(told.headers[.location] == "/a/komandirovki?notice=saved")
            #expect(try await ivan.get("/notifications?kind=mention").text.contains("Марина Соколова mentioned you on «Командировки»"))
            let hidden = try await Self.appendToPage("peresmotr-zarplat", "Numbers checked with @ivan.", as: marina)
            #expect(hidden.headers[.location] == "/a/peresmotr-zarplat?notice=mention_unseeing&names=ivan")
            #expect(!(try await ivan.get("/notifications").text.contains("Пересмотр зарплат")))
            let again = try await Self.appendToPage("komandirovki", "Thanks.", as: marina)
            #expect(again.headers[.location] == "/a/komandirovki?notice=saved", "a mention already on the page is not told again")
            #expect(try await ivan.get("/notifications?kind=mention").text.components(separatedBy: "mentioned you on").count == 2)
        }
    }

    /// Saves the page with `text` added at the end, as its edit form would.
    private static func appendToPage(_ slug: String, _ text: String, as writer: Browser) async throws -> TestResponse {
        let form = try await writer.get("/a/\(slug)/edit").text
        let title = try #require(form.firstMatch(of: #/id="title" name="title" type="text" value="([^"]*)"/#)).1
        let category = try #require(form.firstMatch(of: #/<option value="(\d+)" selected/#)).1
        let base = try #require(form.firstMatch(of: #/name="baseRevision" value="(\d+)"/#)).1
        let body = try #require(form.firstMatch(of: #/<textarea id="body"[^>]*>\n([^<]*)</textarea>/#)).1
        return try await writer.postForm("/a/\(slug)/edit", EditingRoutesTests.articleFields(
            title: String(title), slug: slug, category: String(category), body: String(body) + "\n\n" + text, base: String(base)))
    }

    @Test func watchersSeeTheirOwnButtonOnSharedPagesAndHiddenPagesCannotBeWatched() async throws {
        try await DraftFileRoutesTests.sample().test(.router) { client in
            let ivan = try await Browser.signIn(client, login: "ivan", password: LeakTests.demoPassword)
            let sergey = try await Browser.signIn(client, login: "sergey", password: LeakTests.demoPassword)
            let marina = try await Browser.signIn(client, login: "marina", password: LeakTests.demoPassword)
            let page = try await ivan.get("/a/bolnichnyy-list").text
            let subject = try #require(page.firstMatch(of: #/name="subject" value="(article:\d+)"/#)).1
            #expect(page.contains(">Watch<"))
            let watched = try await ivan.postForm("/watch", [("subject", String(subject)), ("watching", "1"), ("back", "/a/bolnichnyy-list")])
            #expect(watched.headers[.location] == "/a/bolnichnyy-list?notice=watching")
            #expect(try await ivan.get("/a/bolnichnyy-list").text.contains(">Stop watching<"))
            #expect(try await sergey.get("/a/bolnichnyy-list").text.contains(">Watch<"), "a kept page is not shared between watchers and others")

            let hidden = try await marina.get("/a/peresmotr-zarplat").text
            let hiddenSubject = try #require(hidden.firstMatch(of: #/name="subject" value="(article:\d+)"/#)).1
            #expect(try await ivan.postForm("/watch", [("subject", String(hiddenSubject)), ("back", "/")]).status == .notFound)

            _ = try await marina.postForm("/a/bolnichnyy-list/comments", [("comment", "Carry-over ends in March.")])
            #expect(try await ivan.get("/notifications").text.contains("Марина Соколова commented on «Больничный лист»"))
        }
    }

    @Test func settingsArePeopleSuggestedAndGuestsAreSentToSignIn() async throws {
        try await DraftFileRoutesTests.sample().test(.router) { client in
            let ivan = try await Browser.signIn(client, login: "ivan", password: LeakTests.demoPassword)
            #expect(try await ivan.postForm("/me/notifications", [("delivery_mention", "off"), ("delivery_change", "email"),
                                                                  ("digest_change", "on")]).status == .seeOther)
            let me = try await ivan.get("/me").text
            #expect(me.contains(#"<option value="off" selected>"#) && me.contains(#"id="digest_change" checked"#) && !me.contains(#"id="autoWatch" checked"#))
            let people = try await ivan.get("/people/suggest?q=mar").text
            #expect(people.contains(#""username":"marina""#) && people.contains("Марина Соколова"))
            let guest = try await client.execute(uri: "/people/suggest?q=mar", method: .get)
            #expect(guest.status == .seeOther)
        }
    }

    @Test func aForgottenPasswordIsEMailedWithoutSayingWhetherTheAccountExists() async throws {
        try await Self.sampleWithMail().test(.router) { client in
            let guest = try await Browser.guest(client)
            let known = try await guest.postForm("/forgot-password", [("login", "ivan")])
            let unknown = try await guest.postForm("/forgot-password", [("login", "nobody@lore.example")])
            #expect(known.status == .ok && unknown.status == .ok)
            let sentText = "If an account with that name or address exists"
            #expect(known.text.contains(sentText) && unknown.text.contains(sentText))
            let admin = try await Browser.signIn(client, login: "admin", password: TestApp.adminPassword)
            let queue = try await admin.get("/admin/mail").text
            #expect(queue.contains("ivan.petrov@lore.example") && queue.contains("New password") && !queue.contains("nobody@lore.example"))
            let marina = try await Browser.signIn(client, login: "marina", password: LeakTests.demoPassword)
            #expect(try await marina.get("/admin/mail").status == .notFound)
        }
    }

    @Test func anInvitationGoesByEMailWhenEMailIsOnAndShowsTheWholeLinkWhenOff() async throws {
        try await Self.sampleWithMail().test(.router) { client in
            let admin = try await Browser.signIn(client, login: "admin", password: TestApp.adminPassword)
            let invited = try await admin.postForm("/admin/users/new", [("username", "nadia"), ("displayName", "Nadia"), ("email", "nadia@lore.example")])
            #expect(invited.text.contains("was e-mailed to nadia@lore.example") && !invited.text.contains("/set-password/"))
            #expect(try await admin.get("/admin/mail").text.contains("nadia@lore.example"))
        }
        try await DraftFileRoutesTests.sample().test(.router) { client in
            let admin = try await Browser.signIn(client, login: "admin", password: TestApp.adminPassword)
            let invited = try await admin.postForm("/admin/users/new", [("username", "nadia"), ("displayName", "Nadia"), ("email", "nadia@lore.example")])
            #expect(invited.text.contains("<code>http://127.0.0.1:8080/set-password/"))
            #expect(try await Browser.guest(client).get("/forgot-password").text.contains("Ask an administrator"))
        }
    }

    private static func unread(_ browser: Browser) async throws -> Int {
        let page = try await browser.get("/me").text
        return page.firstMatch(of: #/class="bell-count">(\d+)</#).flatMap { Int($0.1) } ?? 0
    }
}
