import Foundation
import GRDB

/// Owns the database connection and its schema. Every service reads and writes through it.
public struct AppDatabase: Sendable {
    public let writer: any DatabaseWriter
    /// Bumped by every commit that changes what a page could show.
    public let changes = DatabaseChanges()
    /// Whether e-mail is sent (a mail program is configured): events queue e-mail only then.
    public let mail = MailSwitch()
    /// The categories each kind of reader sees, kept for ``Viewer/categories()``.
    let readerCategories = ChangeKeyedCache<String, ReaderCategories>(limit: 1_000)
    /// What categories hand down to their pages, kept for ``Viewer/stewardshipDefaults()``.
    let stewardshipDefaults = ChangeKeyedCache<Int, Stewardship.Defaults>(limit: 1)

    /// Opens (creating if needed) the database file and brings its schema up to date.
    /// `busyTimeout`: how long to wait for the write lock. A command run beside a busy server
    /// (`lore backup`) waits longer than the server's own requests do.
    public static func open(path: String, busyTimeout: TimeInterval = 5) throws -> AppDatabase {
        let pool = try DatabasePool(path: path, configuration: makeConfiguration(busyTimeout: busyTimeout))
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
        // Search's word lists are part of the installation: without them, refuse to start.
        try Lexicon.verify()
        self.writer = writer
        // Checked in a read first: a command run beside the server (`lore backup`) must not wait
        // for the write lock, which a busy server may hold longer than the busy timeout.
        if try !writer.read({ db in try Self.migrator.hasCompletedMigrations(db) }) {
            try Self.migrator.migrate(writer)
        }
        writer.add(transactionObserver: DatabaseChanges.Observer(changes), extent: .databaseLifetime)
    }

    public var reader: any DatabaseReader { writer }

    static func makeConfiguration(busyTimeout: TimeInterval = 5) -> Configuration {
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(busyTimeout)
        config.prepareDatabase { db in
            // Every connection stems search text the same way (see StemmingTokenizer).
            db.add(tokenizer: StemmingTokenizer.self)
            RankFunction.register(db)
            ClientLookup.register(db)
            if let threshold = slowStatementThreshold {
                db.trace(options: .profile) { event in
                    if case .profile(let statement, let duration) = event, duration >= threshold {
                        FileHandle.standardError.write(Data("slow statement, \(Int(duration * 1000)) ms: \(statement.sql)\n".utf8))
                    }
                }
            }
        }
        return config
    }

    /// LORE_SLOW_STATEMENT_MS: statements that take at least this long are written to standard
    /// error with their SQL (not their arguments, which may be anyone's text), for profiling.
    static let slowStatementThreshold: TimeInterval? = ProcessInfo.processInfo.environment["LORE_SLOW_STATEMENT_MS"]
        .flatMap(Double.init).map { $0 / 1000 }
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
