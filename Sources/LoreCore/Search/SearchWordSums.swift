import GRDB

/// Changes to the counts of the index's words (``SearchWords``), summed before they are written:
/// a word a document gained counts +1, a word it lost −1.
///
// Unchecked: only the thread running the connection's transaction touches one (see
// ``SearchWords/summing(_:_:)``); it is Sendable only to sit in that function's shared table.
final class SearchWordSums: @unchecked Sendable {
    private var pages: [String: Int] = [:]

    /// A document that had the words `old` now has `new`.
    func add(removing old: Set<String>, adding new: Set<String>) {
        for word in new.subtracting(old) { pages[word, default: 0] += 1 }
        for word in old.subtracting(new) { pages[word, default: 0] -= 1 }
    }

    /// Writes the sums (one statement per word, whatever number of documents changed it) and
    /// forgets them; a word no document has any more is removed.
    func write(_ db: Database) throws {
        // Nothing to write before the table exists (migrations before v32 rebuild the index).
        guard !pages.isEmpty else { return }
        let counted = try db.cachedStatement(sql: """
            INSERT INTO searchWord (word, pages) VALUES (?, ?) ON CONFLICT (word) DO UPDATE SET pages = pages + excluded.pages
            """)
        let gone = try db.cachedStatement(sql: "DELETE FROM searchWord WHERE word = ? AND pages <= 0")
        for (word, change) in pages where change != 0 {
            try counted.execute(arguments: [word, change])
            if change < 0 { try gone.execute(arguments: [word]) }
        }
        pages = [:]
    }
}
