import Foundation
import GRDB

/// Saved HTML is shared by every reader; this turns it into what one reader may see: links to
/// pages and client cards hidden from them look exactly like links to ones that do not exist.
enum VisibleLinks {
    static func html(_ html: String, policy: AccessPolicy, _ db: Database) throws -> String {
        var html = html
        let articles = WikiLinkMarkup.linkedSlugs(in: html)
        if !articles.isEmpty, !policy.principal.isAdministrator {
            let request: SQLRequest<String> = """
                SELECT slug FROM article WHERE slug IN (SELECT value FROM json_each(\(try jsonArray(articles))))
                AND deletedAt IS NULL AND \(policy.readableArticles())
                """
            html = WikiLinkMarkup.masked(html, keeping: Set(try request.fetchAll(db)))
        }
        // Missing cards show as missing to everyone, so this runs for administrators too.
        let clients = WikiLinkMarkup.linkedClients(in: html)
        if !clients.isEmpty {
            let request: SQLRequest<Row> = """
                SELECT slug, name FROM client WHERE slug IN (SELECT value FROM json_each(\(try jsonArray(clients))))
                AND deletedAt IS NULL AND \(policy.readableClients())
                """
            var names = Dictionary(try request.fetchAll(db).map { ($0["slug"] as String, $0["name"] as String) }) { first, _ in first }
            // A link to a card merged into another leads there.
            let merged = try MergedCards.kept(for: clients.subtracting(names.keys), policy: policy, db)
            html = WikiLinkMarkup.redirectedClients(html, to: merged.mapValues(\.slug))
            for (_, kept) in merged { names[kept.slug] = kept.name }
            html = WikiLinkMarkup.namedClients(WikiLinkMarkup.maskedClients(html, keeping: Set(names.keys)), names: names)
        }
        return html
    }

    private static func jsonArray(_ values: Set<String>) throws -> String {
        String(decoding: try JSONEncoder().encode(values.sorted()), as: UTF8.self)
    }
}
