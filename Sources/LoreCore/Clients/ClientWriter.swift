import Foundation
import GRDB

/// The writes every path into the registry shares — the web forms, CSV import and the sample
/// content — inside the caller's transaction: the row, its rendered notes, the search index
/// and the field-by-field history move together.
struct ClientWriter {
    let db: Database
    let authorId: Int64
    let now: Date
    private let renderer = MarkdownRenderer()

    init(db: Database, authorId: Int64, now: Date = Date()) {
        self.db = db
        self.authorId = authorId
        self.now = now
    }

    private var log: ClientChangeLog { ClientChangeLog(db: db, authorId: authorId, at: now) }

    /// Read per write, as administrators may add fields at any time.
    private func schema() throws -> ClientSchema { try ClientSchema.load(db) }

    func insert(_ draft: ClientDraft) throws -> Client {
        var client = Client.blank(by: authorId, at: now)
        let schema = try schema()
        try draft.apply(to: &client, fields: schema.client, isNew: true, db)
        client.slug = try Slug.free(from: client.name, fallback: "client") { try Client.filter(Column("slug") == $0).fetchCount(db) > 0 }
        client.notesHTML = try renderNotes(client.notes, of: nil)
        try client.insert(db)
        try log.record(.client, of: client.id ?? 0, id: client.id, label: client.name, before: nil, after: log.fields(of: client, schema))
        try SearchIndex.update(client, db)
        return client
    }

    /// Applies `draft` to the stored card; nothing is written when nothing changed.
    func update(_ stored: Client, with draft: ClientDraft) throws -> Client {
        var client = stored
        let schema = try schema()
        try draft.apply(to: &client, fields: schema.client, isNew: false, db)
        guard client != stored else { return stored }
        client.notesHTML = try renderNotes(client.notes, of: client.id)
        try touch(&client)
        try log.record(.client, of: client.id ?? 0, id: client.id, label: client.name, before: log.fields(of: stored, schema),
                       after: log.fields(of: client, schema))
        try SearchIndex.update(client, db)
        return client
    }

    func addContact(_ draft: ContactDraft, to client: Client) throws -> ClientContact {
        guard let clientId = client.id else { throw NotFound() }
        var contact = ClientContact.blank(of: clientId)
        let schema = try schema()
        try draft.apply(to: &contact, fields: schema.contact, isNew: true, db)
        try contact.insert(db)
        try log.record(.contact, of: clientId, id: contact.id, label: contact.name, before: nil, after: ClientChangeLog.fields(of: contact, schema))
        try touchAndReindex(client)
        return contact
    }

    func updateContact(_ stored: ClientContact, with draft: ContactDraft, of client: Client) throws {
        var contact = stored
        let schema = try schema()
        try draft.apply(to: &contact, fields: schema.contact, isNew: false, db)
        guard contact != stored else { return }
        try contact.update(db)
        try log.record(.contact, of: stored.clientId, id: contact.id, label: contact.name,
                       before: ClientChangeLog.fields(of: stored, schema), after: ClientChangeLog.fields(of: contact, schema))
        try touchAndReindex(client)
    }

    func deleteContact(_ contact: ClientContact, of client: Client) throws {
        try log.record(.contact, of: contact.clientId, id: contact.id, label: contact.name,
                       before: ClientChangeLog.fields(of: contact, try schema()), after: nil)
        _ = try contact.delete(db)
        try touchAndReindex(client)
    }

    func addInteraction(_ draft: InteractionDraft, to client: Client) throws -> ClientInteraction {
        guard let clientId = client.id else { throw NotFound() }
        var interaction = ClientInteraction(clientId: clientId, kind: .call, occurredAt: now, authorId: authorId, summary: "",
                                            outcome: "", nextStep: "")
        try draft.apply(to: &interaction, now: now, db)
        try interaction.insert(db)
        try log.record(.interaction, of: clientId, id: interaction.id, label: interaction.summary, before: nil, after: log.fields(of: interaction))
        try touch(client)
        return interaction
    }

    func updateInteraction(_ stored: ClientInteraction, with draft: InteractionDraft, of client: Client) throws {
        var interaction = stored
        try draft.apply(to: &interaction, now: now, db)
        try save(interaction, replacing: stored, of: client)
    }

    func completeStep(_ stored: ClientInteraction, of client: Client) throws {
        guard stored.hasOpenStep else { return }
        var interaction = stored
        interaction.nextStepDoneAt = now
        try save(interaction, replacing: stored, of: client)
    }

    /// A next step moved or given to someone else, recorded like any change.
    func replace(_ stored: ClientInteraction, with interaction: ClientInteraction, of client: Client) throws {
        try save(interaction, replacing: stored, of: client)
    }

    private func save(_ interaction: ClientInteraction, replacing stored: ClientInteraction, of client: Client) throws {
        guard interaction != stored else { return }
        try interaction.update(db)
        try log.record(.interaction, of: stored.clientId, id: interaction.id, label: interaction.summary,
                       before: log.fields(of: stored), after: log.fields(of: interaction))
        try touch(client)
    }

    /// Marks the card as changed now by the author: its version moves on, so a form opened
    /// before this change knows it is outdated.
    private func touch(_ client: inout Client) throws {
        client.version += 1
        client.updatedAt = now
        client.updatedById = authorId
        try client.update(db)
    }

    /// A change to the card's contacts or timeline leaves its fields alone, so it does not
    /// outdate a card form someone has open.
    private func touch(_ client: Client) throws {
        try db.execute(sql: "UPDATE client SET updatedAt = ?, updatedById = ? WHERE id = ?",
                       arguments: [now, authorId, client.id])
    }

    /// Contacts are part of what a search finds a card by.
    private func touchAndReindex(_ client: Client) throws {
        try touch(client)
        try SearchIndex.update(client, db)
    }

    private func renderNotes(_ notes: String, of clientId: Int64?) throws -> String {
        notes.isEmpty ? "" : try renderer.render(notes, resolver: LinkIndex(db: db).resolver(for: .client, clientId)).html
    }
}
