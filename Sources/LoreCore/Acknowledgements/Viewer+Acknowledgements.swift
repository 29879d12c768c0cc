import Foundation
import GRDB

extension Viewer {
    /// Where the reader stands with an article (read through this viewer) that asks their roles
    /// to read and confirm it; nil when it asks nothing of them.
    func readingStatus(of article: Article, now: Date) throws -> AcknowledgementService.Status? {
        // The requirement first: most pages have none.
        guard let userId = principal.userId, let id = article.id, let requirement = try ReadingRequirement.fetchOne(db, key: id) else { return nil }
        let roles = try AcknowledgementService.roleNames(of: id, among: principal.roleIds, db)
        guard !roles.isEmpty else { return nil }
        let firstSignIn = try Date?.fetchOne(db, sql: "SELECT firstSignInAt FROM user WHERE id = ?", arguments: [userId]) ?? nil
        let last = try AcknowledgementService.lastConfirmation(of: userId, articleId: id, db)
        let due = requirement.due(firstSignIn: firstSignIn)
        let confirmed = (last?.revision ?? 0) >= requirement.sinceRevision
        return AcknowledgementService.Status(roles: roles, due: due, isOverdue: !confirmed && due.map { $0 < now } == true,
                                             isConfirmed: confirmed, confirmedRevision: last?.revision, confirmedAt: last?.at,
                                             revision: article.revision)
    }
}
