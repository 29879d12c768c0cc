import GRDB

extension Viewer {
    /// The client cards an article concerns (linked from its text or from the card), if the
    /// reader may see clients at all.
    func clients(concerning article: Article) throws -> [Client] {
        guard principal.has(.clientsRead), let articleId = article.id else { return [] }
        // Found from the article's few links, then checked: read the other way round, a manager's
        // thousand cards were each tested against the links.
        let request: SQLRequest<Client> = """
            SELECT * FROM client WHERE id IN (
                SELECT client.id FROM articleLink JOIN client ON client.slug = articleLink.targetKey
                WHERE articleLink.kind = 'client' AND articleLink.sourceId = \(articleId)
                UNION SELECT clientId FROM clientArticleLink WHERE articleId = \(articleId))
            AND deletedAt IS NULL AND \(policy.readableClients())
            ORDER BY name COLLATE \(ClientQueries.byName)
            """
        return try request.fetchAll(db)
    }
}
