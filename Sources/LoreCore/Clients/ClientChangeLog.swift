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

    /// The card's fields as history shows them: the manager by name rather than by id.
    func fields(of client: Client, _ schema: ClientSchema) throws -> [(String, String)] {
        try schema.client.map { field in
            let value = field.value(of: client)
            guard field.kind == .user, let id = Int64(value) else { return (field.key, value) }
            return (field.key, try String.fetchOne(db, sql: "SELECT displayName FROM user WHERE id = ?", arguments: [id]) ?? "")
        }
    }

    static func fields(of contact: ClientContact, _ schema: ClientSchema) -> [(String, String)] {
        schema.contact.map { ($0.key, $0.value(of: contact)) }
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
