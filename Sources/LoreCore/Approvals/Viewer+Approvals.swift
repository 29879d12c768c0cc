import GRDB

extension Viewer {
    /// The changes to an article waiting for approval that the reader may see (theirs, or ones they approve).
    func waitingChanges(toArticle articleId: Int64) throws -> [ApprovalService.Shown] {
        try Int64.fetchAll(db.cachedStatement(sql: "SELECT id FROM pendingChange WHERE articleId = ? ORDER BY updatedAt"), arguments: [articleId])
            .compactMap { try? ApprovalService.shown(id: $0, policy, db) }
    }
}
