import Foundation
import LoreCore

/// A change waiting for approval, in the API: to its author (the answer to a write that must
/// wait) and to its approvers.
struct ApiPendingChange: Encodable, Sendable {
    struct ReturnInput: ApiInput {
        let comment: String
        static let schema = "ReturnInput"
    }

    let id: Int64
    @Null var articleId: Int64?
    let categoryId: Int64
    let title: String
    let markdown: String
    let author: String
    let state: String
    let comment: String
    let updatedAt: Date

    init(_ change: PendingChange, author: String) {
        id = change.id ?? 0
        articleId = change.articleId
        categoryId = change.categoryId
        title = change.title
        markdown = change.body
        self.author = author
        state = change.state.rawValue
        comment = change.comment
        updatedAt = change.updatedAt
    }
}
