import LoreCore

/// A person at a client.
struct ApiContact: Encodable, Sendable {
    let id: Int64
    let name: String
    let position: String
    let phones: String
    let email: String
    let messengers: String
    let preferredChannel: String
    let callWhen: String
    let doNotCall: String
    let birthday: String
    let notes: String

    init(_ contact: ClientContact) {
        id = contact.id ?? 0
        name = contact.name
        position = contact.position
        phones = contact.phones
        email = contact.email
        messengers = contact.messengers
        preferredChannel = contact.preferredChannel
        callWhen = contact.callWhen
        doNotCall = contact.doNotCall
        birthday = contact.birthday
        notes = contact.notes
    }

    struct Input: ApiInput, Sendable {
        static let schema = "ContactInput"

        let name: String?
        let position: String?
        let phones: String?
        let email: String?
        let messengers: String?
        let preferredChannel: String?
        let callWhen: String?
        let doNotCall: String?
        let birthday: String?
        let notes: String?

        var draft: ContactDraft {
            var draft = ContactDraft()
            draft.name = name ?? ""
            draft.position = position ?? ""
            draft.phones = phones ?? ""
            draft.email = email ?? ""
            draft.messengers = messengers ?? ""
            draft.preferredChannel = preferredChannel ?? ""
            draft.callWhen = callWhen ?? ""
            draft.doNotCall = doNotCall ?? ""
            draft.birthday = birthday ?? ""
            draft.notes = notes ?? ""
            return draft
        }
    }
}
