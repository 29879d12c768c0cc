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

    let id: Int64
    let slug: String
    let name: String
    let kind: String
    let status: String
    let segment: String
    @Null var manager: Manager?
    let tags: [String]
    let updatedAt: Date
    let version: Int
    let url: String
    let source: String
    let frequency: String
    let legalName: String
    let inn: String
    let kpp: String
    let ogrn: String
    let legalAddress: String
    let bankDetails: String
    let address: String
    let phones: String
    let emails: String
    let website: String
    let officeHours: String
    let preferences: String
    let notes: String
    let notesHtml: String
    let createdAt: Date
    let contacts: [ApiContact]
    let interactions: [ApiInteraction]
    let articles: [Knowledge]

    init(_ card: ClientCard) {
        let client = card.client
        id = client.id ?? 0
        slug = client.slug
        name = client.name
        kind = client.kind.rawValue
        status = client.status.rawValue
        segment = client.segment
        manager = zip(client.managerId, card.managerName).map(Manager.init)
        tags = client.tags
        updatedAt = client.updatedAt
        version = client.version
        url = Paths.client(client.slug)
        source = client.source
        frequency = client.frequency
        legalName = client.legalName
        inn = client.inn
        kpp = client.kpp
        ogrn = client.ogrn
        legalAddress = client.legalAddress
        bankDetails = client.bankDetails
        address = client.address
        phones = client.phones
        emails = client.emails
        website = client.website
        officeHours = client.officeHours
        preferences = client.preferences
        notes = client.notes
        notesHtml = card.notesHTML
        createdAt = client.createdAt
        contacts = card.contacts.map(ApiContact.init)
        interactions = card.interactions.map(ApiInteraction.init)
        articles = card.knowledge.map { Knowledge(slug: $0.slug, title: $0.title, url: Paths.article($0.slug), linkedByHand: $0.linkedByHand) }
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
