import Foundation
import GRDB

/// Writes the field-by-field history of a card: each field whose text differs between
/// `before` and `after` gives one ``ClientChange``. A creation has no `before`, a deletion no `after`.
struct ClientChangeLog {
    let db: Database
    let authorId: Int64
    let at: Date

    func record(_ subject: ClientChange.Subject, of clientId: Int64, id: Int64?, label: String,
                before: [(String, String)]?, after: [(String, String)]?) throws {
        let old = Dictionary(before ?? [], uniquingKeysWith: { first, _ in first })
        let fields = (after ?? before ?? []).map(\.0)
        let new = Dictionary(after ?? [], uniquingKeysWith: { first, _ in first })
        for field in fields {
            let oldValue = old[field] ?? "", newValue = new[field] ?? ""
            guard oldValue != newValue else { continue }
            var change = ClientChange(clientId: clientId, subject: subject, subjectId: id, subjectLabel: label, field: field,
                                      oldValue: oldValue, newValue: newValue, authorId: authorId, changedAt: at)
            try change.insert(db)
        }
    }

    /// The card's fields as history shows them: the manager by name, tags as one line.
    func fields(of client: Client) throws -> [(String, String)] {
        let manager = try client.managerId.flatMap { try String.fetchOne(db, sql: "SELECT displayName FROM user WHERE id = ?", arguments: [$0]) }
        return [
            ("name", client.name), ("kind", client.kind.rawValue), ("status", client.status.rawValue),
            ("segment", client.segment), ("source", client.source), ("frequency", client.frequency), ("manager", manager ?? ""),
            ("legalName", client.legalName), ("inn", client.inn), ("kpp", client.kpp), ("ogrn", client.ogrn),
            ("legalAddress", client.legalAddress), ("bankDetails", client.bankDetails), ("address", client.address),
            ("phones", client.phones), ("emails", client.emails), ("website", client.website), ("officeHours", client.officeHours),
            ("preferences", client.preferences), ("tags", client.tags.joined(separator: ", ")), ("notes", client.notes),
        ]
    }

    static func fields(of contact: ClientContact) -> [(String, String)] {
        [
            ("name", contact.name), ("position", contact.position), ("phones", contact.phones), ("email", contact.email),
            ("messengers", contact.messengers), ("preferredChannel", contact.preferredChannel), ("callWhen", contact.callWhen),
            ("doNotCall", contact.doNotCall), ("birthday", contact.birthday), ("notes", contact.notes),
        ]
    }

    func fields(of interaction: ClientInteraction) throws -> [(String, String)] {
        let contact = try interaction.contactId.flatMap { try String.fetchOne(db, sql: "SELECT name FROM clientContact WHERE id = ?", arguments: [$0]) }
        return [
            ("kind", interaction.kind.rawValue), ("date", DayDate(interaction.occurredAt).iso), ("contact", contact ?? ""),
            ("summary", interaction.summary), ("outcome", interaction.outcome), ("nextStep", interaction.nextStep),
            ("nextStepDue", interaction.nextStepDue ?? ""), ("nextStepTime", interaction.nextStepTime ?? ""),
            ("assignee", try interaction.assigneeId.flatMap { try String.fetchOne(db, sql: "SELECT displayName FROM user WHERE id = ?", arguments: [$0]) } ?? ""),
            ("nextStepDone", interaction.nextStepDoneAt.map { DayDate($0).iso } ?? ""),
        ]
    }
}
