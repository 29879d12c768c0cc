import Foundation
import GRDB
import Testing
@testable import LoreCore

/// A small company for notification tests: "Handbook" every employee reads, "Board" only the
/// Board role reads; Anna writes in both, Ivan is an employee, Olga sits on the board.
struct NotificationSetup {
    let world: TestWorld
    let handbook: Category
    let board: Category
    let page: Article
    let secret: Article
    let anna: Principal
    let ivan: Principal
    let olga: Principal
    let notifications: NotificationService

    init(mailOn: Bool = true) async throws {
        world = try await TestWorld()
        world.database.mail.set(mailOn)
        handbook = try await world.category("Handbook")
        board = try await world.category("Board")
        let writers = try await world.role("Writers"), members = try await world.role("Board members")
        let employee = try await world.roles.role(kind: .employee)
        try await world.grant(.read, to: employee, on: handbook)
        try await world.grant(.edit, to: writers, on: handbook)
        try await world.grant(AccessLevel.none, to: employee, on: board)
        try await world.grant(.edit, to: writers, on: board)
        try await world.grant(.read, to: members, on: board)
        page = try await world.article("Vacations", in: handbook, body: "Ask your manager.")
        secret = try await world.article("Merger plan", in: board, body: "We buy Globex.")
        anna = try await world.user("anna", roles: [writers])
        ivan = try await world.user("ivan")
        olga = try await world.user("olga", roles: [members])
        for (principal, address) in [(anna, "anna@lore.example"), (ivan, "ivan@lore.example"), (olga, "olga@lore.example")] {
            try await world.database.writer.write { db in
                try db.execute(sql: "UPDATE user SET email = ? WHERE id = ?", arguments: [address, principal.userId])
            }
        }
        notifications = NotificationService(database: world.database)
    }

    /// Everything told to `principal`, as stored (nothing re-checked).
    func stored(for principal: Principal) async throws -> [NotificationEntry] {
        try await world.database.reader.read { db in
            try NotificationEntry.filter(Column("userId") == principal.userId!).order(Column("id")).fetchAll(db)
        }
    }

    /// The e-mails queued to `principal`.
    func mails(to principal: Principal) async throws -> [OutgoingMail] {
        try await world.database.reader.read { db in
            try OutgoingMail.filter(Column("userId") == principal.userId!).order(Column("id")).fetchAll(db)
        }
    }

    func save(_ article: Article, _ body: String, by principal: Principal, minor: Bool = false) async throws -> Article {
        let current = try await world.current(article.slug)
        var draft = ArticleDraft(title: current.title, slug: current.slug, categoryId: current.categoryId, body: body)
        draft.isMinor = minor
        return try await world.articles.save(id: current.id!, draft, baseRevision: current.revision, by: principal)
    }
}
