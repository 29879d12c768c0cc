import Foundation
import GRDB
import Testing
@testable import LoreCore

/// The client registry's services and a few shortcuts for its tests.
extension TestWorld {
    var clients: ClientService { ClientService(database: database) }
    var clientQueries: ClientQueries { ClientQueries(database: database) }
    var reminders: ReminderQueries { ReminderQueries(database: database) }

    /// A card created by the administrator (or `by`), managed by `manager` when given.
    @discardableResult
    func client(_ name: String, manager: Principal? = nil, status: ClientStatus = .lead, notes: String = "",
                by author: Principal? = nil) async throws -> Client {
        var draft = ClientDraft()
        draft.name = name
        draft.status = status.rawValue
        draft.notes = notes
        draft.manager = manager?.userId.map(String.init) ?? ""
        return try await clients.create(draft, by: author ?? principal)
    }

    @discardableResult
    func contact(_ name: String, on client: Client, birthday: String = "", email: String = "",
                 by author: Principal? = nil) async throws -> ClientContact {
        var draft = ContactDraft()
        draft.name = name
        draft.birthday = birthday
        draft.email = email
        return try await clients.addContact(draft, to: client.slug, by: author ?? principal)
    }

    /// Logs an interaction; `date` and `due` are `YYYY-MM-DD` (empty: today / no step).
    @discardableResult
    func interaction(on client: Client, _ summary: String, date: String = "", nextStep: String = "", due: String = "",
                     by author: Principal? = nil) async throws -> ClientInteraction {
        var draft = InteractionDraft()
        draft.summary = summary
        draft.date = date
        draft.nextStep = nextStep
        draft.nextStepDue = due
        return try await clients.logInteraction(draft, on: client.slug, by: author ?? principal)
    }

    /// A card as stored, whatever its state and whoever may see it.
    func stored(_ client: Client) async throws -> Client? {
        try await database.reader.read { db in try Client.fetchOne(db, id: client.id!) }
    }

    func changes(of client: Client) async throws -> [ClientChange] {
        try await database.reader.read { db in
            try ClientChange.filter(Column("clientId") == client.id!).order(Column("id")).fetchAll(db)
        }
    }

    /// `SELECT COUNT(*)` of anything.
    func count(_ sql: String, _ arguments: StatementArguments = []) async throws -> Int {
        try await database.reader.read { db in try Int.fetchOne(db, sql: sql, arguments: arguments) ?? 0 }
    }

    func searchEntries(of client: Client) async throws -> Int {
        try await count("SELECT COUNT(*) FROM searchDocument WHERE kind = 'client' AND refId = ?", [client.id!])
    }

    /// The slugs of the cards on the principal's list.
    func listed(for viewer: Principal) async throws -> (slugs: [String], total: Int) {
        let page = try await clientQueries.list(ClientFilter(), for: viewer)
        return (page.items.map(\.client.slug), page.total)
    }
}

/// Days relative to today, as the forms take them.
func isoDay(_ offset: Int) -> String {
    DayDate(Date()).adding(days: offset).iso
}
