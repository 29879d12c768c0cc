import Foundation

/// Everything the article page shows, read through one ``Viewer``: one snapshot, so the page
/// is whole or a 404, never half of each. The sidebar's tree is not part of it: it comes from
/// ``CategoryService/tree(for:)``, kept per kind of reader, as counting every article per page would cost.
public struct ArticlePage: Sendable {
    public let article: Article
    public let updatedByName: String?
    public let level: AccessLevel
    public let category: Category
    /// The category and those above it that the reader sees, root first.
    public let lineage: [Category]
    public let html: String
    public let backlinks: [Article]
    public let clients: [Client]
    public let attachments: [AttachmentService.Listed]
    /// Where the reader stands with a page that asks them to read and confirm it.
    public let readingStatus: AcknowledgementService.Status?
    public let stewardship: StewardshipService.Line
    public let comments: [CommentService.Thread]
    public let isWatching: Bool
    /// Changes waiting for approval that the reader may see.
    public let waiting: [ApprovalService.Shown]
    /// Changes here wait for approval, so only approvers move the page to the trash.
    public let isHeldForApproval: Bool

    public enum Lookup: Sendable {
        case page(ArticlePage)
        /// The slug is an old name of an article now found under a new one.
        case moved(to: String)
    }
}

extension ArticleQueries {
    /// `now`: what reading deadlines are compared with.
    public func page(slug: String, for principal: Principal, now: Date = Date()) async throws -> ArticlePage.Lookup {
        try await database.read(as: principal) { viewer in
            let article: Article
            switch try viewer.article(slug: slug) {
            case .found(let found): article = found
            case .moved(let slug): return .moved(to: slug)
            }
            let categories = try viewer.categories()
            let category = try categories.category(id: article.categoryId)
            let level = try viewer.level(inCategory: article.categoryId)
            let subject = NotificationSubject.article(article.id ?? 0)
            return .page(ArticlePage(
                article: article, updatedByName: try viewer.userNames([article.updatedById])[article.updatedById],
                level: level, category: category, lineage: categories.lineage(of: article.categoryId),
                html: try viewer.visibleHTML(of: article), backlinks: try viewer.backlinks(to: article),
                clients: try viewer.clients(concerning: article), attachments: try viewer.attachments(of: .article(slug: article.slug)),
                readingStatus: try viewer.readingStatus(of: article, now: now), stewardship: try viewer.stewardshipLine(of: article),
                comments: try viewer.commentThreads(on: subject),
                isWatching: try principal.userId.map { try Watch.isWatching($0, subject, viewer.db) } ?? false,
                waiting: try viewer.waitingChanges(toArticle: article.id ?? 0),
                isHeldForApproval: level >= .edit ? try ApprovalRule.holds(viewer.policy, in: article.categoryId, viewer.db) : false))
        }
    }
}
