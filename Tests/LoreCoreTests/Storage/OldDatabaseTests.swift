import Foundation
import GRDB
import Testing
@testable import LoreCore

/// A database written by an earlier release (`Tests/Fixtures/Databases`, made by the v28 server
/// on the fixture content, one client card and a save and a comment by Marina) opens with
/// today's code: migrations only ever add to what old databases have, and nothing is lost.
@Suite struct OldDatabaseTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/Databases/lore-v28.sqlite")

    /// A copy of the fixture, so that migrating it leaves the committed file as the old release wrote it.
    static func openCopy() throws -> (AppDatabase, URL) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lore-old-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("lore.sqlite")
        try FileManager.default.copyItem(at: fixture, to: path)
        return (try AppDatabase.open(path: path.path), directory)
    }

    @Test func registeredMigrationsNeverChangeOnlyGrow() throws {
        let old = try DatabaseQueue(path: Self.fixture.path, configuration: { var c = Configuration(); c.readonly = true; return c }())
        let applied = try old.read { db in try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid") }
        #expect(applied.count == 28)
        #expect(Array(AppDatabase.migrator.migrations.prefix(applied.count)) == applied,
                "a migration the old release ran was renamed, removed or moved: add a new one instead")
    }

    @Test func anOldDatabaseMigratesToTheNewestSchemaAndKeepsItsData() async throws {
        let (database, directory) = try Self.openCopy()
        defer { try? FileManager.default.removeItem(at: directory) }
        let applied = try await database.reader.read { db in try AppDatabase.migrator.appliedIdentifiers(db) }
        #expect(Set(applied) == Set(AppDatabase.migrator.migrations))

        let login = LoginService(database: database, throttle: LoginThrottle(), passwordCost: 4)
        let marina = try #require(try await login.authenticate(login: "marina", password: "demopass123", address: "127.0.0.1"))
        #expect(marina.displayName == "Марина Соколова")
        let admin = try #require(try await login.authenticate(login: "admin", password: "adminpass123", address: "127.0.0.1"))
        let adminId = try #require(admin.id)
        let principal = try #require(try await PrincipalLoader(database: database).principal(userId: adminId))

        guard case .found(let vacations) = try await ArticleQueries(database: database).article(slug: "vacations", for: principal) else {
            Issue.record("the article is gone")
            return
        }
        #expect(vacations.revision == 2 && vacations.body.contains("Carry-over ends on 31 March."))
        let history = try await HistoryQueries(database: database).history(of: vacations, page: 1, for: principal)
        #expect(history.revisions.map(\.summary).contains("Carry-over deadline"))

        let found = try await SearchService(database: database).search(SearchQuery("отпуск"), for: principal)
        #expect(found.hits.contains { $0.path == "/a/vacations" }, "the old search index still answers")

        let (clients, contacts, comments) = try await database.reader.read { db in
            (try String.fetchAll(db, sql: "SELECT slug FROM client"), try Int.fetchOne(db, sql: "SELECT count(*) FROM clientContact"),
             try String.fetchAll(db, sql: "SELECT body FROM comment"))
        }
        #expect(clients == ["aurora-pharma"] && contacts == 3)
        #expect(comments == ["Questions about carry-over go to HR."])
    }
}
