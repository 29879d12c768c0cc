import Foundation
import LoreCore

/// An article as the API gives it: its Markdown, and its HTML as this caller may see it.
struct ApiArticle: Encodable, Sendable {
    let id: Int64
    let slug: String
    let title: String
    let categoryId: Int64
    let categoryPath: String
    let revision: Int
    let updatedAt: Date
    let updatedBy: String
    let url: String
    let markdown: String
    let html: String
    let createdAt: Date
    /// Only in the answer to an update: the change was merged with someone else's.
    let merged: Bool?

    init(_ article: Article, categoryPath: String, html: String, updatedBy: String, merged: Bool? = nil) {
        id = article.id ?? 0
        slug = article.slug
        title = article.title
        categoryId = article.categoryId
        self.categoryPath = categoryPath
        revision = article.revision
        updatedAt = article.updatedAt
        self.updatedBy = updatedBy
        url = Paths.article(article.slug)
        markdown = article.body
        self.html = html
        createdAt = article.createdAt
        self.merged = merged
    }

    /// What updates are based on: the revision, as `If-Match` names it.
    static func version(_ article: Article) -> String { "r\(article.revision)" }

    /// An article in a list.
    struct Summary: Encodable, Sendable {
        let id: Int64
        let slug: String
        let title: String
        let categoryId: Int64
        let revision: Int
        let updatedAt: Date
        let updatedBy: String
        let url: String

        init(_ article: ArticleSummary, updatedBy: String) {
            id = article.id
            slug = article.slug
            title = article.title
            categoryId = article.categoryId
            revision = article.revision
            updatedAt = article.updatedAt
            self.updatedBy = updatedBy
            url = Paths.article(article.slug)
        }
    }

    /// What a program sends to create or change an article.
    /// What a program sends to create or change an article. Whatever is missing is reported
    /// with the other problems, field by field.
    struct Input: ApiInput, Sendable {
        static let schema = "ArticleInput"

        let title: String?
        let slug: String?
        let categoryId: Int64?
        let markdown: String?
        let summary: String?
        let minor: Bool?
        let earlierRevisions: String?

        var draft: ArticleDraft {
            ArticleDraft(title: title ?? "", slug: slug ?? "", categoryId: categoryId ?? 0, body: markdown ?? "", summary: summary ?? "",
                         isMinor: minor ?? false, historyOnMove: Input.historyOnMove(earlierRevisions))
        }

        /// A program is not asked: unless it says `show`, a move keeps earlier revisions to their old readers.
        static func historyOnMove(_ text: String?) -> HistoryOnMove {
            text == "show" ? .show : .keepRestricted
        }
    }

    struct MoveInput: ApiInput, Sendable {
        static let schema = "MoveInput"

        let categoryId: Int64?
        let earlierRevisions: String?
    }
}
