import Foundation
import GRDB

/// Imports the sample client cards (`Content/clients/*.json`) with their contacts and timelines,
/// all or nothing. Cards whose slug exists already are left alone.
public struct SampleClients: Sendable {
    /// The folder of the content directory that holds client cards rather than a category.
    public static let folder = "clients"

    let database: AppDatabase

    public init(database: AppDatabase) {
        self.database = database
    }

    /// Returns how many cards were created.
    @discardableResult
    public func importFolder(at folder: URL, by principal: Principal) async throws -> Int {
        try AccessPolicy(principal).requireClients(.clientsEdit)
        let files = ((try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? [])
            .filter { $0.pathExtension == "json" }.sorted { $0.lastPathComponent < $1.lastPathComponent }
        var seeds: [(slug: String, seed: ClientSeed)] = []
        for file in files {
            do {
                seeds.append((file.deletingPathExtension().lastPathComponent, try JSONDecoder().decode(ClientSeed.self, from: Data(contentsOf: file))))
            } catch {
                throw ValidationError(field: file.lastPathComponent, .invalidText)
            }
        }
        let author = try principal.authorId()
        let parsed = seeds
        return try await database.writer.write { db in
            var created = 0
            for (slug, seed) in parsed where try Client.filter(Column("slug") == slug).fetchCount(db) == 0 {
                try Self.insert(seed, slug: slug, defaultAuthor: author, db)
                created += 1
            }
            return created
        }
    }

    /// A year and a half of orders, so the sales summary shows segments on first start: regular
    /// clients buy monthly, active ones every two months, dormant ones stopped half a year ago,
    /// former ones long ago; leads have bought nothing. Amounts vary by client, the same every run.
    private static func purchases(of client: Client, by manager: Int64, today: DayDate, now: Date, _ db: Database) throws {
        let rhythm: (every: Int, lastDaysAgo: Int)
        switch client.status {
        case .regular: rhythm = (30, 6)
        case .active: rhythm = (61, 25)
        case .dormant: rhythm = (45, 190)
        case .former: rhythm = (90, 420)
        case .lead: return
        }
        let seed = client.slug.utf8.reduce(7) { ($0 &* 31 &+ Int($1)) & 0xFFFF }
        var daysAgo = rhythm.lastDaysAgo
        while daysAgo < 540 {
            var purchase = Purchase(id: nil, clientId: client.id ?? 0, date: today.adding(days: -daysAgo).iso,
                                    amount: Int64(40_000 + (seed % 23) * 15_000 + (daysAgo % 7) * 1_000) * 100, currency: "RUB",
                                    note: "", createdById: manager, createdAt: now)
            try purchase.insert(db)
            daysAgo += rhythm.every
        }
    }

    private static func insert(_ seed: ClientSeed, slug: String, defaultAuthor: Int64, _ db: Database) throws {
        let now = Date()
        let today = DayDate(now)
        func user(_ username: String?) throws -> Int64? {
            try username.flatMap { try Int64.fetchOne(db, sql: "SELECT id FROM user WHERE username = ?", arguments: [$0]) }
        }
        let manager = try user(seed.manager) ?? defaultAuthor
        let writer = ClientWriter(db: db, authorId: manager, now: now)
        var client = try writer.insert(seed.draft(managerId: manager))
        if client.slug != slug {
            // The file name is the address articles link to.
            client.slug = slug
            try client.update(db, columns: ["slug"])
            try SearchIndex.update(client, db)
        }
        var contactIds: [String: Int64] = [:]
        for contact in seed.contacts ?? [] {
            contactIds[contact.name] = try writer.addContact(contact.draft(today: today), to: client).id
        }
        try purchases(of: client, by: manager, today: today, now: now, db)
        // Oldest first, so the timeline and its history read in the order things happened.
        for interaction in (seed.interactions ?? []).sorted(by: { $0.daysAgo > $1.daysAgo }) {
            let author = try user(interaction.author) ?? manager
            _ = try ClientWriter(db: db, authorId: author, now: now)
                .addInteraction(interaction.draft(today: today, contactId: interaction.contact.flatMap { contactIds[$0] }), to: client)
        }
    }
}
