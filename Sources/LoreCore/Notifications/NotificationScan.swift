import Foundation
import GRDB

/// Looks for what is due by the calendar rather than by anyone's action — next steps due or
/// overdue, birthdays, pages to confirm, pages to review — and tells each person once, as
/// their home page would show it (the same queries, so the same rights).
public struct NotificationScan: Sendable {
    let database: AppDatabase
    let reactivationDays: Int

    public init(database: AppDatabase, reactivationDays: Int = 60) {
        self.database = database
        self.reactivationDays = reactivationDays
    }

    /// Birthdays are told this many days ahead (and on the day).
    static let birthdayNoticeDays = 1

    /// Returns how many notifications it made.
    @discardableResult
    public func run(now: Date = Date()) async throws -> Int {
        let loader = PrincipalLoader(database: database)
        let reminders = ReminderQueries(database: database)
        let acknowledgements = AcknowledgementService(database: database)
        let stewardship = StewardshipService(database: database)
        let today = DayDate(now)
        var made = 0
        for userId in try await database.reader.read({ db in try Int64.fetchAll(db, sql: "SELECT id FROM user WHERE isActive") }) {
            guard let principal = try await loader.principal(userId: userId) else { continue }
            var events: [(NotificationEvent, lookup: Lookup)] = []
            let mine = try await reminders.reminders(for: principal, quietAfterDays: reactivationDays, now: now)
            for step in mine.steps where step.due <= today {
                let state = step.isOverdue ? "overdue" : "due"
                events.append((NotificationEvent(kind: .task, event: state, subject: nil, actorId: nil, excerpt: step.nextStep,
                                                 suffix: "#interaction-\(step.interactionId)",
                                                 dedupeKey: "task:\(step.interactionId):\(step.due.iso):\(state)"), .client(step.clientSlug)))
            }
            for birthday in mine.birthdays where birthday.inDays <= Self.birthdayNoticeDays {
                let year = Calendar(identifier: .gregorian).component(.year, from: now)
                events.append((NotificationEvent(kind: .birthday, event: birthday.inDays == 0 ? "today" : "tomorrow", subject: nil, actorId: nil,
                                                 excerpt: birthday.contactName,
                                                 dedupeKey: "birthday:\(birthday.clientSlug):\(birthday.contactName):\(year)"),
                               .client(birthday.clientSlug)))
            }
            for page in try await acknowledgements.pending(for: principal, now: now) {
                let state = page.isOverdue ? "overdue" : "required"
                events.append((NotificationEvent(kind: .acknowledgement, event: state, subject: nil, actorId: nil,
                                                 // Asked again after a significant change, the confirmed revision differs.
                                                 dedupeKey: "ack:\(page.slug):\(page.confirmedRevision ?? 0):\(state)"),
                               .article(page.slug)))
            }
            for page in try await stewardship.myOverdue(for: principal, now: now) {
                events.append((NotificationEvent(kind: .review, event: "due", subject: nil, actorId: nil, suffix: "#stewardship",
                                                 dedupeKey: "review:\(page.slug):\(page.nextReview.map { DayDate($0).iso } ?? "-")"),
                               .article(page.slug)))
            }
            guard !events.isEmpty else { continue }
            made += try await database.writer.write { [database, events] db in
                let notifier = Notifier(mail: database.mail)
                var told = 0
                for (event, lookup) in events {
                    var event = event
                    guard let subject = try lookup.subject(db) else { continue }
                    event.subject = subject
                    told += try notifier.send(event, to: [userId], db, now: now).told.count
                }
                return told
            }
        }
        return made
    }

    /// Reminders name things by address; notifications keep ids, which outlive a rename.
    enum Lookup {
        case client(String), article(String)

        func subject(_ db: Database) throws -> NotificationSubject? {
            switch self {
            case .client(let slug): try Int64.fetchOne(db, sql: "SELECT id FROM client WHERE slug = ?", arguments: [slug]).map(NotificationSubject.client)
            case .article(let slug): try Int64.fetchOne(db, sql: "SELECT id FROM article WHERE slug = ?", arguments: [slug]).map(NotificationSubject.article)
            }
        }
    }
}
