import Foundation

/// A contact person as typed on the card.
public struct ContactDraft: Sendable, Equatable {
    public var name = ""
    public var position = ""
    public var phones = ""
    public var email = ""
    public var messengers = ""
    public var preferredChannel = ""
    public var callWhen = ""
    public var doNotCall = ""
    public var birthday = ""
    public var notes = ""

    public init() {}

    public init(_ contact: ClientContact) {
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

    func apply(to contact: inout ClientContact) throws {
        var v = Validator()
        contact.name = v.text("name", name, maxBytes: ClientDraft.shortText)
        contact.position = v.text("position", position, required: false, maxBytes: ClientDraft.shortText)
        contact.phones = v.list("phones", phones, valid: ContactFormat.isValidPhone, problem: .invalidPhone)
        contact.email = v.text("email", email, required: false, maxBytes: ClientDraft.shortText)
        if !contact.email.isEmpty, !ContactFormat.isValidEmail(contact.email) { v.add("email", .invalidEmail) }
        contact.messengers = v.text("messengers", messengers, required: false, maxBytes: ClientDraft.shortText)
        contact.preferredChannel = v.optionalChoice("preferredChannel", preferredChannel, ContactChannel.self)
        contact.callWhen = v.text("callWhen", callWhen, required: false, maxBytes: ClientDraft.shortText)
        contact.doNotCall = v.text("doNotCall", doNotCall, required: false, maxBytes: ClientDraft.shortText)
        let birthday = v.text("birthday", birthday, required: false, maxBytes: 32)
        if birthday.isEmpty {
            contact.birthday = ""
        } else if let parsed = DateInput.parseBirthday(birthday) {
            contact.birthday = parsed.iso
        } else {
            v.add("birthday", .invalidDate)
        }
        contact.notes = v.text("notes", notes, required: false, maxBytes: ClientDraft.longText)
        try v.check()
    }
}
