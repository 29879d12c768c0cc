import Foundation

/// What a user's home page reminds them of about their clients: next steps that are overdue
/// or due soon, birthdays coming up, and clients nobody has been in touch with for too long.
public struct Reminders: Sendable {
    public struct Step: Sendable {
        public let clientSlug: String
        public let clientName: String
        public let interactionId: Int64
        public let nextStep: String
        public let due: DayDate
        public let isOverdue: Bool
    }

    public struct Birthday: Sendable {
        public let clientSlug: String
        public let clientName: String
        public let contactName: String
        public let inDays: Int
    }

    public struct Quiet: Sendable {
        public let clientSlug: String
        public let clientName: String
        /// Nil when nobody has ever logged a contact.
        public let lastContactAt: Date?
    }

    public let steps: [Step]
    public let birthdays: [Birthday]
    public let quiet: [Quiet]

    public var isEmpty: Bool { steps.isEmpty && birthdays.isEmpty && quiet.isEmpty }

    /// How far ahead upcoming steps and birthdays are shown.
    public static let horizonDays = 14
}
