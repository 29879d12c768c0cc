import Foundation
import GRDB
import Testing
@testable import LoreCore

@Suite struct AppDatabaseTests {
    @Test func migratesAnEmptyDatabase() async throws {
        let database = try AppDatabase.inMemory()
        let tables = try await database.reader.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        }
        for table in ["article", "articleLink", "category", "revision", "slugRedirect", "user"] {
            #expect(tables.contains(table))
        }
        #expect(try await database.isEmpty())
    }

    @Test func fileDatabaseUsesWALWithFullSyncAndForeignKeys() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lore-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = try AppDatabase.open(path: directory.appendingPathComponent("lore.sqlite").path)
        let (mode, synchronous, foreignKeys) = try await database.writer.write { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode"),
             try Int.fetchOne(db, sql: "PRAGMA synchronous"),
             try Int.fetchOne(db, sql: "PRAGMA foreign_keys"))
        }
        #expect(mode == "wal")
        #expect(synchronous == 2)  // FULL
        #expect(foreignKeys == 1)
    }

    @Test func reopeningKeepsDataAndDoesNotMigrateTwice() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lore-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("lore.sqlite").path
        do {
            let database = try AppDatabase.open(path: path)
            _ = try await UserService(database: database, passwordCost: 4).bootstrapAdministrator(password: "secret-password")
        }
        let reopened = try AppDatabase.open(path: path)
        let bootstrap = try await UserService(database: reopened, passwordCost: 4).bootstrapAdministrator(password: nil)
        #expect(bootstrap.generatedPassword == nil)
        #expect(bootstrap.administrator.username == "admin")
    }
}
