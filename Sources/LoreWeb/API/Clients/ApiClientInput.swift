import LoreCore

/// What a program sends to create or replace a card: the web form's fields, with tags as a
/// list. A property left out is empty, as the card is replaced whole.
struct ApiClientInput: Decodable, Sendable {
    let name: String?
    let kind: String?
    let status: String?
    let segment: String?
    let source: String?
    let frequency: String?
    /// The manager's user id, as a string; empty for none.
    let manager: String?
    let legalName: String?
    let inn: String?
    let kpp: String?
    let ogrn: String?
    let legalAddress: String?
    let bankDetails: String?
    let address: String?
    let phones: String?
    let emails: String?
    let website: String?
    let officeHours: String?
    let preferences: String?
    let tags: [String]?
    let notes: String?

    var draft: ClientDraft {
        var draft = ClientDraft()
        draft.name = name ?? ""
        draft.kind = kind ?? draft.kind
        draft.status = status ?? draft.status
        draft.segment = segment ?? ""
        draft.source = source ?? ""
        draft.frequency = frequency ?? ""
        draft.manager = manager ?? ""
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
