import Foundation
import GRDB

/// The wiki links stored at save time: they answer "what links here" and tell which
/// articles must be rendered again when a page they point at appears, moves or goes.
struct LinkIndex {
    let db: Database

    /// Saved HTML is shared by all readers, so links resolve against every live article.
    var resolver: DatabaseLinkResolver { DatabaseLinkResolver(db: db, policy: nil) }

    /// The same, with the `file:` names of the article's (or card's) attachments.
    func resolver(for owner: Attachment.Owner, _ id: Int64?) throws -> DatabaseLinkResolver {
        var resolver = self.resolver
        if let id { resolver.files = try AttachmentLinks.paths(owner, id, db) }
        return resolver
    }

    func replaceLinks(from articleId: Int64, with links: Set<WikiLink>) throws {
        try db.execute(sql: "DELETE FROM articleLink WHERE sourceId = ?", arguments: [articleId])
        for pair in Set(links.map { [$0.kind.rawValue, $0.key] }) {
            try db.execute(
                sql: "INSERT INTO articleLink (sourceId, kind, targetKey) VALUES (?, ?, ?)",
                arguments: [articleId, pair[0], pair[1]])
        }
    }

    /// Every key under which `[[…]]` may name the article: its slug, its title, and its old slugs.
    func keys(of article: Article) throws -> Set<String> {
        var keys: Set<String> = [article.slug, article.titleKey]
        if let id = article.id {
            keys.formUnion(try String.fetchAll(db, sql: "SELECT slug FROM slugRedirect WHERE articleId = ?", arguments: [id]))
        }
        return keys
    }

    /// Renders again the live articles that link to any of `keys`, so that their links point
    /// at the right page (or show as missing). Their text is unchanged, so no revision is made.
    func refreshArticles(linkingTo keys: Set<String>, renderer: MarkdownRenderer) throws {
        guard !keys.isEmpty else { return }
        let sourceIds = try Int64.fetchAll(db, sql: """
            SELECT DISTINCT sourceId FROM articleLink
            WHERE kind = 'article' AND targetKey IN (SELECT value FROM json_each(?))
            """, arguments: [try Self.jsonArray(keys)])
        for var article in try Article.filter(keys: sourceIds).filter(Article.live).fetchAll(db) {
            let rendered = try renderer.render(article.body, resolver: resolver(for: .article, article.id))
            article.html = rendered.html
            article.outline = rendered.headings
            try article.update(db, columns: ["html", "outline"])
        }
    }

    /// Live articles, readable under `policy`, whose stored links name any of `keys`.
    func articles(linkingTo keys: Set<String>, except articleId: Int64?, policy: AccessPolicy) throws -> [Article] {
        try Article.filter(Article.live).filter(policy.readableArticles())
            .filter(sql: """
                id IN (SELECT sourceId FROM articleLink WHERE kind = 'article'
                       AND targetKey IN (SELECT value FROM json_each(?)))
                """, arguments: [try Self.jsonArray(keys)])
            .filter(Column("id") != articleId)
            .order(Column("title").collating(.localizedCaseInsensitiveCompare))
            .fetchAll(db)
    }

    /// Binds a set of keys as one JSON argument, read back with `json_each`.
    private static func jsonArray(_ keys: Set<String>) throws -> String {
        String(decoding: try JSONEncoder().encode(keys.sorted()), as: UTF8.self)
    }
}

/// Resolves `[[…]]` against the live articles (those readable under `policy`, when given),
/// following renamed slugs.
struct DatabaseLinkResolver: WikiLinkResolver {
    let db: Database
    let policy: AccessPolicy?
    /// Attachment names and their addresses, for `file:` links.
    var files: [String: String] = [:]

    func attachmentPath(named name: String) throws -> String? {
        files[name]
    }

    func articleSlug(forKey key: String) throws -> String? {
        let readable = policy?.readableArticles() ?? "1"
        let direct: SQLRequest<String> = """
            SELECT slug FROM article WHERE deletedAt IS NULL AND (slug = \(key) OR titleKey = \(key)) AND \(readable)
            ORDER BY slug = \(key) DESC, id LIMIT 1
            """
        if let slug = try direct.fetchOne(db) { return slug }
        let renamed: SQLRequest<String> = """
            SELECT article.slug FROM slugRedirect JOIN article ON article.id = slugRedirect.articleId
            WHERE slugRedirect.slug = \(key) AND article.deletedAt IS NULL AND \(readable)
            """
        return try renamed.fetchOne(db)
    }
}
