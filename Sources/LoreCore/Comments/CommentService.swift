import Foundation
import GRDB

/// Comments under articles and on client cards: who may see the page reads and writes them;
/// each person edits and deletes their own; the page's managers (for cards: those who delete
/// cards) delete any; its editors and a thread's author resolve the thread. Writing one tells
/// the people it mentions, the thread and the page's watchers.
public struct CommentService: Sendable {
    let database: AppDatabase
    let renderer = MarkdownRenderer()

    public init(database: AppDatabase) {
        self.database = database
    }

    /// A thread: its first comment and the replies, oldest first.
    public struct Thread: Sendable, Equatable {
        public let comment: Shown
        public let replies: [Shown]
    }

    public struct Shown: Sendable, Equatable {
        public let comment: Comment
        public let authorName: String
        public let canEdit: Bool
        public let canDelete: Bool
        public let canResolve: Bool
    }

    /// What the principal may do with a page's comments beyond their own.
    struct Rights {
        let deleteAny: Bool
        let resolveAny: Bool
    }

    /// One comment as the principal sees it, with its page's title and address.
    public func comment(id: Int64, for principal: Principal) async throws -> (shown: Shown, title: String, address: String) {
        let policy = AccessPolicy(principal)
        return try await database.reader.read { db in
            let (comment, rights) = try Self.readable(id, policy, db)
            guard let page = try Self.place(of: comment).shown(to: policy, db) else { throw NotFound() }
            let name = try User.displayNames([comment.authorId], db)[comment.authorId] ?? ""
            return (try Self.shown(comment, authorName: name, rights: rights, policy, db), page.title, page.path)
        }
    }

    static func shown(_ stored: Comment, authorName: String, rights: Rights, _ policy: AccessPolicy, _ db: Database) throws -> Shown {
        var comment = stored
        // As on the page itself: a link to a page the reader may not see looks like one to a missing page.
        comment.html = try VisibleLinks.html(comment.html, policy: policy, db)
        let own = policy.principal.userId == comment.authorId && comment.deletedAt == nil
        return Shown(comment: comment, authorName: authorName, canEdit: own, canDelete: comment.deletedAt == nil && (own || rights.deleteAny),
                     canResolve: comment.parentId == nil && (own || rights.resolveAny))
    }

    /// A new comment, or a reply to a thread's first comment; the usernames of people it
    /// mentions who may not see the page, so were not told.
    @discardableResult
    public func add(_ body: String, on page: NotificationSubject, replyingTo parentId: Int64? = nil, by principal: Principal) async throws
        -> (comment: Comment, unseeing: [String]) {
        let author = try principal.authorId()
        let text = try Self.valid(body)
        let policy = AccessPolicy(principal)
        let rendered = try await render(text)
        return try await database.writer.write { [database] db in
            _ = try Self.rights(on: page, policy, db)
            if let parentId {
                guard let parent = try Comment.fetchOne(db, id: parentId), Self.place(of: parent) == page, parent.parentId == nil else {
                    throw NotFound()
                }
            }
            var comment = Comment(id: nil, articleId: nil, clientId: nil, parentId: parentId, authorId: author, body: text, html: rendered,
                                  createdAt: Date(), editedAt: nil, deletedAt: nil, resolvedAt: nil, resolvedById: nil)
            if case .client = page { comment.clientId = page.id } else { comment.articleId = page.id }
            try comment.insert(db)
            let watchers: Set<Int64>
            if case .article = page, let article = try Article.fetchOne(db, id: page.id) {
                watchers = try Watch.watchers(ofArticle: article, db)
            } else {
                watchers = try Watch.watchers(of: page, db)
            }
            try Notifier(mail: database.mail).commented(comment, on: page, watchers: watchers, db)
            return (comment, try Mentions.unseeing(in: text, before: "", subject: page, by: author, db))
        }
    }

    public func edit(id: Int64, body: String, by principal: Principal) async throws {
        let text = try Self.valid(body)
        let rendered = try await render(text)
        try await database.writer.write { db in
            var comment = try Self.readable(id, AccessPolicy(principal), db).comment
            guard comment.authorId == principal.userId, comment.deletedAt == nil else { throw AccessDenied() }
            comment.body = text
            comment.html = rendered
            comment.editedAt = Date()
            try comment.update(db)
        }
    }

    /// Leaves "deleted" in the thread; the text is gone.
    public func delete(id: Int64, by principal: Principal) async throws {
        try await database.writer.write { db in
            let (comment, rights) = try Self.readable(id, AccessPolicy(principal), db)
            guard comment.authorId == principal.userId || rights.deleteAny else { throw AccessDenied() }
            try db.execute(sql: "UPDATE comment SET deletedAt = ?, body = '', html = '' WHERE id = ?", arguments: [Date(), id])
        }
    }

    /// Closes a thread (or opens it again).
    public func resolve(id: Int64, _ resolved: Bool, by principal: Principal) async throws {
        try await database.writer.write { db in
            let (comment, rights) = try Self.readable(id, AccessPolicy(principal), db)
            guard comment.parentId == nil, comment.authorId == principal.userId || rights.resolveAny else { throw AccessDenied() }
            try db.execute(sql: "UPDATE comment SET resolvedAt = ?, resolvedById = ? WHERE id = ?",
                           arguments: [resolved ? Date() : nil, resolved ? principal.userId : nil, id])
        }
    }

    /// The comment with the principal's rights on its page; ``NotFound`` unless they may see the page.
    private static func readable(_ id: Int64, _ policy: AccessPolicy, _ db: Database) throws -> (comment: Comment, rights: Rights) {
        guard let comment = try Comment.fetchOne(db, id: id) else { throw NotFound() }
        return (comment, try rights(on: place(of: comment), policy, db))
    }

    /// ``NotFound`` unless the principal may see the page.
    static func rights(on page: NotificationSubject, _ policy: AccessPolicy, _ db: Database) throws -> Rights {
        guard try page.shown(to: policy, db) != nil else { throw NotFound() }
        switch page {
        case .client:
            return Rights(deleteAny: policy.principal.has(.clientsDelete), resolveAny: policy.principal.has(.clientsEdit))
        case .article:
            guard let article = try Article.fetchOne(db, id: page.id) else { throw NotFound() }
            let level = try policy.level(inCategory: article.categoryId, db)
            return Rights(deleteAny: level >= .manage, resolveAny: level >= .edit)
        case .category, .approval:
            throw NotFound()
        }
    }

    private static func place(of comment: Comment) -> NotificationSubject {
        comment.clientId.map(NotificationSubject.client) ?? .article(comment.articleId ?? 0)
    }

    static func column(_ page: NotificationSubject) -> String {
        if case .client = page { "clientId" } else { "articleId" }
    }

    private static func valid(_ body: String) throws -> String {
        var validator = Validator()
        let text = validator.text("comment", body.replacingOccurrences(of: "\r\n", with: "\n"), maxBytes: Comment.maxBodyBytes)
        try validator.check()
        return text
    }

    /// Links resolve against the live pages, as on the article itself; no files.
    private func render(_ text: String) async throws -> String {
        try await database.reader.read { [renderer] db in try renderer.render(text, resolver: LinkIndex(db: db).resolver).html }
    }
}
