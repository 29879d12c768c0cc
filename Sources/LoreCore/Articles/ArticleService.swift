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

    public func create(_ draft: ArticleDraft, by principal: Principal) async throws -> Article {
        try await database.writer.write { db in
            let author = try principal.authorId()
            let fields = try Self.validate(draft, policy: AccessPolicy(principal), db: db)
            let slug = draft.slug.isEmpty ? try Self.freeSlug(from: fields.title, db: db) : fields.slug
            try Self.ensureSlugIsFree(slug, except: nil, db: db)
            let links = LinkIndex(db: db)
            let rendered = try renderer.render(fields.body, resolver: links.resolver)
            let now = Date()
            var article = Article(
                id: nil, slug: slug, title: fields.title, titleKey: Slug.make(from: fields.title),
                categoryId: draft.categoryId, body: fields.body, html: rendered.html, outline: rendered.headings,
                position: draft.position ?? 0, revision: 1,
                createdById: author, createdAt: now, updatedById: author, updatedAt: now,
                deletedAt: nil, deletedById: nil)
            try article.insert(db)
            try db.execute(sql: "DELETE FROM slugRedirect WHERE slug = ?", arguments: [slug])
            try Self.insertRevision(of: article, summary: fields.summary, db: db)
            try links.replaceLinks(from: article.id!, with: rendered.links)
            try links.refreshArticles(linkingTo: links.keys(of: article), renderer: renderer)
            // A page that links to itself was just rendered again with the link resolved.
            return try Article.fetchOne(db, key: article.id) ?? article
        }
    }

    /// Saves a new version. `baseRevision` is the revision the editor started from: if someone
    /// saved since, nothing is written and ``EditConflict`` says what is current now.
    /// Saving text identical to the current version writes nothing.
    public func save(id: Int64, _ draft: ArticleDraft, baseRevision: Int?, by principal: Principal) async throws -> Article {
        try await database.writer.write { db in
            let policy = AccessPolicy(principal)
            guard var article = try Article.filter(Article.live).filter(key: id).fetchOne(db) else { throw NotFound() }
            // Moving needs edit on both categories: here on the old one, in validate on the new one.
            try policy.require(.edit, onArticle: article, db)
            if let baseRevision, baseRevision != article.revision { throw EditConflict(current: article) }
            let fields = try Self.validate(draft, policy: policy, db: db)
            let slug = draft.slug.isEmpty ? article.slug : fields.slug
            try Self.ensureSlugIsFree(slug, except: id, db: db)

            if let position = draft.position, position != article.position {
                article.position = position
                try article.update(db, columns: ["position"])
            }
            let unchanged = fields.title == article.title && fields.body == article.body
                && draft.categoryId == article.categoryId && slug == article.slug
            if unchanged { return article }

            let links = LinkIndex(db: db)
            let keysBefore = try links.keys(of: article)
            if slug != article.slug {
                try db.execute(sql: "DELETE FROM slugRedirect WHERE slug = ?", arguments: [slug])
                try db.execute(
                    sql: "INSERT OR REPLACE INTO slugRedirect (slug, articleId) VALUES (?, ?)",
                    arguments: [article.slug, id])
            }
            article.slug = slug
            article.title = fields.title
            article.titleKey = Slug.make(from: fields.title)
            article.categoryId = draft.categoryId
            article.body = fields.body
            let rendered = try renderer.render(fields.body, resolver: links.resolver)
            article.html = rendered.html
            article.outline = rendered.headings
            article.revision += 1
            article.updatedById = try principal.authorId()
            article.updatedAt = Date()
            try article.update(db)
            try Self.insertRevision(of: article, summary: fields.summary, db: db)
            try links.replaceLinks(from: id, with: rendered.links)
            let keysAfter = try links.keys(of: article)
            if keysAfter != keysBefore {
                try links.refreshArticles(linkingTo: keysBefore.union(keysAfter), renderer: renderer)
            }
            return article
        }
    }

    /// Moves an article to the trash, from which ``restore(id:by:)`` brings it back with its history.
    public func delete(id: Int64, by principal: Principal) async throws {
        try await database.writer.write { db in
            guard var article = try Article.filter(Article.live).filter(key: id).fetchOne(db) else { throw NotFound() }
            try AccessPolicy(principal).require(.edit, onArticle: article, db)
            article.deletedAt = Date()
            article.deletedById = try principal.authorId()
            try article.update(db, columns: ["deletedAt", "deletedById"])
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
            let rendered = try renderer.render(article.body, resolver: links.resolver)
            article.html = rendered.html
            article.outline = rendered.headings
            try article.update(db)
            try links.refreshArticles(linkingTo: links.keys(of: article), renderer: renderer)
            return article
        }
    }

    /// Renders text as it would look once saved, links resolved against the live articles.
    public func preview(_ markdown: String, for principal: Principal) async throws -> RenderedMarkdown {
        if markdown.utf8.count > ArticleDraft.maxBodyBytes {
            throw ValidationError(field: "body", .tooLong(maxBytes: ArticleDraft.maxBodyBytes))
        }
        let policy = AccessPolicy(principal)
        return try await database.reader.read { db in
            // Resolved against what the writer may read, so a preview cannot reveal that a hidden title exists.
            try renderer.render(markdown, resolver: DatabaseLinkResolver(db: db, policy: policy))
        }
    }

    // MARK: Helpers

    private struct ValidFields {
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
        let body = draft.body.replacingOccurrences(of: "\r\n", with: "\n")
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

    private static func ensureSlugIsFree(_ slug: String, except id: Int64?, db: Database) throws {
        var request = Article.filter(Column("slug") == slug)
        if let id { request = request.filter(Column("id") != id) }
        if try request.fetchCount(db) > 0 { throw ValidationError(field: "slug", .duplicate) }
    }

    /// A slug from the title that no article uses yet: "vacations", then "vacations-2", …
    private static func freeSlug(from title: String, db: Database) throws -> String {
        let base = Slug.make(from: title).isEmpty ? "article" : Slug.make(from: title)
        var candidate = base
        var suffix = 2
        while try Article.filter(Column("slug") == candidate).fetchCount(db) > 0 {
            candidate = "\(base)-\(suffix)"
            suffix += 1
        }
        return candidate
    }

    private static func insertRevision(of article: Article, summary: String, db: Database) throws {
        var revision = Revision(
            id: nil, articleId: article.id!, number: article.revision, title: article.title,
            categoryId: article.categoryId, body: article.body, summary: summary,
            size: article.body.utf8.count, authorId: article.updatedById, createdAt: article.updatedAt)
        try revision.insert(db)
    }
}
