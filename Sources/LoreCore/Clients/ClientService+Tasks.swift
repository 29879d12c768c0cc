import Foundation
import GRDB

/// Quick changes to a next step from the Tasks page: move it to another day, give it to a colleague.
/// And the purchases logged on a card.
extension ClientService {
    @discardableResult
    public func addPurchase(_ draft: PurchaseDraft, to slug: String, by principal: Principal) async throws -> Purchase {
        let author = try principal.authorId()
        return try await edit(slug, by: principal) { writer, client in
            var purchase = try draft.purchase(of: client.id ?? 0, by: author)
            try purchase.insert(writer.db)
            return purchase
        }
    }

    public func deletePurchase(id: Int64, of slug: String, by principal: Principal) async throws {
        try await edit(slug, by: principal) { writer, client in
            guard try Purchase.filter(key: id).filter(Column("clientId") == client.id).deleteAll(writer.db) == 1 else { throw NotFound() }
        }
    }

    public func complete(step interactionId: Int64, by principal: Principal) async throws {
        try await changeStep(interactionId, by: principal) { interaction, _, _ in interaction.nextStepDoneAt = Date() }
    }

    public func reschedule(step interactionId: Int64, to day: DayDate, by principal: Principal) async throws {
        try await changeStep(interactionId, by: principal) { interaction, _, _ in interaction.nextStepDue = day.iso }
    }

    /// To a colleague who may see the card.
    public func reassign(step interactionId: Int64, to assignee: Int64, by principal: Principal) async throws {
        try await changeStep(interactionId, by: principal) { interaction, db, _ in
            var v = Validator()
            interaction.assigneeId = try InteractionDraft.assignee(String(assignee), default: interaction.authorId,
                                                                   clientId: interaction.clientId, &v, db)
            try v.check()
        }
    }

    /// The card's address and the step, for the one who may edit the card.
    private func changeStep(_ interactionId: Int64, by principal: Principal,
                            _ change: @escaping @Sendable (inout ClientInteraction, Database, Client) throws -> Void) async throws {
        let slug = try await database.reader.read { db in
            try String.fetchOne(db, sql: """
                SELECT c.slug FROM clientInteraction i JOIN client c ON c.id = i.clientId
                WHERE i.id = ? AND i.nextStepDue IS NOT NULL AND i.nextStepDoneAt IS NULL
                """, arguments: [interactionId])
        }
        guard let slug else { throw NotFound() }
        try await edit(slug, by: principal) { writer, client in
            guard let stored = try ClientInteraction.filter(key: interactionId).filter(Column("clientId") == client.id).fetchOne(writer.db)
            else { throw NotFound() }
            var interaction = stored
            try change(&interaction, writer.db, client)
            try writer.replace(stored, with: interaction, of: client)
        }
    }
}
