import LoreCore

/// A person at a client: the schema's fields, with the row's id.
struct ApiContact: Encodable, Sendable {
    let contact: ClientContact
    let schema: ClientSchema

    init(_ contact: ClientContact, schema: ClientSchema) {
        self.contact = contact
        self.schema = schema
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyKey.self)
        try container.encode(contact.id ?? 0, forKey: AnyKey("id"))
        try ApiSchemaFields.encode(contact, schema.contact, into: &container)
    }

    struct Input: ApiInput, Sendable {
        static let schema = "ContactInput"

        let draft: ContactDraft

        init(from decoder: any Decoder) throws {
            draft = try ContactDraft(from: decoder)
        }
    }
}
