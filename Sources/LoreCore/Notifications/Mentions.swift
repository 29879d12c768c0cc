import Foundation
import GRDB

/// `@username` in a comment or a page tells that person, if they may read it; the writer learns
/// who could not be told.
public enum Mentions {
    /// The usernames written as `@name`, not inside an e-mail address or a word.
    public static func usernames(in text: String) -> Set<String> {
        // Most texts name nobody: the regex, slow on a long page, runs only where there is an `@`.
        guard text.utf8.contains(UInt8(ascii: "@")) else { return [] }
        // The character before `@` is captured and checked, as Swift's regexes have no lookbehind.
        return Set(text.matches(of: /(^|[^\w@.\/])@([A-Za-z0-9][A-Za-z0-9._-]{0,39})/.anchorsMatchLineEndings()).map { match in
            String(match.2).trimmingCharacters(in: CharacterSet(charactersIn: ".-_")).lowercased()
        })
    }

    /// More mentions than this from one person within an hour are not told: a guard against
    /// someone paging the whole company.
    static let hourlyLimit = 30

    /// The active people `text` names that `before` did not, other than the writer.
    static func mentioned(in text: String, before: String = "", by actorId: Int64, _ db: Database) throws -> [User] {
        let names = usernames(in: text).subtracting(usernames(in: before))
        guard !names.isEmpty else { return [] }
        return try User.filter(names.contains(Column("username").lowercased)).filter(Column("isActive") == true)
            .filter(Column("id") != actorId).order(Column("displayName")).fetchAll(db)
    }

    /// Tells the people `text` newly names of `event`; returns who was told.
    static func tell(in text: String, before: String = "", event: NotificationEvent, notifier: Notifier, _ db: Database,
                     now: Date = Date()) throws -> Set<Int64> {
        guard let actorId = event.actorId else { return [] }
        let users = try mentioned(in: text, before: before, by: actorId, db)
        guard !users.isEmpty else { return [] }
        let told = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM notification WHERE kind = 'mention' AND actorId = ? AND createdAt > ?",
                                    arguments: [actorId, now.addingTimeInterval(-3600)]) ?? 0
        let allowed = Set(users.prefix(max(0, hourlyLimit - told)).compactMap(\.id))
        return try notifier.send(event, to: allowed, db, now: now).told
    }

    /// The usernames of people `text` newly names who may not see `subject`: they were not
    /// told, and the writer should know.
    static func unseeing(in text: String, before: String, subject: NotificationSubject, by actorId: Int64, _ db: Database) throws -> [String] {
        try mentioned(in: text, before: before, by: actorId, db).filter { user in
            guard let id = user.id, let principal = try PrincipalLoader.principal(userId: id, db) else { return false }
            return try subject.shown(to: AccessPolicy(principal), db) == nil
        }.map(\.username)
    }
}
