import Foundation
import LoreCore

/// A client card as its page shows it: details grouped as people read them, contacts, the
/// timeline, the articles about the client by category, and the field-by-field history.
struct ClientCardView {
    struct Field {
        let label: String
        let value: String
        /// For phones, e-mails and the website: each value its own link.
        let links: [Link]
    }

    struct Link {
        let text: String
        let url: String
    }

    struct Contact {
        let name: String
        let position: String?
        let fields: [Field]
        let editURL: String
    }

    struct Interaction {
        let id: Int64
        let kind: String
        let kindLabel: String
        let when: String
        let author: String
        let contact: String?
        let summary: String
        let outcome: String?
        let nextStep: String?
        let due: String?
        let isOverdue: Bool
        let isDone: Bool
        let doneURL: String?
        let editURL: String
    }

    struct KnowledgeGroup {
        let category: String
        let articles: [KnowledgeArticle]
    }

    struct KnowledgeArticle {
        let title: String
        let url: String
        let unlinkURL: String?
    }

    struct Change {
        let when: String
        let author: String
        let subject: String?
        let field: String
        let old: String
        let new: String
    }

    let name: String
    let slug: String
    let kindLabel: String
    let status: String
    let statusLabel: String
    let tags: [String]
    let summary: [Field]
    let contactFields: [Field]
    let legal: [Field]
    let preferences: String?
    let notesHTML: String?
    let contacts: [Contact]
    let interactions: [Interaction]
    let knowledge: [KnowledgeGroup]
    let changes: [Change]
    /// Who opened the card in the last 90 days, shown to those who may export clients.
    var comments: [CommentView] = []
    var purchases: [PurchaseRow] = []
    /// "Loyal · A · buys every 30 days", once there are purchases.
    var analysis: String?

    struct PurchaseRow {
        let date: String
        let amount: String
        let note: String?
        let deleteURL: String?
    }
    /// Whom the quick log's next step may be given to.
    var assignees: [Choice] = []
    /// Open next steps, shown first.
    var openTasks: [OpenTask] = []

    struct OpenTask {
        let step: String
        let due: String
        let assignee: String
        let isOverdue: Bool
        let anchor: String
    }
    var commentAction: String?
    var watch: WatchView?
    var showsReaders = false
    var readers: [Reader] = []
    let attachments: [AttachmentRow]
    let uploadURL: String?
    let canEdit: Bool
    let canDelete: Bool
    let editURL: String
    let deleteURL: String
    let newContactURL: String
    let newInteractionURL: String
    let purchaseURL: String
    let mergeURL: String
    let linkArticleURL: String
    let interactionKinds: [Choice]
    let contactChoices: [Choice]
    let today: String

    struct Reader {
        let name: String
        let when: String
        let days: Int
    }

    init(_ card: ClientCard, files: [AttachmentService.Listed], principal: Principal, forest: [CategoryNode], t: Translations,
         language: Language) {
        let client = card.client
        let base = Paths.client(client.slug)
        let canEdit = principal.has(.clientsEdit)
        func field(_ key: String, _ value: String) -> Field? {
            value.isEmpty ? nil : Field(label: t["client_field_\(key)"], value: value, links: [])
        }
        func links(_ key: String, _ value: String, scheme: String) -> Field? {
            guard !value.isEmpty else { return nil }
            let items = value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            return Field(label: t["client_field_\(key)"], value: "", links: items.map { item in
                let target = scheme == "tel:" ? item.filter { $0.isNumber || $0 == "+" } : item
                return Link(text: item, url: scheme + target)
            })
        }
        name = client.name
        slug = client.slug
        kindLabel = t["client_kind_\(client.kind.rawValue)"]
        status = client.status.rawValue
        statusLabel = t["client_status_\(client.status.rawValue)"]
        tags = client.tags
        summary = [
            field("segment", client.segment), field("source", client.source),
            field("frequency", client.frequency.isEmpty ? "" : t["frequency_\(client.frequency)"]),
            field("manager", card.managerName ?? ""),
        ].compactMap { $0 }
        let website = ContactFormat.websiteLink(client.website).map { url in
            Field(label: t["client_field_website"], value: "", links: [Link(text: client.website, url: url)])
        }
        contactFields = [
            links("phones", client.phones, scheme: "tel:"), links("emails", client.emails, scheme: "mailto:"), website,
            field("address", client.address), field("officeHours", client.officeHours),
        ].compactMap { $0 }
        legal = [
            field("legalName", client.legalName), field("inn", client.inn), field("kpp", client.kpp), field("ogrn", client.ogrn),
            field("legalAddress", client.legalAddress), field("bankDetails", client.bankDetails),
        ].compactMap { $0 }
        preferences = client.preferences.isEmpty ? nil : client.preferences
        notesHTML = card.notesHTML.isEmpty ? nil : card.notesHTML
        contacts = card.contacts.map { contact in
            Contact(name: contact.name, position: contact.position.isEmpty ? nil : contact.position, fields: [
                links("phones", contact.phones, scheme: "tel:"), links("email", contact.email, scheme: "mailto:"),
                field("messengers", contact.messengers),
                field("preferredChannel", contact.preferredChannel.isEmpty ? "" : t["channel_\(contact.preferredChannel)"]),
                field("callWhen", contact.callWhen), field("doNotCall", contact.doNotCall),
                field("birthday", Self.birthday(contact.birthday, language)), field("contactNotes", contact.notes),
            ].compactMap { $0 }, editURL: "\(base)/contacts/\(contact.id ?? 0)")
        }
        let today = DayDate(Date())
        interactions = card.interactions.map { item in
            let interaction = item.interaction
            let due = interaction.nextStepDue.flatMap(DayDate.init(iso:))
            return Interaction(
                id: interaction.id ?? 0, kind: interaction.kind.rawValue, kindLabel: t["interaction_\(interaction.kind.rawValue)"],
                when: DisplayDate.format(interaction.occurredAt, language), author: item.authorName, contact: item.contactName,
                summary: interaction.summary, outcome: interaction.outcome.isEmpty ? nil : interaction.outcome,
                nextStep: interaction.nextStep.isEmpty ? nil : interaction.nextStep, due: due.map { DisplayDate.day($0, language) },
                isOverdue: interaction.hasOpenStep && (due.map { $0 < today } ?? false), isDone: interaction.nextStepDoneAt != nil,
                doneURL: canEdit && interaction.hasOpenStep ? "\(base)/interactions/\(interaction.id ?? 0)/done" : nil,
                editURL: "\(base)/interactions/\(interaction.id ?? 0)")
        }
        let categories = forest.byId
        knowledge = Dictionary(grouping: card.knowledge, by: \.categoryId).map { categoryId, articles in
            KnowledgeGroup(category: categories[categoryId]?.category.title ?? "", articles: articles.map { article in
                KnowledgeArticle(title: article.title, url: Paths.article(article.slug),
                                 unlinkURL: canEdit && article.linkedByHand ? "\(base)/articles/\(article.slug)/unlink" : nil)
            })
        }.sorted { $0.category.localizedCaseInsensitiveCompare($1.category) == .orderedAscending }
        changes = card.changes.map { item in
            let change = item.change
            let subject: String? = switch change.subject {
            case .client: nil
            case .contact: t.format("change_contact", ["name": change.subjectLabel])
            case .interaction: t.format("change_interaction", ["summary": String(change.subjectLabel.prefix(60))])
            }
            return Change(when: DisplayDate.format(change.changedAt, language), author: item.authorName, subject: subject,
                          field: t["client_field_\(change.field)"], old: String(change.oldValue.prefix(300)),
                          new: String(change.newValue.prefix(300)))
        }
        attachments = AttachmentRow.rows(files, back: base, canDelete: canEdit, language: language)
        uploadURL = canEdit ? base + "/files" : nil
        self.canEdit = canEdit
        canDelete = principal.has(.clientsDelete)
        editURL = base + "/edit"
        deleteURL = base + "/delete"
        newContactURL = base + "/contacts/new"
        newInteractionURL = base + "/interactions/new"
        purchaseURL = base + "/purchases"
        mergeURL = base + "/merge"
        linkArticleURL = base + "/articles"
        interactionKinds = Choice.options(InteractionKind.self, prefix: "interaction", selected: InteractionKind.call.rawValue, t: t)
        contactChoices = Choice.options(card.contacts.map { (String($0.id ?? 0), $0.name) }, selected: "", none: t["no_contact"])
        self.today = today.iso
    }

    static func birthday(_ stored: String, _ language: Language) -> String {
        guard !stored.isEmpty else { return "" }
        if let day = DayDate(iso: stored) { return DisplayDate.day(day, language) }
        // No year: shown in a leap year so that 29 February has a date.
        if let day = DayDate(iso: "2000" + stored.dropFirst(1)) {
            return DisplayDate.day(day, language).replacingOccurrences(of: " 2000 г.", with: "").replacingOccurrences(of: " 2000", with: "")
        }
        return stored
    }
}
