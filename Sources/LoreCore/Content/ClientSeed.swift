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

    var name: String
    var kind: String?
    var status: String?
    var segment: String?
    var source: String?
    var frequency: String?
    var manager: String?
    var legalName: String?
    var inn: String?
    var kpp: String?
    var ogrn: String?
    var legalAddress: String?
    var bankDetails: String?
    var address: String?
    var phones: String?
    var emails: String?
    var website: String?
    var officeHours: String?
    var preferences: String?
    var tags: [String]?
    var notes: String?
    var contacts: [Contact]?
    var interactions: [Interaction]?

    func draft(managerId: Int64?) -> ClientDraft {
        var draft = ClientDraft()
        draft.name = name
        draft.kind = kind ?? ClientKind.company.rawValue
        draft.status = status ?? ClientStatus.lead.rawValue
        draft.segment = segment ?? ""
        draft.source = source ?? ""
        draft.frequency = frequency ?? ""
        draft.manager = managerId.map(String.init) ?? ""
        draft.legalName = legalName ?? ""
        draft.inn = inn ?? ""
        draft.kpp = kpp ?? ""
        draft.ogrn = ogrn ?? ""
        draft.legalAddress = legalAddress ?? ""
        draft.bankDetails = bankDetails ?? ""
        draft.address = address ?? ""
        draft.phones = phones ?? ""
        draft.emails = emails ?? ""
        draft.website = website ?? ""
        draft.officeHours = officeHours ?? ""
        draft.preferences = preferences ?? ""
        draft.tags = (tags ?? []).joined(separator: ", ")
        draft.notes = notes ?? ""
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
