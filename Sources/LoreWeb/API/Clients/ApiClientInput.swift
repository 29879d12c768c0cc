import LoreCore

/// What a program sends to create or replace a card: the schema's fields by key, tags as a
/// list, administrators' fields inside `custom`. A property left out is empty, as the card is
/// replaced whole.
struct ApiClientInput: ApiInput, Sendable {
    static let schema = "ClientInput"

    let draft: ClientDraft

    init(from decoder: any Decoder) throws {
        draft = try ClientDraft(from: decoder)
    }
}
