import Foundation

/// A sample client card as kept in `Content/clients/<slug>.json`. Dates are relative to the
/// day of import ("12 days ago", "due in 3 days"), so the sample reminders are always current.
struct ClientSeed: Decodable {
    struct Contact: Decodable {
        var name: String
        var position: String?
        var phones: String?
        var email: String?
        var messengers: String?
        var preferredChannel: String?
        var callWhen: String?
        var doNotCall: String?
        var birthday: String?
        var birthdayInDays: Int?
        var notes: String?
    }

    struct Interaction: Decodable {
        var kind: String
        var daysAgo: Int
        var author: String?
        var contact: String?
        var summary: String
        var outcome: String?
        var nextStep: String?
        var nextStepInDays: Int?
    }

    /// The card's own fields; `manager` below is a username, looked up on import.
    var fields: ClientDraft
    var manager: String?
    var contacts: [Contact]?
    var interactions: [Interaction]?

    private enum CodingKeys: String, CodingKey {
        case manager, contacts, interactions
    }

    init(from decoder: any Decoder) throws {
        fields = try ClientDraft(from: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        manager = try container.decodeIfPresent(String.self, forKey: .manager)
        contacts = try container.decodeIfPresent([Contact].self, forKey: .contacts)
        interactions = try container.decodeIfPresent([Interaction].self, forKey: .interactions)
    }

    func draft(managerId: Int64?) -> ClientDraft {
        var draft = fields
        draft.manager = managerId.map(String.init) ?? ""
        return draft
    }
}

extension ClientSeed.Contact {
    func draft(today: DayDate) -> ContactDraft {
        var draft = ContactDraft()
        draft.name = name
        draft.position = position ?? ""
        draft.phones = phones ?? ""
        draft.email = email ?? ""
        draft.messengers = messengers ?? ""
        draft.preferredChannel = preferredChannel ?? ""
        draft.callWhen = callWhen ?? ""
        draft.doNotCall = doNotCall ?? ""
        let upcoming = birthdayInDays.map { today.adding(days: $0) }
        draft.birthday = upcoming.map { String($0.iso.dropFirst(4)) }.map { "-\($0)" } ?? birthday ?? ""
        draft.notes = notes ?? ""
        return draft
    }
}

extension ClientSeed.Interaction {
    func draft(today: DayDate, contactId: Int64?) -> InteractionDraft {
        var draft = InteractionDraft()
        draft.kind = kind
        draft.date = today.adding(days: -daysAgo).iso
        draft.contact = contactId.map(String.init) ?? ""
        draft.summary = summary
        draft.outcome = outcome ?? ""
        draft.nextStep = nextStep ?? ""
        draft.nextStepDue = nextStepInDays.map { today.adding(days: $0).iso } ?? ""
        return draft
    }
}
