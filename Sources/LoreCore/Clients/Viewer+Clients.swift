import GRDB

extension Viewer {
    /// The client cards an article concerns (linked from its text or from the card), if the
    /// reader may see clients at all.
    func clients(concerning article: Article) throws -> [Client] {
        guard principal.has(.clientsRead), let articleId = article.id else { return [] }
        let request: SQLRequest<Client> = """
            SELECT * FROM client WHERE deletedAt IS NULL AND \(policy.readableClients())
            AND (slug IN (SELECT targetKey FROM articleLink WHERE kind = 'client' AND sourceId = \(articleId))
                 OR id IN (SELECT clientId FROM clientArticleLink WHERE articleId = \(articleId)))
            ORDER BY name COLLATE \(ClientQueries.byName)
            """
        return try request.fetchAll(db)
    }
}
