import Foundation
import LoreCore

/// A comment as the article page shows it, with its replies and what the reader may do.
struct CommentView {
    let id: Int64
    let author: String
    let date: String
    let html: String
    let isDeleted: Bool
    let isResolved: Bool
    let resolvedLine: String?
    let editURL: String?
    let deleteURL: String?
    let resolveURL: String?
    let replies: [CommentView]
    /// Replies go to a thread's first comment.
    let canReply: Bool

    static func threads(_ threads: [CommentService.Thread], t: Translations) -> [CommentView] {
        threads.map { thread in view(thread.comment, replies: thread.replies.map { view($0, replies: [], t: t) }, t: t) }
    }

    private static func view(_ shown: CommentService.Shown, replies: [CommentView], t: Translations) -> CommentView {
        let comment = shown.comment
        let id = comment.id ?? 0
        var date = DisplayDate.format(comment.createdAt, t.language)
        if comment.editedAt != nil { date += " · " + t["comment_edited"] }
        return CommentView(
            id: id, author: shown.authorName, date: date, html: comment.html, isDeleted: comment.deletedAt != nil,
            isResolved: comment.resolvedAt != nil,
            resolvedLine: comment.resolvedAt.map { t.format("comment_resolved", ["date": DisplayDate.format($0, t.language)]) },
            editURL: shown.canEdit ? "/comments/\(id)/edit" : nil, deleteURL: shown.canDelete ? "/comments/\(id)/delete" : nil,
            resolveURL: shown.canResolve ? "/comments/\(id)/resolve" : nil, replies: replies, canReply: comment.parentId == nil)
    }
}
