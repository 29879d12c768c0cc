import Foundation
import LoreCore

/// An open next step, as the Tasks page lists it.
struct ApiTask: Encodable, Sendable {
    let id: Int64
    let client: Client
    let step: String
    let due: String
    @Null var time: String?
    @Null var kind: String?
    @Null var assigneeId: Int64?
    let assignee: String
    let assignedBy: String
    let overdue: Bool

    struct Client: Encodable, Sendable {
        let slug: String
        let name: String
        let url: String
    }

    init(_ task: TaskQueries.Task) {
        id = task.interactionId
        client = Client(slug: task.clientSlug, name: task.clientName, url: Paths.client(task.clientSlug))
        step = task.step
        due = task.due.iso
        time = task.time
        kind = task.kind?.rawValue
        assigneeId = task.assigneeId
        assignee = task.assigneeName
        assignedBy = task.authorName
        overdue = task.isOverdue
    }

    /// A new day for the step.
    struct Reschedule: ApiInput, Sendable {
        static let schema = "TaskReschedule"
        let due: String
    }

    /// A colleague who may see the card.
    struct Reassign: ApiInput, Sendable {
        static let schema = "TaskReassign"
        let assigneeId: Int64
    }
}
