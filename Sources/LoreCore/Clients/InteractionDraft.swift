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
    /// `HH:MM`, or empty for any time that day.
    public var nextStepTime = ""
    public var nextStepKind = ""
    /// A user id as text; empty for the writer.
    public var assignee = ""

    public init() {}

    public init(_ interaction: ClientInteraction) {
        kind = interaction.kind.rawValue
        date = DayDate(interaction.occurredAt).iso
        contact = interaction.contactId.map(String.init) ?? ""
        summary = interaction.summary
        outcome = interaction.outcome
        nextStep = interaction.nextStep
        nextStepDue = interaction.nextStepDue ?? ""
        nextStepTime = interaction.nextStepTime ?? ""
        nextStepKind = interaction.nextStepKind?.rawValue ?? ""
        assignee = interaction.assigneeId.map(String.init) ?? ""
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
        interaction.summary = v.text("summary", summary, maxBytes: FieldKind.longText)
        interaction.outcome = v.text("outcome", outcome, required: false, maxBytes: FieldKind.longText)
        interaction.nextStep = v.text("nextStep", nextStep, required: false, maxBytes: FieldKind.shortText * 2)
        interaction.nextStepDue = v.day("nextStepDue", nextStepDue)
        if interaction.nextStepDue != nil, interaction.nextStep.isEmpty { v.add("nextStep", .required) }
        if interaction.nextStepDue == nil, !interaction.nextStep.isEmpty, nextStepDue.trimmingCharacters(in: .whitespaces).isEmpty {
            v.add("nextStepDue", .required)
        }
        let time = nextStepTime.trimmingCharacters(in: .whitespaces)
        interaction.nextStepTime = nil
        if !time.isEmpty {
            if let match = time.wholeMatch(of: /(\d{1,2}):(\d{2})/), let hour = Int(match.1), let minute = Int(match.2), hour < 24, minute < 60 {
                interaction.nextStepTime = String(format: "%02d:%02d", hour, minute)
            } else {
                v.add("nextStepTime", .invalidText)
            }
        }
        interaction.nextStepKind = TaskKind(rawValue: v.optionalChoice("nextStepKind", nextStepKind, TaskKind.self))
        interaction.assigneeId = nil
        if interaction.nextStepDue != nil {
            interaction.assigneeId = try Self.assignee(assignee, default: interaction.authorId, clientId: interaction.clientId, &v, db)
        }
        try v.check()
    }

    /// The colleague the step is given to: active and able to see the card; the writer when none is chosen.
    static func assignee(_ text: String, default writer: Int64, clientId: Int64, _ v: inout Validator, _ db: Database) throws -> Int64? {
        let chosen = text.trimmingCharacters(in: .whitespaces)
        guard !chosen.isEmpty else { return writer }
        guard let id = Int64(chosen), let principal = try PrincipalLoader.principal(userId: id, db), principal.has(.clientsRead),
              try Client.filter(key: clientId).filter(AccessPolicy(principal).readableClients()).fetchCount(db) == 1
        else {
            v.add("assignee", .notFound)
            return nil
        }
        return id
    }
}
