import Foundation

/// Everything a client's page shows, already narrowed to what its viewer may see.
public struct ClientCard: Sendable {
    public struct Interaction: Sendable {
        public let interaction: ClientInteraction
        public let authorName: String
        public let contactName: String?
    }

    public struct Change: Sendable {
        public let change: ClientChange
        public let authorName: String
    }

    /// An article that concerns the client: it links to the card, or someone linked it by hand.
    public struct Knowledge: Sendable {
        public let slug: String
        public let title: String
        public let categoryId: Int64
        public let linkedByHand: Bool
    }

    public let client: Client
    /// The notes' HTML with links hidden from the viewer shown as missing.
    public let notesHTML: String
    public let managerName: String?
    public let contacts: [ClientContact]
    public let interactions: [Interaction]
    public let changes: [Change]
    public let knowledge: [Knowledge]
}
