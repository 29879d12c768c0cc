import GRDB

extension SearchIndex {
    /// FTS5's merge command for each full-text table: whole statements, so no name is ever
    /// put into SQL.
    static let mergeStatements = [
        "INSERT INTO searchIndex (searchIndex, rank) VALUES ('merge', ?)",
        "INSERT INTO searchTitle (searchTitle, rank) VALUES ('merge', ?)",
    ]
    /// Segments on one level that a save merges at once; FTS5's default is 16. Each search seeks
    /// every phrase in every segment, and snippets seek them again for each page shown: between
    /// the nightly tidies, saves left up to 22 segments (12 on average) where 4 leave up to 12
    /// (6), for under a millisecond more on a save. Three-word searches over 100,000 articles
    /// in 15 segments spent 12 ms ranking and 47 ms on snippets (statements traced) against 8.5
    /// and 7 in one segment.
    static let crisisMerge = 4

    /// Sets ``crisisMerge`` on both full-text tables; FTS5 keeps it in their configuration.
    static func mergeSegmentsSooner(_ db: Database) throws {
        try db.execute(sql: "INSERT INTO searchIndex (searchIndex, rank) VALUES ('crisismerge', ?)", arguments: [crisisMerge])
        try db.execute(sql: "INSERT INTO searchTitle (searchTitle, rank) VALUES ('crisismerge', ?)", arguments: [crisisMerge])
    }

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
