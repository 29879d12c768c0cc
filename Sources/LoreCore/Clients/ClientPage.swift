/// Everything a client card's page shows that is the card's own, read in one snapshot: the page
/// is whole or a 404, never half of each. What is shared with other pages (the tree, the
/// fields, the segments) comes from where it is kept.
public struct ClientPage: Sendable {
    public let card: ClientCard
    public let files: [AttachmentService.Listed]
    public let comments: [CommentService.Thread]
    /// The latest 200, newest first.
    public let purchases: [Purchase]
    public let isWatching: Bool
    /// Who opened the card lately: for those who may export cards; empty for everyone else.
    public let readers: [ClientReadLedger.Reader]
}

extension ClientQueries {
    /// The card's page; recorded as a card read (see ``ClientReadLedger``).
    public func page(slug: String, for principal: Principal) async throws -> ClientPage {
        let page = try await database.read(as: principal) { viewer in
            let card = try viewer.clientCard(slug: slug)
            let id = card.client.id ?? 0
            let subject = NotificationSubject.client(id)
            return ClientPage(
                card: card, files: try viewer.attachments(of: .client(slug: card.client.slug)), comments: try viewer.commentThreads(on: subject),
                purchases: try Self.latestPurchases(ofClient: id, viewer.db),
                isWatching: try principal.userId.map { try Watch.isWatching($0, subject, viewer.db) } ?? false,
                readers: principal.has(.clientsExport) ? try ClientReadLedger.readers(of: id, viewer.db) : [])
        }
        try await reads.record([page.card.client.id].compactMap { $0 }, by: principal)
        return page
    }
}
