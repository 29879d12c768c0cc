import Foundation
import GRDB

/// Owns the database connection and its schema. Every service reads and writes through it.
public struct AppDatabase: Sendable {
    public let writer: any DatabaseWriter
    /// Bumped by every commit that changes what a page could show.
    public let changes = DatabaseChanges()

    /// Opens (creating if needed) the database file and brings its schema up to date.
    public static func open(path: String) throws -> AppDatabase {
        let pool = try DatabasePool(path: path, configuration: makeConfiguration())
        // GRDB sets synchronous=NORMAL on the WAL writer, which may lose the last commits on a
        // power cut; a save the user was told succeeded must survive that, so ask for FULL.
        try pool.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        return try AppDatabase(writer: pool)
    }

    /// An empty database in memory with the full schema, for tests and previews.
    public static func inMemory() throws -> AppDatabase {
        try AppDatabase(writer: DatabaseQueue(configuration: makeConfiguration()))
    }

    init(writer: any DatabaseWriter) throws {
        self.writer = writer
        try Self.migrator.migrate(writer)
        writer.add(transactionObserver: DatabaseChanges.Observer(changes), extent: .databaseLifetime)
    }

    public var reader: any DatabaseReader { writer }

    static func makeConfiguration() -> Configuration {
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(5)
        config.prepareDatabase { db in
            // Every connection stems search text the same way (see StemmingTokenizer).
            db.add(tokenizer: StemmingTokenizer.self)
        }
        return config
    }
}

extension AppDatabase {
    /// Copies the write-ahead log into the database file and empties it, waiting for readers.
    public func checkpoint() async throws {
        try await writer.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
    }

    /// True before anything was written: no category and no article yet.
    public func isEmpty() async throws -> Bool {
        try await reader.read { db in
            try Category.fetchCount(db) == 0 && Article.fetchCount(db) == 0
        }
    }
}
