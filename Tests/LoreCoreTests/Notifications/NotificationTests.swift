import Foundation
import GRDB
import Testing
@testable import LoreCore

/// Who is told what: each event reaches exactly the people it concerns who may see its
/// subject, as they chose, and nothing reaches anyone else.
@Suite struct NotificationTests {
    @Test func aMentionReachesOnlyThoseWhoMayReadThePageAndTheWriterLearnsWhoNot() async throws {
        let setup = try await NotificationSetup()
        let comments = CommentService(database: setup.world.database)
        let (comment, unseeing) = try await comments.add("@ivan and @olga, please look; write to boss@example.com",
                                                         on: .article(setup.page.id!), by: setup.anna)
        #expect(unseeing.isEmpty, "both read the handbook")
        let toIvan = try await setup.stored(for: setup.ivan)
        #expect(toIvan.map(\.kind) == [.mention] && toIvan.first?.suffix == "#comment-\(comment.id!)")
        #expect(try await setup.mails(to: setup.ivan).map(\.kind) == [.notification], "mentions are e-mailed at once by default")

        let (_, hidden) = try await comments.add("Agreed, @ivan? @olga?", on: .article(setup.secret.id!), by: setup.anna)
        #expect(hidden == ["ivan"], "Ivan may not read the board's page")
        #expect(try await setup.stored(for: setup.ivan).count == 1, "nothing about the board's page reached Ivan")
        #expect(try await setup.stored(for: setup.olga).map(\.kind) == [.mention, .mention])
        #expect(Mentions.usernames(in: "mail anna@lore.example or @ivan.") == ["ivan"])
    }

    @Test func repliesReachTheThreadAndWatchersHearOfCommentsOnce() async throws {
        let setup = try await NotificationSetup()
        let comments = CommentService(database: setup.world.database)
        try await setup.notifications.watch(true, .category(setup.handbook.id!), by: setup.olga)
        let (question, _) = try await comments.add("When do vacations start?", on: .article(setup.page.id!), by: setup.ivan)
        #expect(try await setup.stored(for: setup.olga).map(\.event) == ["commented"], "a watcher of the category hears of it")
        _ = try await comments.add("In June.", on: .article(setup.page.id!), replyingTo: question.id, by: setup.anna)
        #expect(try await setup.stored(for: setup.ivan).map(\.event) == ["replied"], "the thread's author hears of the reply")
        #expect(try await setup.stored(for: setup.olga).map(\.event) == ["commented", "commented"])
        #expect(try await setup.notifications.isWatching(.article(setup.page.id!), principal: setup.ivan), "commenters watch the page")
    }

    @Test func changesToAWatchedPageAreGroupedByTheHourAndSmallFixesAreNotTold() async throws {
        let setup = try await NotificationSetup()
        try await setup.notifications.watch(true, .article(setup.page.id!), by: setup.ivan)
        _ = try await setup.save(setup.page, "Ask your manager first.", by: setup.anna)
        _ = try await setup.save(setup.page, "Ask your manager first, in writing.", by: setup.anna)
        _ = try await setup.save(setup.page, "Ask your manager first, in writing!", by: setup.anna, minor: true)
        let told = try await setup.stored(for: setup.ivan)
        #expect(told.count == 1 && told[0].count == 2 && told[0].suffix == "/diff?from=1&to=3")
        let shown = try await setup.notifications.list(for: setup.ivan).items
        #expect(shown.first?.link == "/a/\(setup.page.slug)/diff?from=1&to=3" && shown.first?.actorName == "Anna")
        #expect(try await setup.mails(to: setup.ivan).isEmpty, "changes stay in Lore by default")
    }

    @Test func aNotificationDisappearsWhenItsPageBecomesHidden() async throws {
        let setup = try await NotificationSetup()
        try await setup.notifications.watch(true, .article(setup.page.id!), by: setup.ivan)
        _ = try await setup.save(setup.page, "New rules.", by: setup.anna)
        #expect(try await setup.notifications.unreadCount(for: setup.ivan) == 1)
        let employee = try await setup.world.roles.role(kind: .employee)
        try await setup.world.grant(AccessLevel.none, to: employee, on: setup.handbook)
        let ivan = try #require(try await PrincipalLoader(database: setup.world.database).principal(userId: setup.ivan.userId!))
        // What is left is being told that his roles' rights changed, which names no page.
        #expect(try await setup.notifications.unreadCount(for: ivan) == 1)
        #expect(try await setup.notifications.list(for: ivan).items.map(\.entry.kind) == [.access])
        let change = try await setup.stored(for: ivan).filter { $0.kind == .change }
        #expect(try await setup.notifications.open(change[0].id!, by: ivan) == nil)
        _ = try await setup.save(setup.page, "Newer rules.", by: setup.anna)
        #expect(try await setup.stored(for: ivan).filter { $0.kind == .change }.count == 1, "no new notification about a page he may not read")
    }

    @Test func settingsTurnAKindOffOrIntoTheMorningDigest() async throws {
        let setup = try await NotificationSetup()
        let comments = CommentService(database: setup.world.database)
        var settings = try await setup.notifications.settings(for: setup.ivan)
        settings.choices[.mention] = .init(delivery: .email, digest: true)
        settings.choices[.comment] = .init(delivery: .off, digest: false)
        try await setup.notifications.save(settings, by: setup.ivan)
        try await setup.notifications.watch(true, .article(setup.page.id!), by: setup.ivan)
        _ = try await comments.add("Hello @ivan", on: .article(setup.page.id!), by: setup.anna)
        _ = try await comments.add("Just a comment", on: .article(setup.page.id!), by: setup.olga)
        let told = try await setup.stored(for: setup.ivan)
        #expect(told.map(\.kind) == [.mention] && told[0].digestPending)
        #expect(try await setup.mails(to: setup.ivan).isEmpty)

        let queue = MailQueue(database: setup.world.database)
        let evening = Calendar.current.date(bySettingHour: 20, minute: 0, second: 0, of: Date())!
        #expect(try await queue.queueDigests(atHour: 21, now: evening) == 0, "not before the hour")
        #expect(try await queue.queueDigests(atHour: 8, now: evening) == 1)
        let digest = try await setup.mails(to: setup.ivan)
        #expect(digest.map(\.kind) == [.digest] && digest[0].payload == String(told[0].id!))
        _ = try await comments.add("Again @ivan", on: .article(setup.page.id!), by: setup.anna)
        #expect(try await queue.queueDigests(atHour: 8, now: evening) == 0, "one digest a day")
    }

    @Test func eMailIsQueuedOnlyWhenOnAndAtMostTwentyAnHourThenDigested() async throws {
        let off = try await NotificationSetup(mailOn: false)
        _ = try await CommentService(database: off.world.database).add("@ivan", on: .article(off.page.id!), by: off.anna)
        #expect(try await off.mails(to: off.ivan).isEmpty)
        #expect(try await off.stored(for: off.ivan).count == 1)

        let setup = try await NotificationSetup()
        let comments = CommentService(database: setup.world.database)
        for index in 0..<(MailQueue.hourlyLimitPerUser + 2) {
            _ = try await comments.add("Round \(index), @ivan", on: .article(setup.page.id!), by: setup.anna)
        }
        #expect(try await setup.mails(to: setup.ivan).count == MailQueue.hourlyLimitPerUser)
        #expect(try await setup.stored(for: setup.ivan).filter(\.digestPending).count >= 2)
    }

    @Test func mentionsFromOnePersonAreLimitedPerHour() async throws {
        let setup = try await NotificationSetup(mailOn: false)
        let comments = CommentService(database: setup.world.database)
        for index in 0..<(Mentions.hourlyLimit + 5) {
            _ = try await comments.add("Ping \(index) @ivan", on: .article(setup.page.id!), by: setup.anna)
        }
        #expect(try await setup.stored(for: setup.ivan).filter { $0.kind == .mention }.count == Mentions.hourlyLimit)
    }

    @Test func theCalendarsEventsAreToldOnceToThePersonTheyConcern() async throws {
        let setup = try await NotificationSetup()
        let sales = try await setup.world.role("Sales", [.clientsRead, .clientsEdit])
        let sergey = try await setup.world.user("sergey", roles: [sales])
        let client = try await setup.world.client("Globex", manager: sergey)
        let step = try await setup.world.interaction(on: client, "Call", date: isoDay(-10), nextStep: "Send the offer", due: isoDay(-2), by: sergey)
        let scan = NotificationScan(database: setup.world.database)
        try await scan.run()
        try await scan.run()
        let told = try await setup.stored(for: sergey).filter { $0.kind == .task }
        #expect(told.count == 1 && told[0].event == "overdue" && told[0].excerpt == "Send the offer" && told[0].digestPending,
                "next steps go to the morning digest by default")
        #expect(told[0].suffix == "#interaction-\(step.id!)")
        #expect(try await setup.stored(for: setup.ivan).filter { $0.kind == .task }.isEmpty)
    }

    @Test func birthdaysPagesToConfirmAndReviewsDueAreToldOnce() async throws {
        let setup = try await NotificationSetup()
        let sales = try await setup.world.role("Sales", [.clientsRead, .clientsEdit])
        let sergey = try await setup.world.user("sergey", roles: [sales])
        let client = try await setup.world.client("Initech", manager: sergey)
        let today = DayDate(Date())
        try await setup.world.contact("Dasha", on: client, birthday: String(format: "%02d.%02d.1990", today.day, today.month), by: sergey)
        let employee = try await setup.world.roles.role(kind: .employee)
        try await AcknowledgementService(database: setup.world.database).require(.init(roleIds: [employee.id!], dueDays: 14),
                                                                                  ofArticle: setup.page.id!, by: setup.world.principal)
        let past = Calendar.current.date(byAdding: .year, value: -2, to: Date())!
        try await setup.world.database.writer.write { db in
            try db.execute(sql: "UPDATE article SET createdAt = ?, updatedAt = ? WHERE id = ?", arguments: [past, past, setup.page.id!])
        }
        try await StewardshipService(database: setup.world.database).set(.init(ownerId: setup.anna.userId, reviewMonths: 6),
                                                                          ofArticle: setup.page.id!, by: setup.world.principal)
        let scan = NotificationScan(database: setup.world.database)
        try await scan.run()
        try await scan.run()
        #expect(try await setup.stored(for: sergey).filter { $0.kind == .birthday }.map(\.event) == ["today"])
        #expect(try await setup.stored(for: setup.ivan).filter { $0.kind == .acknowledgement }.map(\.event) == ["required"])
        #expect(try await setup.stored(for: setup.olga).filter { $0.kind == .acknowledgement }.count == 1)
        #expect(try await setup.stored(for: setup.anna).filter { $0.kind == .review }.map(\.event) == ["due"])
        #expect(try await setup.stored(for: setup.ivan).filter { $0.kind == .review || $0.kind == .birthday }.isEmpty)
    }

    @Test func approvalsTokensAndAccessChangesReachTheirPeople() async throws {
        let setup = try await NotificationSetup()
        let approvers = try await setup.world.role("Approvers")
        let boss = try await setup.world.user("boss", roles: [approvers])
        try await setup.world.grant(.read, to: approvers, on: setup.handbook)
        let approvals = ApprovalService(database: setup.world.database)
        try await approvals.set(.init(mode: .required, approverRoleId: approvers.id), ofCategory: setup.handbook.id!, by: setup.world.principal)
        let draft = ArticleDraft(title: setup.page.title, slug: setup.page.slug, categoryId: setup.handbook.id!, body: "Ask HR.")
        let change = try await approvals.submit(draft, article: setup.page.id, baseRevision: 1, by: setup.anna)
        #expect(try await setup.stored(for: boss).filter { $0.kind == .approval }.map(\.event) == ["requested"])
        #expect(try await setup.stored(for: setup.ivan).filter { $0.kind == .approval }.isEmpty)
        try await approvals.approve(id: change.id!, by: boss)
        #expect(try await setup.stored(for: setup.anna).filter { $0.kind == .approval }.map(\.event) == ["approved"])

        _ = try await ApiTokenService(database: setup.world.database).create(name: "CI", readOnly: true, expiresInDays: 30, by: setup.ivan)
        #expect(try await setup.stored(for: setup.ivan).filter { $0.kind == .token }.map(\.excerpt) == ["CI"], "told even though he made it")

        let accounts = UserAdministration(database: setup.world.database, passwordCost: 4)
        try await accounts.update(id: setup.ivan.userId!, displayName: "Ivan", email: "ivan@lore.example", roleIds: [approvers.id!],
                                  by: setup.world.principal)
        #expect(try await setup.stored(for: setup.ivan).filter { $0.kind == .access }.map(\.event) == ["roles"])
    }

    @Test func forgottenPasswordsAreEMailedToExistingAddressesOnlyAndNotTooOften() async throws {
        let setup = try await NotificationSetup()
        let accounts = UserAdministration(database: setup.world.database, passwordCost: 4)
        try await accounts.requestReset(login: "nobody", address: "")
        try await accounts.requestReset(login: "ivan@lore.example", address: "")
        #expect(try await setup.mails(to: setup.ivan).map(\.kind) == [.passwordReset])
        #expect(try await setup.mails(to: setup.ivan)[0].payload.hasPrefix("/set-password/"))
        for _ in 0..<5 { try await accounts.requestReset(login: "ivan", address: "") }
        #expect(try await setup.mails(to: setup.ivan).count == UserAdministration.resetsPerHour)
    }

    @Test func aFailedHandOffWaitsLongerEachTimeAndGivesUp() async throws {
        let setup = try await NotificationSetup()
        _ = try await CommentService(database: setup.world.database).add("@ivan", on: .article(setup.page.id!), by: setup.anna)
        let queue = MailQueue(database: setup.world.database)
        var now = Date()
        let mail = try #require(try await queue.nextDue(now: now))
        try await queue.failed(mail.id!, error: "connection refused", now: now)
        #expect(try await queue.nextDue(now: now) == nil)
        #expect(try await queue.nextDue(now: now.addingTimeInterval(61))?.id == mail.id)
        for _ in 1..<OutgoingMail.maxAttempts {
            now = now.addingTimeInterval(1_000_000)
            try await queue.failed(mail.id!, error: "connection refused", now: now)
        }
        #expect(try await queue.nextDue(now: now.addingTimeInterval(10_000_000)) == nil, "given up")
        #expect(try await queue.overview(by: setup.world.principal).failed.map(\.id) == [mail.id])
    }

    @Test func unsubscribeLinksAreSignedAndMessagesAreWellFormed() async throws {
        let setup = try await NotificationSetup()
        let links = UnsubscribeLink(database: setup.world.database)
        let path = try await links.path(userId: setup.ivan.userId!, kind: .mention)
        let token = String(path.dropFirst("/unsubscribe/".count))
        #expect(try await links.verify(token)?.kind == .mention)
        #expect(try await links.verify(token.replacingOccurrences(of: "-mention-", with: "-comment-")) == nil)
        #expect(try await links.verify("\(setup.anna.userId!)-mention-" + token.split(separator: "-")[2]) == nil)

        let message = MailMessage(from: "Lore <lore@lore.example>", to: "ivan@lore.example", subject: "Lore: Марина упоминает вас\r\nBcc: x@y",
                                  text: "Привет", html: "<p>Привет</p>", messageId: "<1@lore>")
        let rendered = message.rendered()
        #expect(!rendered.contains("\nBcc:") && rendered.contains("Subject: =?UTF-8?B?"))
        #expect(rendered.contains("Content-Type: text/html; charset=utf-8") && rendered.contains(Data("Привет".utf8).base64EncodedString()))
    }
}
