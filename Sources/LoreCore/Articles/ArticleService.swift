import Foundation
import GRDB

/// Creates and changes articles. Each use case is one write transaction that updates the
/// article row, inserts its revision, stores its links and refreshes the pages that link to it.
public struct ArticleService: Sendable {
    let database: AppDatabase
    let renderer = MarkdownRenderer()

    public init(database: AppDatabase) {
        self.database = database
    }

    /// `also` runs in the same transaction once the article is written (an approval recorded).
    /// In a category where changes wait for approval, a writer who does not approve there gets
    /// ``ApprovalRequired`` (send the change to ``ApprovalService`` instead) unless `approved`.
    public func create(_ draft: ArticleDraft, by principal: Principal, approved: Bool = false,
                       also: (@Sendable (Article, Database) throws -> Void)? = nil) async throws -> Article {
        let author = try principal.authorId()
        let folder = try await database.reader.read { db in try draft.files.flatMap { try DraftFolder.id(key: $0, of: author, db) } }
        let prerendered = try await prerender(draft.body, files: folder.map { (.draft, $0) })
        return try await database.writer.write { db in
            try self.create(draft, author: author, folder: folder, prerendered: prerendered, by: principal, approved: approved, also: also, db)
        }
    }

    /// ``create(_:by:approved:also:)`` inside a transaction of the caller's (an import's).
    func create(_ draft: ArticleDraft, author: Int64, folder: Int64? = nil, prerendered: Prerendered? = nil, by principal: Principal,
                approved: Bool = false, also: (@Sendable (Article, Database) throws -> Void)? = nil, _ db: Database) throws -> Article {
        let fields = try Self.validate(draft, policy: AccessPolicy(principal), db: db)
        if !approved, try ApprovalRule.holds(AccessPolicy(principal), in: draft.categoryId, db) { throw ApprovalRequired() }
        let slug = try Self.freeSlug(from: draft.slug.isEmpty ? fields.title : fields.slug, except: nil, db: db)
        let links = LinkIndex(db: db)
        let rendered = try prerendered?.usable(for: fields.body, now: database.changes.content)
            ?? renderer.render(fields.body, resolver: links.resolver(for: .draft, folder))
        let now = Date()
        var article = Article(
            id: nil, slug: slug, title: fields.title, titleKey: Slug.make(from: fields.title),
            categoryId: draft.categoryId, body: fields.body, html: rendered.html, outline: rendered.headings,
            position: draft.position ?? 0, revision: 1,
            createdById: author, createdAt: now, updatedById: author, updatedAt: now,
            deletedAt: nil, deletedById: nil)
        try article.insert(db)
        // Before the revision, which records the files its text shows.
        if let key = draft.files { try DraftFolder.adopt(key: key, by: author, into: article.id!, db) }
        try Self.insertRevision(of: article, summary: fields.summary, db: db)
        try links.replaceLinks(from: article.id!, with: rendered.links)
        try links.refreshArticles(linkingTo: links.keys(of: article), renderer: renderer)
        // A page that links to itself was just rendered again with the link resolved.
        let created = try Article.fetchOne(db, key: article.id) ?? article
        try SearchIndex.update(created, db)
        try Notifier(mail: database.mail).saved(created, before: nil, isMinor: false, db)
        try also?(created, db)
        return created
    }

    /// Saves a new version. `baseRevision` is the revision the editor started from: if someone
    /// saved since, the two edits are merged when they touch different lines; when they
    /// overlap, nothing is written and ``EditConflict`` carries both sides for the person to
    /// resolve. Saving text identical to the current version writes nothing.
    /// A merge shows in the result: its revision is more than one past `baseRevision`.
    public func save(id: Int64, _ draft: ArticleDraft, baseRevision: Int?, by principal: Principal, approved: Bool = false,
                     also: (@Sendable (Article, Database) throws -> Void)? = nil) async throws -> Article {
        let prerendered = try await prerender(draft.body, files: (.article, id))
        return try await database.writer.write { db in
            try self.save(id: id, draft, baseRevision: baseRevision, prerendered: prerendered, by: principal, approved: approved, also: also, db)
        }
    }

    /// ``save(id:_:baseRevision:by:approved:also:)`` inside a transaction of the caller's (an import's).
    func save(id: Int64, _ draft: ArticleDraft, baseRevision: Int?, prerendered: Prerendered? = nil, by principal: Principal,
              approved: Bool = false, also: (@Sendable (Article, Database) throws -> Void)? = nil, _ db: Database) throws -> Article {
        let policy = AccessPolicy(principal)
        guard var article = try Article.filter(Article.live).filter(key: id).fetchOne(db) else { throw NotFound() }
        // Moving needs edit on both categories: here on the old one, in validate on the new one.
        try policy.require(.edit, onArticle: article, db)
        if !approved, try ApprovalRule.holds(policy, in: article.categoryId, db) || ApprovalRule.holds(policy, in: draft.categoryId, db) {
            throw ApprovalRequired()
        }
        var draft = draft
        if let baseRevision, baseRevision != article.revision {
            draft = try Self.merged(draft, base: baseRevision, current: article, policy: policy, db: db)
        }
        if ConflictMarkers.contains(draft.body) { throw ValidationError(field: "body", .unresolvedConflict) }
        let fields = try Self.validate(draft, policy: policy, db: db)
        let slug = fields.slug.isEmpty || fields.slug == article.slug ? article.slug : try Self.freeSlug(from: fields.slug, except: id, db: db)

        if let position = draft.position, position != article.position {
            article.position = position
            try article.update(db, columns: ["position"])
        }
        let unchanged = fields.title == article.title && fields.body == article.body
            && draft.categoryId == article.categoryId && slug == article.slug
        if unchanged {
            try also?(article, db)
            return article
        }
        try HistoryExposure.settle(article, movingTo: draft.categoryId, choice: draft.historyOnMove, db)
        let saved = try Self.write(&article, fields, slug: slug, categoryId: draft.categoryId, isMinor: draft.isMinor,
                                   restoredFrom: nil, by: principal, renderer: renderer, notifier: Notifier(mail: database.mail),
                                   prerendered: prerendered?.usable(for: fields.body, now: database.changes.content), db: db)
        // Only the editor's deliberate choice asks readers again, and never a small fix.
        if draft.asksToConfirmAgain, !draft.isMinor { try AcknowledgementService.askAgain(articleId: id, revision: saved.revision, db) }
        try also?(saved, db)
        return saved
    }

    /// Brings back an old revision's title and text as a new revision ("restored from #n");
    /// the article stays in its category and at its address. The old revision is untouched.
    public func revert(id: Int64, to number: Int, by principal: Principal) async throws -> Article {
        try await database.writer.write { [database] db in
            guard var article = try Article.filter(Article.live).filter(key: id).fetchOne(db) else { throw NotFound() }
            let policy = AccessPolicy(principal)
            try policy.requireHistory(of: article, db)
            try policy.require(.edit, onArticle: article, db)
            guard let old = try Revision.readable(number, of: id, policy, db) else { throw NotFound() }
            if try ApprovalRule.holds(policy, in: article.categoryId, db) { throw ApprovalRequired() }
            // Its text is gone on purpose: bringing it back is undoing the redaction, for administrators.
            if old.isRedacted { throw AccessDenied() }
            if old.title == article.title, old.body == article.body { return article }
            let fields = ValidFields(title: old.title, slug: article.slug, body: old.body, summary: "")
            return try Self.write(&article, fields, slug: article.slug, categoryId: article.categoryId, isMinor: false,
                                  restoredFrom: number, by: principal, renderer: renderer, notifier: Notifier(mail: database.mail), db: db)
        }
    }

    /// Deletes a trashed article and its whole history for good. Administrators only; the
    /// audit log keeps what was purged and by whom.
    public func purge(id: Int64, by principal: Principal) async throws {
        guard principal.isAdministrator else { throw NotFound() }
        try await database.writer.write { db in
            guard let article = try Article.filter(key: id).filter(Column("deletedAt") != nil).fetchOne(db) else { throw NotFound() }
            let revisions = try Revision.filter(Column("articleId") == id).fetchCount(db)
            _ = try article.delete(db)
            // Its files go with it; their bytes are removed by ``AttachmentService/removeUnusedFiles()``.
            try db.execute(sql: "DELETE FROM attachment WHERE ownerKind = ? AND ownerId = ?", arguments: [Attachment.Owner.article.rawValue, id])
            try SearchIndex.remove(.article, id, db)
            try AuditLog.record(.articlePurged, by: principal,
                                subject: "\(article.title) (/a/\(article.slug), \(revisions) revisions)", db)
        }
    }

    /// Moves an article to the trash, from which ``restore(id:by:)`` brings it back with its history.
    public func delete(id: Int64, by principal: Principal) async throws {
        try await database.writer.write { db in
            guard var article = try Article.filter(Article.live).filter(key: id).fetchOne(db) else { throw NotFound() }
            let policy = AccessPolicy(principal)
            try policy.require(.edit, onArticle: article, db)
            // Where changes wait for approval, only those who approve may take a page away from its readers.
            if try ApprovalRule.holds(policy, in: article.categoryId, db) { throw AccessDenied() }
            article.deletedAt = Date()
            article.deletedById = try principal.authorId()
            try article.update(db, columns: ["deletedAt", "deletedById"])
            try SearchIndex.update(article, db)
            let links = LinkIndex(db: db)
            try links.refreshArticles(linkingTo: links.keys(of: article), renderer: renderer)
        }
    }

    public func restore(id: Int64, by principal: Principal) async throws -> Article {
        try await database.writer.write { db in
            guard var article = try Article.filter(key: id).filter(Column("deletedAt") != nil).fetchOne(db) else {
                throw NotFound()
            }
            try AccessPolicy(principal).require(.edit, onArticle: article, db)
            article.deletedAt = nil
            article.deletedById = nil
            let links = LinkIndex(db: db)
            // Pages it links to may have appeared or gone while it was in the trash.
            let rendered = try renderer.render(article.body, resolver: links.resolver(for: .article, article.id))
            article.html = rendered.html
            article.outline = rendered.headings
            try article.update(db)
            try links.refreshArticles(linkingTo: links.keys(of: article), renderer: renderer)
            try SearchIndex.update(article, db)
            return article
        }
    }

    /// Renders text as it would be saved, for the editor's preview and for old revisions.
    /// `article` (with `revision`, for an old one) gives `file:` names their attachments; the
    /// caller has checked that the principal may see them.
    /// `files` names a new page's ``DraftFolder`` instead.
    public func preview(_ markdown: String, article: Int64? = nil, revision: Int? = nil, files: String? = nil,
                        for principal: Principal) async throws -> RenderedMarkdown {
        if markdown.utf8.count > ArticleDraft.maxBodyBytes {
            throw ValidationError(field: "body", .tooLong(maxBytes: ArticleDraft.maxBodyBytes))
        }
        let policy = AccessPolicy(principal)
        return try await database.reader.read { db in
            // Resolved against what the writer may read, so a preview cannot reveal that a hidden title exists.
            var resolver = DatabaseLinkResolver(db: db, policy: policy)
            if let article, let stored = try Article.fetchOne(db, id: article), try policy.canRead(stored, db) {
                let revisionId = try revision.flatMap {
                    try Int64.fetchOne(db, sql: "SELECT id FROM revision WHERE articleId = ? AND number = ?", arguments: [article, $0])
                }
                resolver.files = try AttachmentLinks.paths(.article, article, revisionId: revisionId, db)
            } else if let files, let userId = principal.userId, let folder = try? DraftFolder.id(key: files, of: userId, db) {
                resolver.files = try AttachmentLinks.paths(.draft, folder, db)
            }
            var rendered = try renderer.render(markdown, resolver: resolver)
            rendered.html = try VisibleLinks.html(rendered.html, policy: policy, db)
            return rendered
        }
    }

    /// Renders the current text again, with its attachments, without a new revision: after
    /// files the text names were attached to the page (an import).
    func renderAgain(id: Int64) async throws {
        try await database.writer.write { [renderer] db in try Self.renderAgain(id: id, renderer: renderer, db) }
    }

    /// Also after the renderer learns new Markdown (a migration), for every article.
    static func renderAgain(id: Int64, renderer: MarkdownRenderer, _ db: Database) throws {
        guard var article = try Article.fetchOne(db, id: id) else { throw NotFound() }
        let rendered = try renderer.render(article.body, resolver: LinkIndex(db: db).resolver(for: .article, id))
        article.html = rendered.html
        article.outline = rendered.headings
        try article.update(db, columns: ["html", "outline"])
        if let revision = try Int64.fetchOne(db, sql: "SELECT id FROM revision WHERE articleId = ? AND number = ?", arguments: [id, article.revision]) {
            try AttachmentLinks.record(revisionId: revision, html: article.html, db)
        }
        try SearchIndex.update(article, db)
    }

    // MARK: Helpers

    /// Writes a changed article: its row, a new revision, its links, and the pages whose links
    /// to it appeared or went.
    private static func write(
        _ article: inout Article, _ fields: ValidFields, slug: String, categoryId: Int64, isMinor: Bool, restoredFrom: Int?,
        by principal: Principal, renderer: MarkdownRenderer, notifier: Notifier, prerendered: RenderedMarkdown? = nil, db: Database
    ) throws -> Article {
        guard let id = article.id else { throw NotFound() }
        let before = article
        let links = LinkIndex(db: db)
        let keysBefore = try links.keys(of: article)
        if slug != article.slug {
            // Only the page's own old address can be taken back; others stay reserved to theirs.
            try db.execute(sql: "DELETE FROM slugRedirect WHERE slug = ? AND articleId = ?", arguments: [slug, id])
            try db.execute(sql: "INSERT OR REPLACE INTO slugRedirect (slug, articleId) VALUES (?, ?)", arguments: [article.slug, id])
        }
        article.slug = slug
        article.title = fields.title
        article.titleKey = Slug.make(from: fields.title)
        article.categoryId = categoryId
        article.body = fields.body
        let rendered = try prerendered ?? renderer.render(fields.body, resolver: links.resolver(for: .article, id))
        article.html = rendered.html
        article.outline = rendered.headings
        article.revision += 1
        article.updatedById = try principal.authorId()
        article.updatedAt = Date()
        try article.update(db)
        try insertRevision(of: article, summary: fields.summary, isMinor: isMinor, restoredFrom: restoredFrom, db: db)
        try SearchIndex.update(article, db)
        try links.replaceLinks(from: id, with: rendered.links)
        let keysAfter = try links.keys(of: article)
        if keysAfter != keysBefore {
            try links.refreshArticles(linkingTo: keysBefore.union(keysAfter), renderer: renderer)
        }
        try notifier.saved(article, before: before, isMinor: isMinor, db)
        return article
    }

    /// Renders the text before the write transaction, so that rendering a long page holds up
    /// no other save or sign-in; the write uses it unless anything was committed in between
    /// (a page it links to renamed, say), when it renders again.
    /// `files`: whose attachments `file:` names.
    private func prerender(_ body: String, files: (Attachment.Owner, Int64)?) async throws -> Prerendered? {
        let body = ByteSearch.replacing(["\r\n": "\n"], in: body)
        guard body.utf8.count <= ArticleDraft.maxBodyBytes else { return nil }
        let generation = database.changes.content
        let rendered = try await database.reader.read { [renderer] db in
            let links = LinkIndex(db: db)
            return try renderer.render(body, resolver: try files.map { try links.resolver(for: $0.0, $0.1) } ?? links.resolver)
        }
        return Prerendered(generation: generation, body: body, rendered: rendered)
    }

    struct ValidFields {
        var title: String
        var slug: String
        var body: String
        var summary: String
    }

    private static func validate(_ draft: ArticleDraft, policy: AccessPolicy, db: Database) throws -> ValidFields {
        var validator = Validator()
        let title = validator.text("title", draft.title, maxBytes: ArticleDraft.maxTitleBytes)
        let summary = validator.text("summary", draft.summary, required: false, maxBytes: ArticleDraft.maxSummaryBytes)
        // The body keeps its leading spaces: they can be Markdown (an indented code block).
        let body = ByteSearch.replacing(["\r\n": "\n"], in: draft.body)
        if body.utf8.count > ArticleDraft.maxBodyBytes { validator.add("body", .tooLong(maxBytes: ArticleDraft.maxBodyBytes)) }
        if body.unicodeScalars.contains("\u{FFFD}") || body.unicodeScalars.contains("\u{0}") { validator.add("body", .invalidText) }
        let slug = draft.slug.trimmingCharacters(in: .whitespaces)
        if !slug.isEmpty, !Slug.isValid(slug) { validator.add("slug", .invalidSlug) }
        // A category the writer cannot see is reported like one that does not exist.
        if try Category.fetchOne(db, id: draft.categoryId) == nil || policy.level(inCategory: draft.categoryId, db) < .read {
            validator.add("category", .notFound)
        }
        try validator.check()
        try policy.require(.edit, inCategory: draft.categoryId, db)
        return ValidFields(title: title, slug: slug, body: body, summary: summary)
    }

    /// The address asked for (or made from the title) when nothing else holds it: no other page,
    /// live, trashed or hidden, and no page's old address; otherwise the first free `slug-2`,
    /// `slug-3` … An address in use is never refused, as a refusal would tell someone who may
    /// not read a page that it exists; and an old address stays its page's, so nobody can take
    /// over the links and bookmarks that lead to it.
    private static func freeSlug(from text: String, except id: Int64?, db: Database) throws -> String {
        try Slug.free(from: text, fallback: "article") { slug in
            let pages = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM article WHERE slug = ? AND id IS NOT ?", arguments: [slug, id]) ?? 0
            let redirects = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM slugRedirect WHERE slug = ? AND articleId IS NOT ?",
                                             arguments: [slug, id]) ?? 0
            return pages + redirects > 0
        }
    }

    private static func insertRevision(of article: Article, summary: String, isMinor: Bool = false, restoredFrom: Int? = nil,
                                       db: Database) throws {
        guard let articleId = article.id else { throw NotFound() }
        var revision = Revision(
            id: nil, articleId: articleId, number: article.revision, title: article.title,
            categoryId: article.categoryId, body: article.body, summary: summary,
            size: article.body.utf8.count, authorId: article.updatedById, createdAt: article.updatedAt,
            isMinor: isMinor, restoredFrom: restoredFrom)
        try revision.insert(db)
        if let revisionId = revision.id { try AttachmentLinks.record(revisionId: revisionId, html: article.html, db) }
    }
}
