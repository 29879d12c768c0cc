import Foundation
import LoreCore

/// Read and confirm in the API: the caller's pages to confirm, their confirmation of one, and
/// a page's report.
enum ApiAcknowledgement {
    struct Input: ApiInput {
        /// The revision the caller read: the page's current one.
        let revision: Int
        static let schema = "AcknowledgementInput"
    }

    /// A page the caller must still confirm.
    struct Pending: Encodable, Sendable {
        let slug: String
        let title: String
        @Null var due: Date?
        let overdue: Bool
        @Null var confirmedRevision: Int?

        init(_ pending: AcknowledgementService.Pending) {
            slug = pending.slug
            title = pending.title
            due = pending.due
            overdue = pending.isOverdue
            confirmedRevision = pending.confirmedRevision
        }
    }

    /// Where the caller stands with one page.
    struct Status: Encodable, Sendable {
        let required: Bool
        let confirmed: Bool
        @Null var confirmedRevision: Int?
        @Null var confirmedAt: Date?
        @Null var due: Date?
        let overdue: Bool

        init(_ status: AcknowledgementService.Status?) {
            required = status != nil
            confirmed = status?.isConfirmed ?? false
            confirmedRevision = status?.confirmedRevision
            confirmedAt = status?.confirmedAt
            due = status?.due
            overdue = status?.isOverdue ?? false
        }
    }

    struct Reader: Encodable, Sendable {
        let userId: Int64
        let name: String
        let position: String
        let department: String
        let roles: [String]
        @Null var confirmedRevision: Int?
        @Null var confirmedAt: Date?
        @Null var due: Date?
        let state: String

        init(_ reader: AcknowledgementService.Reader) {
            userId = reader.userId
            name = reader.name
            position = reader.position
            department = reader.department
            roles = reader.roles
            confirmedRevision = reader.confirmedRevision
            confirmedAt = reader.confirmedAt
            due = reader.due
            state = reader.state.rawValue
        }
    }

    struct Report: Encodable, Sendable {
        let roles: [String]
        let dueDays: Int
        let sinceRevision: Int
        let readers: [Reader]

        init(_ report: AcknowledgementService.Report) {
            roles = report.roles
            dueDays = report.dueDays
            sinceRevision = report.sinceRevision
            readers = report.readers.map(Reader.init)
        }
    }
}
