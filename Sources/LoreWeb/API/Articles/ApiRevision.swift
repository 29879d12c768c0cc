import Foundation
import LoreCore

/// One saved version of an article, and its line in a history list.
struct ApiRevision: Encodable, Sendable {
    let number: Int
    let title: String
    let categoryId: Int64
    let summary: String
    let minor: Bool
    @Null var restoredFrom: Int?
    let author: String
    let createdAt: Date
    let markdown: String
    let html: String

    init(_ revision: Revision, author: String, html: String) {
        number = revision.number
        title = revision.title
        categoryId = revision.categoryId
        summary = revision.summary
        minor = revision.isMinor
        restoredFrom = revision.restoredFrom
        self.author = author
        createdAt = revision.createdAt
        markdown = revision.body
        self.html = html
    }

    struct Summary: Encodable, Sendable {
        let number: Int
        let title: String
        let categoryId: Int64
        let summary: String
        let size: Int
        let sizeChange: Int
        let minor: Bool
        @Null var restoredFrom: Int?
        let author: String
        let authorUsername: String
        let createdAt: Date

        init(_ revision: RevisionSummary) {
            number = revision.number
            title = revision.title
            categoryId = revision.categoryId
            summary = revision.summary
            size = revision.size
            sizeChange = revision.sizeChange
            minor = revision.isMinor
            restoredFrom = revision.restoredFrom
            author = revision.authorName
            authorUsername = revision.authorUsername
            createdAt = revision.createdAt
        }
    }
}
