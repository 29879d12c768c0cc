import GRDB

/// Keeps the full-text index in step with what it indexes, inside the caller's transaction.
///
/// One FTS5 table holds every kind of searchable thing; `searchDocument` maps its rowids to
/// the thing (kind and id), so a client card is indexed by adding a kind, not a table.
/// Columns, most weighty first: title, headings, body, extra (the category path for articles).
/// A document also records its category, so that rights narrow a search without reading the
/// article rows of every match.
enum SearchIndex {
    enum Kind: String {
        case article
        case client
    }

    static func createTables(_ db: Database) throws {
        try db.create(table: "searchDocument") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("kind", .text).notNull()
            t.column("refId", .integer).notNull()
            t.column("categoryId", .integer)
            t.uniqueKey(["kind", "refId"])
        }
        // Prefix indexes up to 4 characters make suggestions as you type and short prefix*
        // searches read one list instead of merging those of every word that starts so.
        try db.execute(sql: """
            CREATE VIRTUAL TABLE searchIndex USING fts5(title, headings, body, extra, tokenize = '\(StemmingTokenizer.name)', prefix = '2 3 4')
            """)
        try setRanking(db)
        // Titles again, alone: suggestions as you type look only at titles, and a table of its
        // own keeps their lists short instead of filtering every body's.
        try db.execute(sql: """
            CREATE VIRTUAL TABLE searchTitle USING fts5(title, tokenize = '\(StemmingTokenizer.name)', prefix = '2 3 4')
            """)
    }

    /// The index's words (stems and words as written), for spelling corrections (``SpellingCorrector``).
    static func createVocabulary(_ db: Database) throws {
        try db.execute(sql: "CREATE VIRTUAL TABLE searchVocabulary USING fts5vocab(searchIndex, row)")
    }

    /// FTS5's own rank for the table, as the first search set it (bm25: title 10, headings 4,
    /// category path 2). Nothing orders by it since `lore_rank` ranks (``RankFunction``); it stays
    /// because this is a migration's step, and a database made today must be made as before.
    private static func setRanking(_ db: Database) throws {
        try db.execute(sql: "INSERT INTO searchIndex (searchIndex, rank) VALUES ('rank', 'bm25(10.0, 4.0, 1.0, 2.0)')")
    }

    /// Indexes the article as it is now: a live article replaces its entry, a trashed one loses it.
    /// Migrations made before the index's words were counted rebuild it without (`countingWords`).
    static func update(_ article: Article, _ db: Database, countingWords: Bool = true) throws {
        guard let id = article.id else { return }
        guard !article.isDeleted else { return try remove(.article, id, db) }
        // The titles above the article's category, up to the first that sets grants of its own:
        // below that one every category is seen by exactly those who see it, while a category
        // above may be hidden from a reader of this one, and must not be found through it.
        let categoryPath = try String.fetchAll(db, sql: """
            WITH RECURSIVE up(id, parentId, title, depth, ownGrants) AS (
                SELECT id, parentId, title, 0, EXISTS (SELECT 1 FROM categoryGrant WHERE categoryId = category.id)
                FROM category WHERE id = ?
                UNION ALL SELECT c.id, c.parentId, c.title, up.depth + 1, EXISTS (SELECT 1 FROM categoryGrant WHERE categoryId = c.id)
                FROM category c JOIN up ON c.id = up.parentId WHERE NOT up.ownGrants)
            SELECT title FROM up ORDER BY depth DESC
            """, arguments: [article.categoryId]).joined(separator: " › ")
        try put(.article, id, categoryId: article.categoryId, title: article.title, headings: article.outline.map(\.text).joined(separator: "\n"),
                body: PlainText.from(html: article.html), extra: categoryPath, countingWords: countingWords, db)
    }

    /// Indexes a client card: its names and requisites weigh like a title and headings, its
    /// people, preferences and notes like a body, its segment, tags and address like a category.
    static func update(_ client: Client, _ db: Database, countingWords: Bool = true) throws {
        guard let id = client.id else { return }
        guard !client.isDeleted else { return try remove(.client, id, db) }
        let contacts = try ClientContact.filter(Column("clientId") == id).fetchAll(db).map { contact in
            [contact.name, contact.position, contact.email, contact.phones, contact.notes].filter { !$0.isEmpty }.joined(separator: " ")
        }
        let body = ([client.preferences, client.phones, client.emails, client.website] + contacts + [PlainText.from(html: client.notesHTML)])
            .filter { !$0.isEmpty }.joined(separator: "\n")
        // Fields administrators added are found like the segment (sorted, so the text does not change with dictionary order).
        let custom = client.custom.sorted { $0.key < $1.key }.map(\.value)
        try put(.client, id, categoryId: nil, title: client.name, headings: [client.legalName, client.inn, client.ogrn].joined(separator: "\n"),
                body: body, extra: ([client.segment, client.address] + client.tags + custom).joined(separator: " "),
                countingWords: countingWords, db)
    }

    static func remove(_ kind: Kind, _ id: Int64, _ db: Database) throws {
        guard let rowid = try Int64.fetchOne(db, sql: "SELECT id FROM searchDocument WHERE kind = ? AND refId = ?",
                                             arguments: [kind.rawValue, id]) else { return }
        try SearchWords.replace(SearchWords.words(ofDocument: rowid, db), with: [], db)
        try db.execute(sql: "DELETE FROM searchIndex WHERE rowid = ?", arguments: [rowid])
        try db.execute(sql: "DELETE FROM searchTitle WHERE rowid = ?", arguments: [rowid])
        try db.execute(sql: "DELETE FROM searchDocument WHERE id = ?", arguments: [rowid])
    }

    /// After a category is renamed or moved, or its grants change: its articles and those below
    /// it carry its path (as far up as it is seen alike).
    static func updateArticles(inCategoryTree path: String, _ db: Database) throws {
        let articles = try Article.fetchAll(db, sql: """
            SELECT article.* FROM article JOIN category ON category.id = article.categoryId
            WHERE article.deletedAt IS NULL AND (category.path = ? OR category.path LIKE ? || '/%')
            """, arguments: [path, path])
        for article in articles { try update(article, db) }
    }

    /// Builds the whole index anew; `progress` hears (done, total) every so often.
    static func rebuild(_ db: Database, progress: (Int, Int) -> Void = { _, _ in }) throws {
        try db.execute(sql: "DELETE FROM searchIndex")
        try db.execute(sql: "DELETE FROM searchTitle")
        try db.execute(sql: "DELETE FROM searchDocument")
        // Migrations before v32 rebuild the index before the table of its words exists.
        let countingWords = try db.tableExists("searchWord")
        if countingWords { try db.execute(sql: "DELETE FROM searchWord") }
        let total = try Article.filter(Article.live).fetchCount(db)
        var done = 0
        try SearchWords.summing(db) {
            let cursor = try Article.filter(Article.live).order(Column("id")).fetchCursor(db)
            while let article = try cursor.next() {
                try update(article, db, countingWords: countingWords)
                done += 1
                if done % 500 == 0 || done == total { progress(done, total) }
            }
            // The index's own migration (v6) rebuilds it before the registry's tables exist.
            if try db.tableExists(Client.databaseTableName) {
                for client in try Client.filter(Client.live).fetchAll(db) { try update(client, db, countingWords: countingWords) }
            }
        }
        try db.execute(sql: "INSERT INTO searchIndex (searchIndex) VALUES ('optimize')")
        try db.execute(sql: "INSERT INTO searchTitle (searchTitle) VALUES ('optimize')")
    }

    private static func put(_ kind: Kind, _ id: Int64, categoryId: Int64?, title: String, headings: String, body: String, extra: String,
                            countingWords: Bool, _ db: Database) throws {
        try db.execute(sql: """
            INSERT INTO searchDocument (kind, refId, categoryId) VALUES (?, ?, ?)
            ON CONFLICT (kind, refId) DO UPDATE SET categoryId = excluded.categoryId
            """, arguments: [kind.rawValue, id, categoryId])
        guard let rowid = try Int64.fetchOne(db, sql: "SELECT id FROM searchDocument WHERE kind = ? AND refId = ?",
                                             arguments: [kind.rawValue, id]) else { return }
        let before = countingWords ? try SearchWords.words(ofDocument: rowid, db) : []
        try db.execute(sql: "DELETE FROM searchIndex WHERE rowid = ?", arguments: [rowid])
        try db.execute(sql: "DELETE FROM searchTitle WHERE rowid = ?", arguments: [rowid])
        try db.execute(sql: "INSERT INTO searchIndex (rowid, title, headings, body, extra) VALUES (?, ?, ?, ?, ?)",
                       arguments: [rowid, title, headings, body, extra])
        if countingWords { try SearchWords.replace(before, with: SearchWords.words(in: [title, headings, body, extra], db), db) }
        try db.execute(sql: "INSERT INTO searchTitle (rowid, title) VALUES (?, ?)", arguments: [rowid, title])
    }
}
