import GRDB

extension Viewer {
    /// The categories the reader may read, as they see them (see ``ReaderCategories``).
    /// Kept per kind of reader: every page asks, and their order is a collation in Swift.
    func categories() throws -> ReaderCategories {
        guard let kept else { return try ReaderCategories.read(policy, db) }
        return try kept.categories.value(for: principal.readerKind, generation: kept.generation) { try ReaderCategories.read(policy, db) }
    }

    /// The reader's tree with the number of articles they may read in each category.
    func tree() throws -> [CategoryNode] {
        let countRequest: SQLRequest<Row> = """
            SELECT categoryId, COUNT(*) FROM article WHERE deletedAt IS NULL AND \(policy.readableArticles()) GROUP BY categoryId
            """
        let counts = try Dictionary(uniqueKeysWithValues: countRequest.fetchAll(db).map { (row: Row) -> (Int64, Int) in (row[0], row[1]) })
        return CategoryNode.forest(of: try categories().all, articleCounts: counts)
    }

    /// What the reader may do in a category.
    func level(inCategory id: Int64) throws -> AccessLevel {
        try policy.level(inCategory: id, db)
    }
}
