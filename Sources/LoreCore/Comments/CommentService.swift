import Foundation
import GRDB

/// Comments under articles: who may read the article reads and writes them; each person edits
/// and deletes their own; the page's managers delete any; its editors and a thread's author
/// resolve the thread.
public struct CommentService: Sendable {
    let database: AppDatabase
    let renderer = MarkdownRenderer()
    /// Who has commented on each page, read on every view of it: see ``commenters(ofArticle:)``.
    private let known = ChangeKeyedCache<String, Set<Int64>>()

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

    /// The page's threads, for a reader of it; what each may do with them.
    public func threads(ofArticle articleId: Int64, for principal: Principal) async throws -> [Thread] {
        let policy = AccessPolicy(principal)
        return try await database.reader.read { db in
            guard let article = try Article.filter(key: articleId).filter(Article.live).fetchOne(db), try policy.canRead(article, db) else {
                throw NotFound()
            }
            let level = try policy.level(inCategory: article.categoryId, db)
            let comments = try Comment.filter(Column("articleId") == articleId).order(Column("id")).fetchAll(db)
            let names = try User.displayNames(Set(comments.map(\.authorId)), db)
            func shown(_ stored: Comment) throws -> Shown {
                var comment = stored
                // As on the page itself: a link to a page the reader may not see looks like one to a missing page.
                comment.html = try VisibleLinks.html(comment.html, policy: policy, db)
                let own = principal.userId == comment.authorId && comment.deletedAt == nil
                return Shown(comment: comment, authorName: names[comment.authorId] ?? "", canEdit: own,
                             canDelete: comment.deletedAt == nil && (own || level >= .manage),
                             canResolve: comment.parentId == nil && (own || level >= .edit))
            }
            return try comments.filter { $0.parentId == nil }.map { top in
                Thread(comment: try shown(top), replies: try comments.filter { $0.parentId == top.id }.map(shown))
            }
        }
    }

    /// Who has written on the page, cached until anything changes: their own view of it (with
    /// their comments' controls) is not shared with other readers.
    public func commenters(ofArticle slug: String) async throws -> Set<Int64> {
        let generation = database.changes.content
        if let cached = known.value(for: slug, generation: generation) { return cached }
        let found = Set(try await database.reader.read { db in
            try Int64.fetchAll(db, sql: """
                SELECT DISTINCT c.authorId FROM comment c JOIN article a ON a.id = c.articleId WHERE a.slug = ? AND c.deletedAt IS NULL
                """, arguments: [slug])
        })
        known.store(found, for: slug, generation: generation)
        return found
    }

    /// A new comment, or a reply to a thread's first comment.
    @discardableResult
    public func add(_ body: String, toArticle articleId: Int64, replyingTo parentId: Int64? = nil, by principal: Principal) async throws
        -> Comment {
        let author = try principal.authorId()
        let text = try Self.valid(body)
        let policy = AccessPolicy(principal)
        let rendered = try await render(text)
        return try await database.writer.write { db in
            guard let article = try Article.filter(key: articleId).filter(Article.live).fetchOne(db), try policy.canRead(article, db) else {
                throw NotFound()
            }
            if let parentId {
                guard let parent = try Comment.fetchOne(db, id: parentId), parent.articleId == articleId, parent.parentId == nil else {
                    throw NotFound()
                }
            }
            var comment = Comment(id: nil, articleId: articleId, parentId: parentId, authorId: author, body: text, html: rendered,
                                  createdAt: Date(), editedAt: nil, deletedAt: nil, resolvedAt: nil, resolvedById: nil)
            try comment.insert(db)
            return comment
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
            let (comment, level) = try Self.readable(id, AccessPolicy(principal), db)
            guard comment.authorId == principal.userId || level >= .manage else { throw AccessDenied() }
            try db.execute(sql: "UPDATE comment SET deletedAt = ?, body = '', html = '' WHERE id = ?", arguments: [Date(), id])
        }
    }

    /// Closes a thread (or opens it again).
    public func resolve(id: Int64, _ resolved: Bool, by principal: Principal) async throws {
        try await database.writer.write { db in
            let (comment, level) = try Self.readable(id, AccessPolicy(principal), db)
            guard comment.parentId == nil, comment.authorId == principal.userId || level >= .edit else { throw AccessDenied() }
            try db.execute(sql: "UPDATE comment SET resolvedAt = ?, resolvedById = ? WHERE id = ?",
                           arguments: [resolved ? Date() : nil, resolved ? principal.userId : nil, id])
        }
    }

    /// The address of the comment's page, for a reader of it.
    public func articleSlug(ofComment id: Int64, for principal: Principal) async throws -> String {
        let policy = AccessPolicy(principal)
        return try await database.reader.read { db in
            let comment = try Self.readable(id, policy, db).comment
            return try String.fetchOne(db, sql: "SELECT slug FROM article WHERE id = ?", arguments: [comment.articleId]) ?? ""
        }
    }

    /// The comment and the principal's level on its page; ``NotFound`` unless they may read the page.
    private static func readable(_ id: Int64, _ policy: AccessPolicy, _ db: Database) throws -> (comment: Comment, level: AccessLevel) {
        guard let comment = try Comment.fetchOne(db, id: id),
              let article = try Article.filter(key: comment.articleId).filter(Article.live).fetchOne(db), try policy.canRead(article, db)
        else { throw NotFound() }
        return (comment, try policy.level(inCategory: article.categoryId, db))
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
