import GRDB

extension SearchIndex {
    /// FTS5's merge command for each full-text table: whole statements, so no name is ever
    /// put into SQL.
    static let mergeStatements = [
        "INSERT INTO searchIndex (searchIndex, rank) VALUES ('merge', ?)",
        "INSERT INTO searchTitle (searchTitle, rank) VALUES ('merge', ?)",
    ]
    /// Pages of index written by one step: a step holds the write lock for tens of milliseconds.
    static let pagesPerTidyStep = 400

    /// One step of merging a table's segments (`merge`, one of ``mergeStatements``) into one, as FTS5's `optimize` does at once.
    /// The first step (`starting`) puts every segment on one level; later ones carry that merge
    /// on, so segments written meanwhile do not start it again. True when the step did work.
    static func tidyStep(_ merge: String, starting: Bool, _ db: Database) throws -> Bool {
        let before = db.totalChangesCount
        try db.execute(sql: merge, arguments: [starting ? -pagesPerTidyStep : pagesPerTidyStep])
        // FTS5's documented test: fewer than two changes means there was nothing left to merge.
        return db.totalChangesCount - before >= 2
    }
}
