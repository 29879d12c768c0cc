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
    /// Plain texts of several lines (preferences and the like), each under its own heading.
    let longTexts: [LongText]

    struct LongText {
        let label: String
        let value: String
    }
    let notesHTML: String?
    let notesTitle: String
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

    init(_ card: ClientCard, schema: ClientSchema, files: [AttachmentService.Listed], principal: Principal, forest: [CategoryNode],
         t: Translations, language: Language) {
        let client = card.client
        let base = Paths.client(client.slug)
        let canEdit = principal.has(.clientsEdit)
        name = client.name
        slug = client.slug
        kindLabel = t["client_kind_\(client.kind.rawValue)"]
        status = client.status.rawValue
        statusLabel = t["client_status_\(client.status.rawValue)"]
        tags = client.tags
        func shown(_ section: FieldSection) -> [Field] {
            schema.client.filter { $0.section == section && !$0.inHeading && $0.kind != .markdown }.compactMap { field in
                field.kind == .user ? Self.field(t.label(field.label), card.managerName ?? "")
                    : Self.field(field, client, t: t, language: language)
            }
        }
        summary = shown(.main) + shown(.custom)
        contactFields = shown(.contacts)
        legal = shown(.legal)
        // The notes section's plain texts each get a block of their own; its Markdown is `notesHTML`.
        longTexts = schema.client.filter { $0.section == .notes && $0.kind != .markdown }.compactMap { field in
            let value = field.value(of: client)
            return value.isEmpty ? nil : LongText(label: t.label(field.label), value: value)
        }
        notesHTML = card.notesHTML.isEmpty ? nil : card.notesHTML
        notesTitle = schema.client.first { $0.kind == .markdown }.map { t.label($0.label) } ?? ""
        contacts = card.contacts.map { contact in
            Contact(name: contact.name, position: contact.position.isEmpty ? nil : contact.position,
                    fields: schema.contact.filter { $0.key != "name" && $0.key != "position" }.compactMap { Self.field($0, contact, t: t, language: language) },
                    editURL: "\(base)/contacts/\(contact.id ?? 0)")
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
            let label: FieldLabel? = switch change.subject {
            case .client: schema.clientField(change.field)?.label
            case .contact: schema.contactField(change.field)?.label
            case .interaction: nil
            }
            return Change(when: DisplayDate.format(change.changedAt, language), author: item.authorName, subject: subject,
                          field: label.map(t.label) ?? t["client_field_\(change.field)"], old: String(change.oldValue.prefix(300)),
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

    private static func field(_ label: String, _ value: String) -> Field? {
        value.isEmpty ? nil : Field(label: label, value: value, links: [])
    }

    /// A field as the card shows it: phones and e-mails as links, choices and dates in words;
    /// nothing for an empty one.
    private static func field<Record>(_ field: SchemaField<Record>, _ record: Record, t: Translations, language: Language) -> Field? {
        let value = field.value(of: record), label = t.label(field.label)
        guard !value.isEmpty else { return nil }
        func links(_ scheme: String) -> Field {
            Field(label: label, value: "", links: ContactFormat.list(value).map { item in
                Link(text: item, url: scheme + (scheme == "tel:" ? item.filter { $0.isNumber || $0 == "+" } : item))
            })
        }
        switch field.kind {
        case .phones: return links("tel:")
        case .emails, .email: return links("mailto:")
        case .website:
            return ContactFormat.websiteLink(value).map { Field(label: label, value: "", links: [Link(text: value, url: $0)]) }
                ?? Self.field(label, value)
        case .choice(_, let labels?, _): return Self.field(label, t["\(labels)_\(value)"])
        case .yesNo: return Self.field(label, t["field_\(value)"])
        case .birthday: return Self.field(label, birthday(value, language))
        case .date: return Self.field(label, DayDate(iso: value).map { DisplayDate.day($0, language) } ?? value)
        default: return Self.field(label, value)
        }
    }

    static func birthday(_ stored: String, _ language: Language) -> String {
        guard !stored.isEmpty else { return "" }
        if let day = DayDate(iso: stored) { return DisplayDate.day(day, language) }
        // No year: read in a leap year so that 29 February has a date.
        if let day = DayDate(iso: "2000" + stored.dropFirst(1)) { return DisplayDate.dayAndMonth(day, language) }
        return stored
    }
}
