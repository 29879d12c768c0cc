import Foundation
import GRDB

/// A card merged into another lives on as an address: links to it (`[[client:old-slug]]` in
/// articles, bookmarks) lead to the card it went into, for those who may see that card, until
/// the merge is undone.
enum MergedCards {
    /// The kept card's slug and name for each merged-away slug in `slugs` that `policy` may see.
    static func kept(for slugs: Set<String>, policy: AccessPolicy, _ db: Database) throws -> [String: (slug: String, name: String)] {
        guard !slugs.isEmpty else { return [:] }
        let list = String(decoding: try JSONEncoder().encode(slugs.sorted()), as: UTF8.self)
        let request: SQLRequest<Row> = """
            SELECT absorbed.slug AS absorbed, client.slug, client.name
            FROM clientMerge JOIN client absorbed ON absorbed.id = clientMerge.absorbedId JOIN client ON client.id = clientMerge.keptId
            WHERE absorbed.slug IN (SELECT value FROM json_each(\(list))) AND absorbed.deletedAt IS NOT NULL
            AND client.deletedAt IS NULL AND \(policy.readableClients())
            """
        return Dictionary(try request.fetchAll(db).map { ($0["absorbed"] as String, (slug: $0["slug"] as String, name: $0["name"] as String)) }) { a, _ in a }
    }

    /// The slugs of the cards merged into the card `id`, which articles may still link to.
    static func absorbedSlugs(into id: Int64) -> SQL {
        "SELECT absorbed.slug FROM clientMerge JOIN client absorbed ON absorbed.id = clientMerge.absorbedId WHERE clientMerge.keptId = \(id)"
    }
}
