import GRDB

extension Viewer {
    /// The comments on a page (an article or a client card), in threads, with what the reader may
    /// do with each; none when the page is not theirs to see, as for one that does not exist.
    func commentThreads(on page: NotificationSubject) throws -> [CommentService.Thread] {
        let comments = try Comment.filter(Column(CommentService.column(page)) == page.id).order(Column("id")).fetchAll(db)
        // Most pages have none, and what the reader may do with comments costs more to find out.
        guard !comments.isEmpty, try page.shown(to: policy, db) != nil else { return [] }
        let rights = try CommentService.rights(on: page, policy, db)
        let names = try User.displayNames(Set(comments.map(\.authorId)), db)
        func shown(_ comment: Comment) throws -> CommentService.Shown {
            try CommentService.shown(comment, authorName: names[comment.authorId] ?? "", rights: rights, policy, db)
        }
        return try comments.filter { $0.parentId == nil }.map { top in
            CommentService.Thread(comment: try shown(top), replies: try comments.filter { $0.parentId == top.id }.map(shown))
        }
    }
}
