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

    /// A card the reader may see, with its people, interactions, changes and the knowledge about it.
    func clientCard(slug: String) throws -> ClientCard {
        let client = try policy.requireClient(slug: slug, .clientsRead, db)
        guard let id = client.id else { throw NotFound() }
        let names = try Dictionary(uniqueKeysWithValues: Row.fetchAll(db, sql: "SELECT id, displayName FROM user").map {
            ($0["id"] as Int64, $0["displayName"] as String)
        })
        let contacts = try ClientContact.filter(Column("clientId") == id).order(Column("id")).fetchAll(db)
        let contactNames = Dictionary(uniqueKeysWithValues: contacts.compactMap { c in c.id.map { ($0, c.name) } })
        let interactions = try ClientInteraction.filter(Column("clientId") == id)
            .order(Column("occurredAt").desc, Column("id").desc).fetchAll(db)
            .map { ClientCard.Interaction(interaction: $0, authorName: names[$0.authorId] ?? "",
                                          contactName: $0.contactId.flatMap { contactNames[$0] }) }
        let changes = try ClientChange.filter(Column("clientId") == id).order(Column("id").desc).limit(500).fetchAll(db)
            .map { ClientCard.Change(change: $0, authorName: names[$0.authorId] ?? "") }
        return ClientCard(
            client: client, notesHTML: try VisibleLinks.html(client.notesHTML, policy: policy, db),
            managerName: client.managerId.flatMap { names[$0] }, contacts: contacts, interactions: interactions,
            changes: changes, knowledge: try ClientQueries.knowledge(about: client, policy, db))
    }
}
