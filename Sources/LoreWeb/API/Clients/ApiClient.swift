import Foundation
import LoreCore

/// A client card with its people, its timeline and the knowledge about it that the caller may read.
struct ApiClient: Encodable, Sendable {
    struct Manager: Encodable, Sendable {
        let id: Int64
        let name: String
    }

    struct Knowledge: Encodable, Sendable {
        let slug: String
        let title: String
        let url: String
        let linkedByHand: Bool
    }

    let card: ClientCard
    let schema: ClientSchema

    func encode(to encoder: any Encoder) throws {
        let client = card.client
        var container = encoder.container(keyedBy: AnyKey.self)
        try container.encode(client.id ?? 0, forKey: AnyKey("id"))
        try container.encode(client.slug, forKey: AnyKey("slug"))
        try container.encode(Paths.client(client.slug), forKey: AnyKey("url"))
        try container.encode(client.version, forKey: AnyKey("version"))
        try container.encode(client.createdAt, forKey: AnyKey("createdAt"))
        try container.encode(client.updatedAt, forKey: AnyKey("updatedAt"))
        try ApiSchemaFields.encode(client, schema.client, into: &container)
        try container.encode(zip(client.managerId, card.managerName).map(Manager.init), forKey: AnyKey("manager"))
        try container.encode(card.notesHTML, forKey: AnyKey("notesHtml"))
        try container.encode(card.contacts.map { ApiContact($0, schema: schema) }, forKey: AnyKey("contacts"))
        try container.encode(card.interactions.map(ApiInteraction.init), forKey: AnyKey("interactions"))
        try container.encode(card.knowledge.map { Knowledge(slug: $0.slug, title: $0.title, url: Paths.article($0.slug), linkedByHand: $0.linkedByHand) },
                             forKey: AnyKey("articles"))
    }

    /// What updates are based on: the card's version, as `If-Match` names it.
    static func version(_ client: Client) -> String { "v\(client.version)" }

    /// A card in a list.
    struct Summary: Encodable, Sendable {
        let id: Int64
        let slug: String
        let name: String
        let kind: String
        let status: String
        let segment: String
        @Null var manager: Manager?
        let tags: [String]
        @Null var lastContactAt: Date?
        let updatedAt: Date
        let version: Int
        let url: String

        init(_ item: ClientListItem) {
            let client = item.client
            id = client.id ?? 0
            slug = client.slug
            name = client.name
            kind = client.kind.rawValue
            status = client.status.rawValue
            segment = client.segment
            manager = zip(client.managerId, item.managerName).map(Manager.init)
            tags = client.tags
            lastContactAt = item.lastContactAt
            updatedAt = client.updatedAt
            version = client.version
            url = Paths.client(client.slug)
        }
    }
}

/// Both present, or nil.
private func zip<A, B>(_ a: A?, _ b: B?) -> (A, B)? {
    guard let a, let b else { return nil }
    return (a, b)
}
