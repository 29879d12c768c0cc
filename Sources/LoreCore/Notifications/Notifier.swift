import Foundation
import GRDB

/// Tells people of an event inside the event's own transaction: only those who may see its
/// subject, as each has chosen (in Lore, by e-mail at once or in the digest, or not at all).
public struct Notifier: Sendable {
    let mail: MailSwitch

    public init(mail: MailSwitch) {
        self.mail = mail
    }

    /// Changes to one page within this long are one notification ("3 changes").
    static let groupingWindow: TimeInterval = 3600

    struct Outcome {
        var told: Set<Int64> = []
        /// Not told because they may not see the subject.
        var hidden: Set<Int64> = []
    }

    /// Tells `recipients` (not the actor, unless the event says so).
    @discardableResult
    func send(_ event: NotificationEvent, to recipients: Set<Int64>, _ db: Database, now: Date = Date()) throws -> Outcome {
        var outcome = Outcome()
        for userId in recipients.sorted() where userId != event.actorId || event.tellsActor {
            guard let principal = try PrincipalLoader.principal(userId: userId, db) else { continue }
            if let subject = event.subject, try subject.shown(to: AccessPolicy(principal), db) == nil {
                outcome.hidden.insert(userId)
                continue
            }
            let choice = try NotificationSetting.choice(of: userId, for: event.kind, db)
            if choice.delivery == .off { continue }
            if event.kind == .change, try grouped(event, userId, db, now: now) {
                outcome.told.insert(userId)
                continue
            }
            if let key = event.dedupeKey, try NotificationEntry.filter(Column("userId") == userId && Column("dedupeKey") == key).fetchCount(db) > 0 {
                continue
            }
            let digest = choice.delivery == .email && choice.digest && mail.isOn
            var entry = NotificationEntry(
                id: nil, userId: userId, kind: event.kind, event: event.event, subjectKind: event.subject?.kind, subjectId: event.subject?.id,
                actorId: event.actorId, excerpt: event.excerpt, suffix: event.suffix, count: 1, dedupeKey: event.dedupeKey, createdAt: now,
                updatedAt: now, readAt: nil, digestPending: digest)
            try entry.insert(db)
            outcome.told.insert(userId)
            if choice.delivery == .email, !choice.digest, mail.isOn { try MailQueue.queue(entry, db, now: now) }
        }
        return outcome
    }

    /// Folds a change into the unread one about the same page from the last hour: its diff
    /// then runs from before the first change to after the last.
    private func grouped(_ event: NotificationEvent, _ userId: Int64, _ db: Database, now: Date) throws -> Bool {
        guard let subject = event.subject,
              var open = try NotificationEntry.filter(
                  Column("userId") == userId && Column("kind") == event.kind.rawValue && Column("subjectKind") == subject.kind
                      && Column("subjectId") == subject.id && Column("readAt") == nil && Column("createdAt") > now.addingTimeInterval(-Self.groupingWindow)
              ).order(Column("id").desc).fetchOne(db)
        else { return false }
        open.count += 1
        open.updatedAt = now
        open.actorId = event.actorId
        open.suffix = Self.widened(open.suffix, to: event.suffix)
        try open.update(db)
        return true
    }

    /// `/diff?from=3&to=4` and `/diff?from=4&to=5` make `/diff?from=3&to=5`.
    static func widened(_ first: String, to latest: String) -> String {
        guard let from = first.firstMatch(of: /from=(\d+)/)?.1, let range = latest.firstMatch(of: /from=\d+/)?.range else { return latest }
        return latest.replacingCharacters(in: range, with: "from=\(from)")
    }
}
