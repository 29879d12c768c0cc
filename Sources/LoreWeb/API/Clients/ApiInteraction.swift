import Foundation
import LoreCore

/// A call, meeting, letter or message on a client's timeline, with its next step.
struct ApiInteraction: Encodable, Sendable {
    let id: Int64
    let kind: String
    let occurredAt: Date
    let author: String
    @Null var contactId: Int64?
    let summary: String
    let outcome: String
    let nextStep: String
    @Null var nextStepDue: String?
    @Null var nextStepTime: String?
    @Null var nextStepKind: String?
    /// Who does the next step: whoever logged it unless given to a colleague.
    @Null var assigneeId: Int64?
    @Null var nextStepDoneAt: Date?

    init(_ entry: ClientCard.Interaction) {
        let interaction = entry.interaction
        id = interaction.id ?? 0
        kind = interaction.kind.rawValue
        occurredAt = interaction.occurredAt
        author = entry.authorName
        contactId = interaction.contactId
        summary = interaction.summary
        outcome = interaction.outcome
        nextStep = interaction.nextStep
        nextStepDue = interaction.nextStepDue
        nextStepTime = interaction.nextStepTime
        nextStepKind = interaction.nextStepKind?.rawValue
        assigneeId = interaction.nextStepDue == nil ? nil : interaction.assigneeId ?? interaction.authorId
        nextStepDoneAt = interaction.nextStepDoneAt
    }

    struct Input: ApiInput, Sendable {
        static let schema = "InteractionInput"

        let kind: String?
        /// YYYY-MM-DD or DD.MM.YYYY; today when left out.
        let date: String?
        let contactId: Int64?
        let summary: String?
        let outcome: String?
        let nextStep: String?
        let nextStepDue: String?
        let nextStepTime: String?
        let nextStepKind: String?
        let assigneeId: Int64?

        var draft: InteractionDraft {
            var draft = InteractionDraft()
            draft.kind = kind ?? draft.kind
            draft.date = date ?? ""
            draft.contact = contactId.map(String.init) ?? ""
            draft.summary = summary ?? ""
            draft.outcome = outcome ?? ""
            draft.nextStep = nextStep ?? ""
            draft.nextStepDue = nextStepDue ?? ""
            draft.nextStepTime = nextStepTime ?? ""
            draft.nextStepKind = nextStepKind ?? ""
            draft.assignee = assigneeId.map(String.init) ?? ""
            return draft
        }
    }
}
