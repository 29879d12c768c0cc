import GRDB

extension Viewer {
    /// What categories hand down to their pages' owners and reviews: every page shown asks.
    func stewardshipDefaults() throws -> Stewardship.Defaults {
        guard let kept else { return try Stewardship.Defaults.load(db) }
        return try Stewardship.Defaults.kept(in: kept.stewardship, generation: kept.generation, db)
    }

    /// The owner and review line of a page the reader may read; nil for any other.
    func stewardshipLine(ofArticle id: Int64) throws -> StewardshipService.Line? {
        guard let article = try policy.readableArticle(id: id, db) else { return nil }
        return try stewardshipLine(of: article)
    }

    /// The line of an article already read through this viewer.
    func stewardshipLine(of article: Article) throws -> StewardshipService.Line {
        let stewardship = try Stewardship.of(articleId: article.id ?? 0, categoryId: article.categoryId, createdAt: article.createdAt,
                                             defaults: stewardshipDefaults(), db)
        let owner = try stewardship.ownerId.flatMap { try User.fetchOne(db, id: $0) }
        let reviewer = try stewardship.reviewedById.flatMap { try User.fetchOne(db, id: $0) }
        let manages = try policy.level(inCategory: article.categoryId, db) >= .manage
        return StewardshipService.Line(stewardship: stewardship, ownerName: owner?.displayName, ownerIsActive: owner?.isActive ?? false,
                                       reviewedByName: reviewer?.displayName,
                                       canMarkReviewed: manages || (principal.userId != nil && principal.userId == stewardship.ownerId))
    }
}
