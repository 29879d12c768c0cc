import LoreCore

/// What a program sends to create or replace a card: the web form's fields, with tags as a
/// list. A property left out is empty, as the card is replaced whole.
struct ApiClientInput: ApiInput, Sendable {
    static let schema = "ClientInput"

    let fields: ClientFields
    /// The manager's user id, as a string; empty for none.
    let manager: String?

    private enum CodingKeys: String, CodingKey {
        case manager
    }

    init(from decoder: any Decoder) throws {
        fields = try ClientFields(from: decoder)
        manager = try decoder.container(keyedBy: CodingKeys.self).decodeIfPresent(String.self, forKey: .manager)
    }

    var draft: ClientDraft { fields.draft(manager: manager ?? "") }
}
