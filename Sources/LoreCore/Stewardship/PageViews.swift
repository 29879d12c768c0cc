import Foundation
import GRDB
import Synchronization

/// When each page was last read, for the content-health list of pages nobody reads. Views are
/// counted in memory as pages are served (cached ones too) and written once a minute in one
/// transaction, so reading never waits for a write; a crash loses at most that minute.
public final class PageViews: Sendable {
    private let database: AppDatabase
    private let seen = Mutex<[String: Date]>([:])

    public init(database: AppDatabase) {
        self.database = database
    }

    public func record(slug: String, at date: Date = Date()) {
        seen.withLock { seen in
            // A flood of made-up addresses must not grow the buffer without end.
            if seen.count < 100_000 || seen[slug] != nil { seen[slug] = date }
        }
    }

    /// Writes the views counted since the last flush.
    public func flush() async throws {
        let views = seen.withLock { seen in
            defer { seen.removeAll(keepingCapacity: true) }
            return seen
        }
        guard !views.isEmpty else { return }
        try await database.writer.write { db in
            for (slug, date) in views {
                try db.execute(sql: """
                    INSERT INTO articleView (articleId, lastViewedAt) SELECT id, ? FROM article WHERE slug = ?
                    ON CONFLICT (articleId) DO UPDATE SET lastViewedAt = MAX(lastViewedAt, excluded.lastViewedAt)
                    """, arguments: [date, slug])
            }
        }
    }

    static func createTable(_ db: Database) throws {
        try db.create(table: "articleView") { t in
            t.primaryKey("articleId", .integer).references("article", onDelete: .cascade)
            t.column("lastViewedAt", .datetime).notNull()
        }
    }
}
