import Foundation
import GRDB

/// Every change to the client registry, each in one transaction, each checked against the
/// acting principal's client rights. A card hidden from the principal is ``NotFound``.
public struct ClientService: Sendable {
    let database: AppDatabase

    public init(database: AppDatabase) {
        self.database = database
    }

    public func create(_ draft: ClientDraft, by principal: Principal) async throws -> Client {
        let policy = AccessPolicy(principal)
        try policy.requireClients(.clientsEdit)
        let author = try principal.authorId()
        return try await database.writer.write { [database] db in
            try Self.requireOwnManager(draft, policy)
            let client = try ClientWriter(db: db, authorId: author).insert(draft)
            try Notifier(mail: database.mail).cardChanged(client, by: author, db)
            return client
        }
    }

    /// Saves the card if it is still at `version`; otherwise throws ``ClientConflict`` with
    /// the card as it is now and nothing is written.
    public func update(slug: String, _ draft: ClientDraft, version: Int, by principal: Principal) async throws -> Client {
        let policy = AccessPolicy(principal)
        let author = try principal.authorId()
        return try await database.writer.write { [database] db in
            let client = try policy.requireClient(slug: slug, .clientsEdit, db)
            if client.version != version { throw ClientConflict(current: client) }
            try Self.requireOwnManager(draft, policy)
            let saved = try ClientWriter(db: db, authorId: author).update(client, with: draft)
            try Notifier(mail: database.mail).cardChanged(saved, by: author, db)
            return saved
        }
    }

    /// Moves the card to the trash: hidden everywhere, restorable by those who may delete.
    public func delete(slug: String, by principal: Principal) async throws {
        try await setDeleted(true, slug: slug, by: principal)
    }

    public func restore(slug: String, by principal: Principal) async throws {
        try await setDeleted(false, slug: slug, by: principal)
    }

    public func addContact(_ draft: ContactDraft, to slug: String, by principal: Principal) async throws -> ClientContact {
        try await edit(slug, by: principal) { writer, client in try writer.addContact(draft, to: client) }
    }

    public func updateContact(id: Int64, of slug: String, _ draft: ContactDraft, by principal: Principal) async throws {
        try await edit(slug, by: principal) { writer, client in
            try writer.updateContact(Self.contact(id, of: client, writer.db), with: draft, of: client)
        }
    }

    public func deleteContact(id: Int64, of slug: String, by principal: Principal) async throws {
        try await edit(slug, by: principal) { writer, client in
            try writer.deleteContact(Self.contact(id, of: client, writer.db), of: client)
        }
    }

    public func logInteraction(_ draft: InteractionDraft, on slug: String, by principal: Principal) async throws -> ClientInteraction {
        try await edit(slug, by: principal) { writer, client in try writer.addInteraction(draft, to: client) }
    }

    public func updateInteraction(id: Int64, of slug: String, _ draft: InteractionDraft, by principal: Principal) async throws {
        try await edit(slug, by: principal) { writer, client in
            try writer.updateInteraction(Self.interaction(id, of: client, writer.db), with: draft, of: client)
        }
    }

    /// Marks an interaction's next step as done.
    public func completeStep(interaction id: Int64, of slug: String, by principal: Principal) async throws {
        try await edit(slug, by: principal) { writer, client in
            try writer.completeStep(Self.interaction(id, of: client, writer.db), of: client)
        }
    }

    /// Links an article, named by its address or title, to the card by hand (articles that
    /// mention the card with `[[client:…]]` are linked already). The article must be readable
    /// by the one who links it.
    public func linkArticle(_ articleSlug: String, to slug: String, by principal: Principal) async throws {
        let policy = AccessPolicy(principal)
        try await edit(slug, by: principal) { writer, client in
            // People type a title as often as an address: both name the article.
            let key = Slug.make(from: articleSlug)
            let request: SQLRequest<Int64> = """
                SELECT id FROM article WHERE (slug = \(key) OR titleKey = \(key))
                AND deletedAt IS NULL AND \(policy.readableArticles()) ORDER BY slug = \(key) DESC LIMIT 1
                """
            guard let articleId = try request.fetchOne(writer.db), let clientId = client.id else {
                throw ValidationError(field: "article", .notFound)
            }
            try writer.db.execute(sql: """
                INSERT OR IGNORE INTO clientArticleLink (clientId, articleId, createdById, createdAt) VALUES (?, ?, ?, ?)
                """, arguments: [clientId, articleId, writer.authorId, writer.now])
        }
    }

    public func unlinkArticle(_ articleSlug: String, from slug: String, by principal: Principal) async throws {
        let policy = AccessPolicy(principal)
        try await edit(slug, by: principal) { writer, client in
            let request: SQLRequest<Int64> = "SELECT id FROM article WHERE slug = \(articleSlug) AND \(policy.readableArticles())"
            guard let articleId = try request.fetchOne(writer.db), let clientId = client.id else { throw NotFound() }
            try writer.db.execute(sql: "DELETE FROM clientArticleLink WHERE clientId = ? AND articleId = ?", arguments: [clientId, articleId])
        }
    }

    // MARK: Helpers

    func edit<T: Sendable>(_ slug: String, by principal: Principal,
                                   _ change: @escaping @Sendable (ClientWriter, Client) throws -> T) async throws -> T {
        let policy = AccessPolicy(principal)
        let author = try principal.authorId()
        return try await database.writer.write { [database] db in
            let client = try policy.requireClient(slug: slug, .clientsEdit, db)
            let result = try change(ClientWriter(db: db, authorId: author), client)
            try Notifier(mail: database.mail).cardChanged(client, by: author, db)
            return result
        }
    }

    private func setDeleted(_ deleted: Bool, slug: String, by principal: Principal) async throws {
        let policy = AccessPolicy(principal)
        let author = try principal.authorId()
        try await database.writer.write { db in
            let client = try policy.requireClient(slug: slug, .clientsDelete, includingDeleted: true, db)
            guard client.isDeleted != deleted else { return }
            try Self.trash(client, deleted: deleted, by: author, db)
            // A card merged into another comes back with what it brought.
            if !deleted { try Self.unmerge(client, by: principal, db) }
            try AuditLog.record(deleted ? .clientDeleted : .clientRestored, by: principal, subject: "\(client.name) (\(client.slug))", db)
        }
    }

    /// Into the trash or out of it, recorded on the card.
    static func trash(_ stored: Client, deleted: Bool, by author: Int64, _ db: Database) throws {
        var client = stored
        client.deletedAt = deleted ? Date() : nil
        client.deletedById = deleted ? author : nil
        try client.update(db)
        try SearchIndex.update(client, db)
        try ClientChangeLog(db: db, authorId: author, at: Date()).record(
            .client, of: client.id ?? 0, id: client.id, label: client.name,
            before: [("deleted", deleted ? "" : "yes")], after: [("deleted", deleted ? "yes" : "")])
    }

    /// Someone who sees only their own clients cannot hand a card to someone else: it would vanish from their sight.
    private static func requireOwnManager(_ draft: ClientDraft, _ policy: AccessPolicy) throws {
        guard !policy.principal.seesAllClients, let userId = policy.principal.userId else { return }
        if draft.manager.trimmingCharacters(in: .whitespaces) != String(userId) {
            throw ValidationError(field: "manager", .notFound)
        }
    }

    private static func contact(_ id: Int64, of client: Client, _ db: Database) throws -> ClientContact {
        guard let contact = try ClientContact.fetchOne(db, id: id), contact.clientId == client.id else { throw NotFound() }
        return contact
    }

    private static func interaction(_ id: Int64, of client: Client, _ db: Database) throws -> ClientInteraction {
        guard let interaction = try ClientInteraction.fetchOne(db, id: id), interaction.clientId == client.id else { throw NotFound() }
        return interaction
    }
}

/// The card changed since the form was opened. Nothing was saved.
public struct ClientConflict: Error, Sendable {
    public let current: Client
}
