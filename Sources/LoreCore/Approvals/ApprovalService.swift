import Foundation
import GRDB

/// Approval before publishing: in a category that requires it, a change by someone who does not
/// approve there waits as a ``PendingChange`` — seen only by its author and the approvers —
/// until an approver publishes it (as the author's revision, the approval recorded beside it)
/// or returns it with a comment for the author to change and send again.
public struct ApprovalService: Sendable {
    let database: AppDatabase
    let articles: ArticleService

    public init(database: AppDatabase) {
        self.database = database
        articles = ArticleService(database: database)
    }

    public static let maxCommentBytes = 2000

    /// Whether a change by the principal in any of these categories must wait for approval.
    public func holds(_ principal: Principal, in categoryIds: [Int64]) async throws -> Bool {
        let policy = AccessPolicy(principal)
        return try await database.reader.read { db in try categoryIds.contains { try ApprovalRule.holds(policy, in: $0, db) } }
    }

    /// Keeps the author's change for approval instead of saving it: `article` is nil for a new
    /// page. Sending again replaces their earlier change to the same page.
    @discardableResult
    public func submit(_ draft: ArticleDraft, article articleId: Int64?, baseRevision: Int?, by principal: Principal) async throws
        -> PendingChange {
        let author = try principal.authorId()
        let policy = AccessPolicy(principal)
        return try await database.writer.write { [database] db in
            if let articleId {
                guard let article = try Article.filter(key: articleId).filter(Article.live).fetchOne(db) else { throw NotFound() }
                try policy.require(.edit, onArticle: article, db)
            }
            try policy.require(.edit, inCategory: draft.categoryId, db)
            var validator = Validator()
            let title = validator.text("title", draft.title, maxBytes: ArticleDraft.maxTitleBytes)
            let body = validator.text("body", draft.body.replacingOccurrences(of: "\r\n", with: "\n"), required: false,
                                      maxBytes: ArticleDraft.maxBodyBytes)
            let summary = validator.text("summary", draft.summary, required: false, maxBytes: ArticleDraft.maxSummaryBytes)
            try validator.check()
            let now = Date()
            var change = try articleId.flatMap {
                try PendingChange.filter(Column("articleId") == $0 && Column("authorId") == author).fetchOne(db)
            } ?? PendingChange(id: nil, articleId: articleId, categoryId: draft.categoryId, authorId: author, baseRevision: baseRevision,
                               title: title, slug: draft.slug, body: body, summary: summary, files: nil, state: .pending, comment: "",
                               createdAt: now, updatedAt: now)
            if articleId == nil, let files = draft.files { change.files = files }
            change.categoryId = draft.categoryId
            change.baseRevision = baseRevision
            change.title = title
            change.slug = draft.slug
            change.body = body
            change.summary = summary
            change.state = .pending
            change.updatedAt = now
            try change.save(db)
            if let id = change.id {
                try Notifier(mail: database.mail).send(
                    NotificationEvent(kind: .approval, event: "requested", subject: .approval(id), actorId: author, excerpt: summary),
                    to: try Self.approvers(of: id, db), db)
            }
            return change
        }
    }

    /// A change with what it changes, for its author and its approvers.
    public struct Shown: Sendable {
        public let change: PendingChange
        public let authorName: String
        /// The published page it changes (nil for a new page).
        public let article: Article?
        public let canApprove: Bool
        public let isAuthor: Bool
    }

    public func change(id: Int64, for principal: Principal) async throws -> Shown {
        let policy = AccessPolicy(principal)
        return try await database.reader.read { db in try Self.shown(id: id, policy, db) }
    }

    /// The changes the principal may see: waiting for their approval, and their own.
    public func changes(for principal: Principal) async throws -> (toApprove: [Shown], mine: [Shown]) {
        let policy = AccessPolicy(principal)
        return try await database.reader.read { db in
            var toApprove: [Shown] = [], mine: [Shown] = []
            for id in try Int64.fetchAll(db, sql: "SELECT id FROM pendingChange ORDER BY updatedAt") {
                guard let shown = try? Self.shown(id: id, policy, db) else { continue }
                if shown.isAuthor { mine.append(shown) } else if shown.canApprove, shown.change.state == .pending { toApprove.append(shown) }
            }
            return (toApprove, mine)
        }
    }

    /// The principal's own change to an article, if any.
    public func mine(article articleId: Int64, for principal: Principal) async throws -> PendingChange? {
        guard let userId = principal.userId else { return nil }
        return try await database.reader.read { db in
            try PendingChange.filter(Column("articleId") == articleId && Column("authorId") == userId).fetchOne(db)
        }
    }

    /// Publishes the change as its author's revision (merged with what was saved since, as any
    /// save is), recording who approved it, in one transaction; the change is gone after.
    @discardableResult
    public func approve(id: Int64, by principal: Principal) async throws -> Article {
        let approverId = try principal.authorId()
        let policy = AccessPolicy(principal)
        let shown = try await database.reader.read { db in try Self.shown(id: id, policy, db) }
        guard shown.canApprove else { throw AccessDenied() }
        let change = shown.change
        guard let author = try await PrincipalLoader(database: database).principal(userId: change.authorId) else {
            throw ValidationError(field: "author", .notFound)
        }
        let draft = ArticleDraft(title: change.title, slug: change.slug, categoryId: change.categoryId, body: change.body, summary: change.summary,
                                 files: change.files)
        let notifier = Notifier(mail: database.mail)
        let record: @Sendable (Article, Database) throws -> Void = { article, db in
            try notifier.send(NotificationEvent(kind: .approval, event: "approved", subject: .article(article.id ?? 0), actorId: approverId),
                              to: [change.authorId], db)
            try db.execute(sql: "INSERT OR REPLACE INTO revisionApproval (articleId, revision, approverId, at) VALUES (?, ?, ?, ?)",
                           arguments: [article.id, article.revision, approverId, Date()])
            try db.execute(sql: "DELETE FROM pendingChange WHERE id = ?", arguments: [id])
        }
        if let articleId = change.articleId {
            return try await articles.save(id: articleId, draft, baseRevision: change.baseRevision, by: author, approved: true, also: record)
        }
        return try await articles.create(draft, by: author, approved: true, also: record)
    }

    /// Sends the change back to its author with a comment saying what to change.
    public func returnToAuthor(id: Int64, comment: String, by principal: Principal) async throws {
        var validator = Validator()
        let comment = validator.text("comment", comment, maxBytes: Self.maxCommentBytes)
        try validator.check()
        let policy = AccessPolicy(principal)
        try await database.writer.write { [database] db in
            let shown = try Self.shown(id: id, policy, db)
            guard shown.canApprove, !shown.isAuthor || policy.principal.isAdministrator else { throw AccessDenied() }
            try db.execute(sql: "UPDATE pendingChange SET state = ?, comment = ?, updatedAt = ? WHERE id = ?",
                           arguments: [PendingChange.State.returned.rawValue, comment, Date(), id])
            try Notifier(mail: database.mail).send(
                NotificationEvent(kind: .approval, event: "returned", subject: .approval(id), actorId: principal.userId, excerpt: comment),
                to: [shown.change.authorId], db)
        }
    }

    /// The author takes their change back.
    public func withdraw(id: Int64, by principal: Principal) async throws {
        let policy = AccessPolicy(principal)
        try await database.writer.write { db in
            guard try Self.shown(id: id, policy, db).isAuthor else { throw AccessDenied() }
            try db.execute(sql: "DELETE FROM pendingChange WHERE id = ?", arguments: [id])
        }
    }

    // MARK: The rule

    public struct Setting: Sendable, Equatable {
        public enum Mode: String, Sendable, CaseIterable {
            /// As the category above says.
            case inherit
            case required
            case notRequired = "not-required"
        }

        public var mode: Mode
        public var approverRoleId: Int64?

        public init(mode: Mode, approverRoleId: Int64? = nil) {
            self.mode = mode
            self.approverRoleId = approverRoleId
        }
    }

    /// The category's own setting and the rule that applies there now.
    public func setting(ofCategory id: Int64, for principal: Principal) async throws -> (own: Setting, applying: ApprovalRule?) {
        let policy = AccessPolicy(principal)
        return try await database.reader.read { db in
            try policy.require(.manage, inCategory: id, db)
            let row = try Row.fetchOne(db, sql: "SELECT required, approverRoleId FROM approvalRule WHERE categoryId = ?", arguments: [id])
            let own = row.map { Setting(mode: ($0["required"] as Bool) ? .required : .notRequired, approverRoleId: $0["approverRoleId"]) }
                ?? Setting(mode: .inherit)
            return (own, try ApprovalRule.applying(in: id, db))
        }
    }

    public func set(_ setting: Setting, ofCategory id: Int64, by principal: Principal) async throws {
        let policy = AccessPolicy(principal)
        try await database.writer.write { db in
            try policy.require(.manage, inCategory: id, db)
            if let role = setting.approverRoleId, try Role.fetchOne(db, id: role) == nil { throw ValidationError(field: "approvers", .notFound) }
            switch setting.mode {
            case .inherit:
                try db.execute(sql: "DELETE FROM approvalRule WHERE categoryId = ?", arguments: [id])
            case .required, .notRequired:
                try db.execute(sql: "INSERT OR REPLACE INTO approvalRule (categoryId, required, approverRoleId) VALUES (?, ?, ?)",
                               arguments: [id, setting.mode == .required, setting.mode == .required ? setting.approverRoleId : nil])
            }
        }
    }

    // MARK: Helpers

    /// Everyone who may approve the change: told when it arrives.
    private static func approvers(of id: Int64, _ db: Database) throws -> Set<Int64> {
        Set(try Int64.fetchAll(db, sql: "SELECT id FROM user WHERE isActive").filter { userId in
            guard let principal = try PrincipalLoader.principal(userId: userId, db) else { return false }
            return (try? shown(id: id, AccessPolicy(principal), db))?.canApprove == true
        })
    }

    /// The change, for its author or someone who approves in its category (and may read the
    /// page it changes); ``NotFound`` for everyone else.
    static func shown(id: Int64, _ policy: AccessPolicy, _ db: Database) throws -> Shown {
        guard let change = try PendingChange.fetchOne(db, id: id) else { throw NotFound() }
        let article = try change.articleId.flatMap { try Article.filter(key: $0).filter(Article.live).fetchOne(db) }
        if change.articleId != nil, article == nil { throw NotFound() }
        let isAuthor = policy.principal.userId == change.authorId
        var canApprove = false
        if let rule = try ApprovalRule.applying(in: change.categoryId, db), try rule.approves(policy, in: change.categoryId, db) {
            canApprove = try article.map { try policy.canRead($0, db) } ?? true
        }
        guard isAuthor || canApprove else { throw NotFound() }
        let name = try String.fetchOne(db, sql: "SELECT displayName FROM user WHERE id = ?", arguments: [change.authorId]) ?? ""
        return Shown(change: change, authorName: name, article: article, canApprove: canApprove, isAuthor: isAuthor)
    }
}
