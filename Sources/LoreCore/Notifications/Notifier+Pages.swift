import Foundation
import GRDB

/// What writing on pages and cards tells people.
extension Notifier {
    /// A page was created or changed: its watchers hear of it (not of small fixes), people it
    /// newly mentions are told, and the writer follows it from now on.
    func saved(_ article: Article, before: Article?, isMinor: Bool, _ db: Database) throws {
        guard let id = article.id else { return }
        let subject = NotificationSubject.article(id)
        let author = article.updatedById
        try Watch.automatically(author, subject, db)
        let mentioned = try Mentions.tell(in: article.body, before: before?.body ?? "",
                                          event: NotificationEvent(kind: .mention, event: "page", subject: subject, actorId: author), notifier: self, db)
        guard !isMinor else { return }
        let event = before.map { old in
            NotificationEvent(kind: .change, event: "changed", subject: subject, actorId: author,
                              suffix: "/diff?from=\(old.revision)&to=\(article.revision)")
        } ?? NotificationEvent(kind: .change, event: "created", subject: subject, actorId: author)
        try send(event, to: try Watch.watchers(ofArticle: article, db).subtracting(mentioned), db)
    }

    /// A client card was made or changed (its fields, people, contacts or next steps): its
    /// watchers hear of it, grouped by the hour; the writer and the card's manager follow it.
    func cardChanged(_ client: Client, by author: Int64, _ db: Database) throws {
        guard let id = client.id else { return }
        let subject = NotificationSubject.client(id)
        try Watch.automatically(author, subject, db)
        if let manager = client.managerId { try Watch.automatically(manager, subject, db) }
        try send(NotificationEvent(kind: .change, event: "card", subject: subject, actorId: author, suffix: "#history"),
                 to: try Watch.watchers(of: subject, db), db)
    }

    /// A comment was written: people it mentions, the thread's people (for a reply) and the
    /// page's watchers hear of it, each once; the writer follows the page from now on.
    func commented(_ comment: Comment, on subject: NotificationSubject, watchers: Set<Int64>, _ db: Database) throws {
        guard let id = comment.id else { return }
        try Watch.automatically(comment.authorId, subject, db)
        // What the writer typed, not the rendered text: a link's title is filled in from pages the reader may not see.
        let excerpt = comment.body.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        func event(_ kind: NotificationKind, _ what: String) -> NotificationEvent {
            NotificationEvent(kind: kind, event: what, subject: subject, actorId: comment.authorId, excerpt: excerpt, suffix: "#comment-\(id)")
        }
        var told = try Mentions.tell(in: comment.body, event: event(.mention, "comment"), notifier: self, db)
        if let parentId = comment.parentId {
            let thread = Set(try Int64.fetchAll(db, sql: "SELECT authorId FROM comment WHERE (id = ?1 OR parentId = ?1) AND deletedAt IS NULL",
                                                arguments: [parentId])).subtracting(told)
            try send(event(.comment, "replied"), to: thread, db)
            told.formUnion(thread)
        }
        try send(event(.comment, "commented"), to: watchers.subtracting(told), db)
    }
}
