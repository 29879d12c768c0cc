import Foundation
import GRDB

/// Reads one spreadsheet row into drafts, checks them as the forms would, and looks for the
/// card it may duplicate among those the importer can see.
struct ImportRowReader {
    let policy: AccessPolicy
    let schema: ClientSchema
    let db: Database
    /// The visible cards by every e-mail on them or their people, and by name, lowercased
    /// (SQLite's NOCASE folds only Latin letters): read once per file.
    private let emails: [String: Client]
    private let names: [String: Client]

    init(policy: AccessPolicy, schema: ClientSchema, db: Database) throws {
        self.policy = policy
        self.schema = schema
        self.db = db
        var emails: [String: Client] = [:]
        let clients = try Client.filter(Client.live).filter(policy.readableClients()).fetchAll(db)
        let byId = Dictionary(uniqueKeysWithValues: clients.compactMap { client in client.id.map { ($0, client) } })
        for client in clients {
            for email in ContactFormat.list(client.emails) where emails[email.lowercased()] == nil { emails[email.lowercased()] = client }
        }
        for contact in try ClientContact.filter(byId.keys.contains(Column("clientId"))).fetchAll(db) where !contact.email.isEmpty {
            if emails[contact.email.lowercased()] == nil, let client = byId[contact.clientId] { emails[contact.email.lowercased()] = client }
        }
        self.emails = emails
        names = Dictionary(clients.map { (Self.nameKey($0.name), $0) }) { first, _ in first }
    }

    /// Names match whatever their case and spacing.
    static func nameKey(_ name: String) -> String {
        name.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// What earlier rows of the same file held, to catch a client listed twice.
    struct Seen {
        var inns: [String: (line: Int, name: String)] = [:]
        var names: [String: (line: Int, name: String)] = [:]
    }

    func read(_ values: [ClientColumn: String]) throws -> (ClientImport.Entry, [String: ValidationError.Problem]) {
        var problems: [String: ValidationError.Problem] = [:]
        var draft = ClientDraft()
        var person = ContactDraft()
        var hasPerson = false
        for (column, text) in values {
            let value = text.trimmingCharacters(in: .whitespaces)
            if column.ofContact {
                guard let field = schema.contactField(column.key), !value.isEmpty else { continue }
                person[field.key] = field.importValues[value.lowercased()] ?? value
                hasPerson = true
            } else if let field = schema.clientField(column.key), !value.isEmpty {
                draft[field.key] = field.importValues[value.lowercased()] ?? value
            }
        }
        let manager = draft.manager
        if !manager.isEmpty {
            // People write the manager's name or login, not the id a form carries.
            let id = try Int64.fetchOne(db, sql: """
                SELECT id FROM user WHERE isActive AND (username = ? COLLATE NOCASE OR displayName = ? COLLATE NOCASE) ORDER BY id LIMIT 1
                """, arguments: [manager, manager])
            draft.manager = id.map(String.init) ?? ""
            if id == nil { problems["manager"] = .notFound }
        } else if !policy.principal.seesAllClients, let userId = policy.principal.userId {
            // Whoever sees only their own clients imports cards for themselves.
            draft.manager = String(userId)
        }
        var scratch = Client.blank(by: 0, at: Date())
        do {
            try draft.apply(to: &scratch, fields: schema.client, isNew: true, db)
        } catch let error as ValidationError {
            problems.merge(error.fields) { first, _ in first }
        }
        if !policy.principal.seesAllClients, problems["manager"] == nil, draft.manager != policy.principal.userId.map(String.init) {
            problems["manager"] = .notFound
        }
        if hasPerson {
            var scratchContact = ClientContact.blank(of: 0)
            do {
                try person.apply(to: &scratchContact, fields: schema.contact, isNew: true, db)
            } catch let error as ValidationError {
                for (field, problem) in error.fields { problems[ClientColumn(key: field, ofContact: true).rawValue] = problem }
            }
        }
        return (ClientImport.Entry(client: draft, contact: hasPerson ? person : nil), problems)
    }

    /// The visible card, or the earlier row, this row repeats: by tax ID, then e-mail, then name.
    func duplicate(of entry: ClientImport.Entry, line: Int, seen: inout Seen) throws -> ImportPreview.Duplicate? {
        let draft = entry.client
        let inn = draft.inn.trimmingCharacters(in: .whitespaces)
        let name = Self.nameKey(draft.name)
        defer {
            if !inn.isEmpty, seen.inns[inn] == nil { seen.inns[inn] = (line, draft.name) }
            if !name.isEmpty, seen.names[name] == nil { seen.names[name] = (line, draft.name) }
        }
        let visible = Client.filter(Client.live).filter(policy.readableClients())
        if !inn.isEmpty, let client = try visible.filter(Column("inn") == inn).fetchOne(db) {
            return .init(slug: client.slug, name: client.name, reason: .inn, line: nil)
        }
        for email in ContactFormat.list(draft.emails + "," + (entry.contact?.email ?? "")) {
            if let client = emails[email.lowercased()] { return .init(slug: client.slug, name: client.name, reason: .email, line: nil) }
        }
        if !name.isEmpty, let client = names[name] {
            return .init(slug: client.slug, name: client.name, reason: .name, line: nil)
        }
        if !inn.isEmpty, let earlier = seen.inns[inn] { return .init(slug: nil, name: earlier.name, reason: .inn, line: earlier.line) }
        if !name.isEmpty, let earlier = seen.names[name] { return .init(slug: nil, name: earlier.name, reason: .name, line: earlier.line) }
        return nil
    }
}
