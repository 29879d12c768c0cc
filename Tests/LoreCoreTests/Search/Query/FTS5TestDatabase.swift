import GRDB

/// An in-memory SQLite database with an FTS5 table shaped like Lore's `searchIndex`, used to
/// check generated expressions against the real FTS5 parser rather than our idea of it.
///
/// The default `unicode61` tokenizer lowercases but does not stem, so semantic tests use
/// the exact word forms present in the rows.
final class FTS5TestDatabase {
    typealias SQLiteError = DatabaseError

    /// Row ids match the position in this list (1-based).
    static let rows: [(title: String, headings: String, body: String, extra: String)] = [
        ("Vacation policy", "Rules", "How to request vacation days before the holiday", ""),
        ("Отпуск", "Правила", "Как оформить отпуск заранее", ""),
        ("E-mail setup", "Mail", "Configure your e-mail client", ""),
        ("Holiday calendar", "", "Days off and the holiday list", "calendar"),
        ("Командировка", "Расходы", "Отчёт о командировке и отпуск без содержания", ""),
    ]

    private let queue: DatabaseQueue

    init() throws {
        queue = try DatabaseQueue()
        try queue.write { db in
            try db.execute(sql: "CREATE VIRTUAL TABLE t USING fts5(title, headings, body, extra)")
            for row in Self.rows {
                try db.execute(sql: "INSERT INTO t(title, headings, body, extra) VALUES (?, ?, ?, ?)",
                               arguments: [row.title, row.headings, row.body, row.extra])
            }
        }
    }

    /// Row ids matching `expression`, sorted; throws the SQLite error if FTS5 rejects it.
    func match(_ expression: String) throws -> [Int64] {
        try queue.read { db in
            try Int64.fetchAll(db, sql: "SELECT rowid FROM t WHERE t MATCH ? ORDER BY rowid", arguments: [expression])
        }
    }
}
