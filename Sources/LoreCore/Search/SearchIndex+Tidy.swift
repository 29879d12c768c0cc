import GRDB

extension SearchIndex {
    /// The full-text tables, whose segments tidying merges.
    static let tables = ["searchIndex", "searchTitle"]
    /// Pages of index written by one step: a step holds the write lock for tens of milliseconds.
    static let pagesPerTidyStep = 400

    /// One step of merging the table's segments into one, as FTS5's `optimize` does at once.
    /// The first step (`starting`) puts every segment on one level; later ones carry that merge
    /// on, so segments written meanwhile do not start it again. True when the step did work.
    static func tidyStep(_ table: String, starting: Bool, _ db: Database) throws -> Bool {
        let before = db.totalChangesCount
        try db.execute(sql: "INSERT INTO \(table) (\(table), rank) VALUES ('merge', ?)",
                       arguments: [starting ? -pagesPerTidyStep : pagesPerTidyStep])
        // FTS5's documented test: fewer than two changes means there was nothing left to merge.
        return db.totalChangesCount - before >= 2
    }
}
