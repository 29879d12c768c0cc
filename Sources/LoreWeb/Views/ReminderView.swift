import LoreCore

/// The home page's reminders about the reader's clients.
struct ReminderView {
    struct Step {
        let client: String
        let url: String
        let nextStep: String
        let due: String
        let isOverdue: Bool
        let doneURL: String
    }

    struct Birthday {
        let client: String
        let url: String
        let contact: String
        let when: String
    }

    struct Quiet {
        let client: String
        let url: String
        let lastContact: String
    }

    let steps: [Step]
    let birthdays: [Birthday]
    let quiet: [Quiet]
    let isEmpty: Bool

    init(_ reminders: Reminders, t: Translations, language: Language) {
        steps = reminders.steps.map { step in
            Step(client: step.clientName, url: Paths.client(step.clientSlug), nextStep: step.nextStep,
                 due: DisplayDate.day(step.due, language), isOverdue: step.isOverdue,
                 doneURL: Paths.client(step.clientSlug) + "/interactions/\(step.interactionId)/done")
        }
        birthdays = reminders.birthdays.map { birthday in
            Birthday(client: birthday.clientName, url: Paths.client(birthday.clientSlug) + "#contacts", contact: birthday.contactName,
                     when: birthday.inDays == 0 ? t["birthday_today"] : t.plural("birthday_in_days", birthday.inDays))
        }
        quiet = reminders.quiet.map { client in
            Quiet(client: client.clientName, url: Paths.client(client.clientSlug),
                  lastContact: client.lastContactAt.map { t.format("last_contacted", ["date": DisplayDate.day($0, language)]) }
                      ?? t["never_contacted"])
        }
        isEmpty = reminders.isEmpty
    }
}
