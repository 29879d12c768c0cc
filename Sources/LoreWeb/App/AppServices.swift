import Foundation
import Hummingbird
import LoreCore

/// The LoreCore services and view helpers that controllers are built with. A class: every
/// route's handler copies its controller, which held forty services' references by value.
final class AppServices: Sendable {
    let database: AppDatabase
    let users: UserService
    let roles: RoleService
    let categories: CategoryService
    let articles: ArticleService
    let queries: ArticleQueries
    let history: HistoryQueries
    let redaction: RevisionRedaction
    let search: SearchService
    let synonyms: SearchSynonyms
    let checklists: ChecklistService
    let acknowledgements: AcknowledgementService
    let stewardship: StewardshipService
    let approvals: ApprovalService
    let pageViews: PageViews
    let comments: CommentService
    let notifications: NotificationService
    let mailQueue: MailQueue
    let templates: TemplateService
    let clients: ClientService
    let clientQueries: ClientQueries
    let customFields: CustomFieldService
    let reminders: ReminderQueries
    let tasks: TaskQueries
    let clientImport: ClientImport
    let clientExport: ClientExport
    let attachments: AttachmentService
    let wordImport: WordImport
    let views: ViewRenderer
    /// The JSON API's request schemas, from its OpenAPI document.
    let apiSchemas: ApiSchemas
    let pages: PageBuilder
    /// Rendered article and category pages, per kind of reader.
    let pageCache: PageCache

    /// `files` is where uploads are kept; by default a fresh folder of its own, for tests.
    init(database: AppDatabase, views: ViewRenderer, passwordCost: UInt8 = 12, files: FileStore? = nil,
         uploadLimit: Int = AttachmentService.defaultLimit, apiSchemas: ApiSchemas, clientReadLimit: Int = ClientReadLedger.defaultDailyLimit) {
        self.database = database
        self.apiSchemas = apiSchemas
        users = UserService(database: database, passwordCost: passwordCost)
        roles = RoleService(database: database)
        categories = CategoryService(database: database)
        articles = ArticleService(database: database)
        queries = ArticleQueries(database: database)
        history = HistoryQueries(database: database)
        redaction = RevisionRedaction(database: database)
        let clientReads = ClientReadLedger(database: database, dailyLimit: clientReadLimit)
        search = SearchService(database: database, clientReads: clientReads)
        synonyms = SearchSynonyms(database: database)
        checklists = ChecklistService(database: database)
        acknowledgements = AcknowledgementService(database: database)
        stewardship = StewardshipService(database: database)
        approvals = ApprovalService(database: database)
        pageViews = PageViews(database: database)
        comments = CommentService(database: database)
        notifications = NotificationService(database: database)
        mailQueue = MailQueue(database: database)
        templates = TemplateService(database: database)
        clients = ClientService(database: database)
        clientQueries = ClientQueries(database: database, reads: clientReads)
        customFields = CustomFieldService(database: database)
        reminders = ReminderQueries(database: database)
        tasks = TaskQueries(database: database)
        clientImport = ClientImport(database: database)
        clientExport = ClientExport(database: database)
        attachments = AttachmentService(
            database: database,
            store: files ?? FileStore(root: FileManager.default.temporaryDirectory.appendingPathComponent("lore-files-\(UUID().uuidString)")),
            limit: uploadLimit)
        wordImport = WordImport(attachments: attachments)
        self.views = views
        pages = PageBuilder(categories: categories)
        pageCache = PageCache(changes: database.changes)
    }
}

extension AppServices {
    /// The live article named by the request's `slug`, as the reader may see it. An old address
    /// is not followed here: pages that act on an article are reached by its current one.
    func liveArticle(_ context: AppRequestContext) async throws -> Article {
        guard case .found(let article) = try await queries.article(slug: context.parameters.require("slug"), for: context.requirePrincipal())
        else { throw NotFound() }
        return article
    }

    /// The client card named by the request's `slug`, when the principal may edit cards: 404
    /// when it is hidden, 403 when it may only be read.
    func editableClientCard(_ context: AppRequestContext) async throws -> ClientCard {
        let principal = try context.requirePrincipal()
        let card = try await clientQueries.card(slug: context.parameters.require("slug"), for: principal)
        try AccessPolicy(principal).requireClients(.clientsEdit)
        return card
    }

    /// Renders a page whose trail is just Home › its title: the administration and account pages.
    func renderPage<View>(
        _ template: String, _ view: View, title: String, request: Request, context: AppRequestContext,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let t = context.translations
        let page = try await pages.page(view, title: title, request: request, context: context,
                                        breadcrumbs: PageBuilder.crumbs(home: t, lineage: [], last: title))
        return try views.render(template, page, status: status)
    }
}
