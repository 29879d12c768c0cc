/// A client card's fields as JSON carries them, each of which may be left out: what the API
/// receives and what the sample cards in `Content/clients/` hold. Left out means empty, or the
/// card's default kind and status.
public struct ClientFields: Decodable, Sendable {
    public var name: String?
    public var kind: String?
    public var status: String?
    public var segment: String?
    public var source: String?
    public var frequency: String?
    public var legalName: String?
    public var inn: String?
    public var kpp: String?
    public var ogrn: String?
    public var legalAddress: String?
    public var bankDetails: String?
    public var address: String?
    public var phones: String?
    public var emails: String?
    public var website: String?
    public var officeHours: String?
    public var preferences: String?
    public var tags: [String]?
    public var notes: String?

    /// The draft of a card with these fields; `manager` is the manager's user id as text ("" for none).
    public func draft(manager: String) -> ClientDraft {
        var draft = ClientDraft()
        draft.name = name ?? ""
        draft.kind = kind ?? draft.kind
        draft.status = status ?? draft.status
        draft.segment = segment ?? ""
        draft.source = source ?? ""
        draft.frequency = frequency ?? ""
        draft.manager = manager
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
