import Foundation
import GRDB

/// A call, meeting, e-mail or message as logged on the card's timeline.
public struct InteractionDraft: Sendable, Equatable {
    public var kind = InteractionKind.call.rawValue
    /// The day it happened (`YYYY-MM-DD` or `DD.MM.YYYY`); empty means now.
    public var date = ""
    /// A contact id as text; empty for none.
    public var contact = ""
    public var summary = ""
    public var outcome = ""
    public var nextStep = ""
    public var nextStepDue = ""

    public init() {}

    public init(_ interaction: ClientInteraction) {
        kind = interaction.kind.rawValue
        date = DayDate(interaction.occurredAt).iso
        contact = interaction.contactId.map(String.init) ?? ""
        summary = interaction.summary
        outcome = interaction.outcome
        nextStep = interaction.nextStep
        nextStepDue = interaction.nextStepDue ?? ""
    }

    func apply(to interaction: inout ClientInteraction, now: Date, _ db: Database) throws {
        var v = Validator()
        interaction.kind = v.choice("kind", kind, InteractionKind.self) ?? interaction.kind
        let day = v.day("date", date)
        if let day, let parsed = DayDate(iso: day), interaction.id != nil, parsed == DayDate(interaction.occurredAt) {
            // The same day as before: the time it was logged at stays.
        } else if let day, let parsed = DayDate(iso: day) {
            // A day typed without a time keeps the time of logging when it is today, noon otherwise,
            // so the timeline orders same-day entries as they were logged.
            interaction.occurredAt = parsed == DayDate(now) ? now : parsed.noon
        } else if date.trimmingCharacters(in: .whitespaces).isEmpty, interaction.id == nil {
            interaction.occurredAt = now
        }
        // Tomorrow at the latest, whatever the hour: a meeting may be logged the evening before.
        if DayDate(interaction.occurredAt) > DayDate(now).adding(days: 1) { v.add("date", .invalidDate) }
        interaction.contactId = nil
        let contactText = contact.trimmingCharacters(in: .whitespaces)
        if !contactText.isEmpty {
            if let id = Int64(contactText),
               try ClientContact.filter(key: id).filter(Column("clientId") == interaction.clientId).fetchCount(db) == 1 {
                interaction.contactId = id
            } else {
                v.add("contact", .notFound)
            }
        }
        interaction.summary = v.text("summary", summary, maxBytes: ClientDraft.longText)
        interaction.outcome = v.text("outcome", outcome, required: false, maxBytes: ClientDraft.longText)
        interaction.nextStep = v.text("nextStep", nextStep, required: false, maxBytes: ClientDraft.shortText * 2)
        interaction.nextStepDue = v.day("nextStepDue", nextStepDue)
        if interaction.nextStepDue != nil, interaction.nextStep.isEmpty { v.add("nextStep", .required) }
        if interaction.nextStepDue == nil, !interaction.nextStep.isEmpty, nextStepDue.trimmingCharacters(in: .whitespaces).isEmpty {
            v.add("nextStepDue", .required)
        }
        try v.check()
    }
}
