import Hummingbird

/// The permission matrix: every route × every kind of person × every way a right can arise.
/// Routes about an article or a category state what level they need; the expected status
/// follows from the level each person holds on each resource, written out by hand below.
enum PermissionTable {
    enum Person: String, CaseIterable, Sendable {
        case admin, marina, sergey, ivan, nadia, guest
        /// Demo accounts: Marina holds HR, Sergey Sales, Ivan only Employee. Nadia, made by the
        /// tests, manages users (users.manage) without being an administrator.
        var isGuest: Bool { self == .guest }
    }

    /// A sample article standing for one way rights arise. `levels` is what each person holds
    /// in its category (nil: the category is hidden); `readers` overrides who may read the
    /// article itself when it is restricted to fewer roles.
    struct Resource: Sendable {
        let name: String
        let slug: String
        let title: String
        let categoryTitle: String
        let categoryPath: String
        let parentTitle: String?
        let levels: [Person: Level]
        var readers: Set<Person>? = nil
        /// Sent to the article's access form, so that a manager's submit keeps the restriction.
        var restrictTo: String? = nil
        /// The category hides its articles' history from those who may only read there.
        var hidesHistory = false
        /// The category's address for those who may not see its parent, where it stands at the top.
        var visiblePath: String? = nil
        /// Its current revision (most sample articles have one; a few ship with their history).
        var revision = 1
        /// Those who may see its first revision, when not every reader may: it was written
        /// before the article moved here and kept to the readers of its old category.
        var firstRevisionReaders: Set<Person>? = nil
        /// Its first revision's text was removed: shown as a note, never restored.
        var firstRevisionRedacted = false
        /// A word of the first revision's text, which nobody else may ever be shown.
        var secret: (word: String, readers: Set<Person>)? = nil
        /// Those who manage the category's parent (for a top-level category: who manage roles).
        var parentManagers: Set<Person> = [.admin]
        /// The sample asks every employee to read and confirm it (the regulations).
        var requiresReading = false
        /// Who owns it, through its category (the sample's owners).
        var owner: Person? = nil
        /// Its category requires approval by its managers (the regulations).
        var needsApproval = false

        func categoryPath(for person: Person) -> String {
            person == .admin ? categoryPath : visiblePath ?? categoryPath
        }

        func level(_ person: Person) -> Level { levels[person] ?? .hidden }

        func readsArticle(_ person: Person) -> Bool {
            level(person) >= .read && (readers?.contains(person) ?? true)
        }

        /// What must never appear on a page for someone who may not read the article.
        var articleMarkers: [String] { [title, "/a/\(slug)\""] }
        var categoryMarkers: [String] { ["href=\"/c/\(categoryPath)\"", ">\(categoryTitle)<"] }
    }

    enum Level: Int, Comparable, Sendable {
        case hidden, read, edit, manage
        static func < (lhs: Level, rhs: Level) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    static let resources: [Resource] = [
        Resource(name: "open category", slug: "istoriya-kompanii", title: "История компании", categoryTitle: "О компании",
                 categoryPath: "o-kompanii", parentTitle: nil,
                 levels: [.admin: .manage, .marina: .edit, .sergey: .edit, .ivan: .edit, .nadia: .edit]),
        Resource(name: "restricted category", slug: "obzor-konkurentov", title: "Обзор конкурентов", categoryTitle: "Конкуренты",
                 categoryPath: "konkurenty", parentTitle: nil, levels: [.admin: .manage, .sergey: .read]),
        Resource(name: "inherited grant", slug: "skript-pervogo-zvonka", title: "Скрипт первого звонка", categoryTitle: "Скрипты",
                 categoryPath: "prodazhi/skripty", parentTitle: "Продажи", levels: [.admin: .manage, .sergey: .edit], revision: 3, owner: .sergey),
        Resource(name: "inherited read-only grant", slug: "pozharnaya-bezopasnost-evakuatsiya", title: "Пожарная безопасность: эвакуация",
                 categoryTitle: "Пожарная безопасность", categoryPath: "reglamenty/pozharnaya-bezopasnost", parentTitle: "Регламенты",
                 levels: [.admin: .manage, .marina: .edit, .sergey: .read, .ivan: .read, .nadia: .read], hidesHistory: true,
                 requiresReading: true, owner: .marina, needsApproval: true),
        Resource(name: "overridden grant", slug: "peresmotr-zarplat", title: "Пересмотр зарплат",
                 categoryTitle: "Отдел персонала (внутреннее)", categoryPath: "personal/otdel-personala", parentTitle: "Персонал",
                 levels: [.admin: .manage, .marina: .manage], parentManagers: [.admin, .marina], owner: .marina),
        Resource(name: "restricted article", slug: "glossariy", title: "Словарь внутренних терминов", categoryTitle: "О компании",
                 categoryPath: "o-kompanii", parentTitle: nil,
                 levels: [.admin: .manage, .marina: .edit, .sergey: .edit, .ivan: .edit, .nadia: .edit],
                 readers: [.admin, .sergey], restrictTo: "Sales"),
        // Made by the tests: "Vault" (nobody but the administrator) holding "Open shelf", which every employee reads.
        Resource(name: "readable under a hidden parent", slug: "quokka-shelf", title: "Quokka shelf inventory", categoryTitle: "Open shelf",
                 categoryPath: "vault/open-shelf", parentTitle: "Vault",
                 levels: [.admin: .manage, .marina: .read, .sergey: .read, .ivan: .read, .nadia: .read], visiblePath: "open-shelf"),
        // Made by the tests: written in «Отдел персонала (внутреннее)» with a secret, cleaned, then moved here keeping its history.
        Resource(name: "moved with its history kept", slug: "moved-memo", title: "Moved marmoset memo", categoryTitle: "О компании",
                 categoryPath: "o-kompanii", parentTitle: nil,
                 levels: [.admin: .manage, .marina: .edit, .sergey: .edit, .ivan: .edit, .nadia: .edit], revision: 3,
                 firstRevisionReaders: [.admin, .marina], secret: ("movedsecret4711", [.admin, .marina])),
        // Made by the tests: a secret in its first revision, cleaned, and that revision's text removed.
        Resource(name: "redacted revision", slug: "redacted-note", title: "Redacted ocelot note", categoryTitle: "О компании",
                 categoryPath: "o-kompanii", parentTitle: nil,
                 levels: [.admin: .manage, .marina: .edit, .sergey: .edit, .ivan: .edit, .nadia: .edit], revision: 2,
                 firstRevisionRedacted: true, secret: ("redactedsecret4712", [.admin])),
    ]

    /// What a route about a resource needs.
    enum Need: Sendable {
        /// Reading the article, then this level in its category.
        case article(Level)
        /// Seeing the article's history, then this level in its category.
        case history(Level)
        /// This level in the category.
        case category(Level)
        /// Managing the category's parent (for top-level categories: managing roles): see
        /// ``Resource/parentManagers``.
        case parentManage
        /// Who must confirm the article: its managers and those who report on reading (HR);
        /// `ofRequirement` needs the article to ask for confirmations (404 otherwise).
        case readingReport(ofRequirement: Bool)
        /// Recording a review: for the page's managers and its owner.
        case review
        /// Changing the article (edit in its category); where changes wait for approval, those
        /// who do not manage there get `waiting` instead of the table's `allowed`.
        case change(waiting: HTTPResponse.Status)
        /// Confirming the article: asked only where it requires reading, of the Employee role,
        /// which the administrator's account does not hold (403 elsewhere).
        case confirmation
    }

    /// Holders of `acknowledgements.report`: HR, and the administrator, who has every capability.
    static let readingReporters: Set<Person> = [.admin, .marina]

    struct Row: Sendable {
        let route: String
        let method: HTTPRequest.Method
        /// `{slug}`, `{category}`, `{parent}`, `{path}` and `{restrictTo}` are filled in per resource.
        let uri: String
        let fields: [(String, String)]
        let need: Need?
        let allowed: HTTPResponse.Status
        /// The answer to someone who may not see the resource.
        let hidden: HTTPResponse.Status
        /// For routes not about one resource: the status per person (default: `otherwise`).
        let statuses: [Person: HTTPResponse.Status]
        /// The response shows back what was sent (the preview): a hidden title in it must be
        /// rendered as a missing page.
        let echoes: Bool
        /// Ends the session (sign out): the person signs in again before the next row.
        let endsSession: Bool

        /// A route about one resource.
        init(_ route: String, _ uri: String, _ need: Need, allowed: HTTPResponse.Status, hidden: HTTPResponse.Status = .notFound,
             fields: [(String, String)] = []) {
            self.init(route: route, uri: uri, fields: fields, need: need, allowed: allowed, hidden: hidden, statuses: [:])
        }

        /// A route whose answer depends only on who asks. Guests' GETs that need an account are
        /// sent to sign in; guests' POSTs carry no CSRF token and are refused before anything else.
        init(_ route: String, _ uri: String, _ statuses: [Person: HTTPResponse.Status] = [:], otherwise: HTTPResponse.Status,
             guest: HTTPResponse.Status = .seeOther, fields: [(String, String)] = [], echoes: Bool = false, endsSession: Bool = false) {
            var all = Dictionary(uniqueKeysWithValues: Person.allCases.map { ($0, statuses[$0] ?? otherwise) })
            all[.guest] = statuses[.guest] ?? (route.hasPrefix("POST") ? .forbidden : guest)
            self.init(route: route, uri: uri, fields: fields, need: nil, allowed: .ok, hidden: .notFound, statuses: all,
                      echoes: echoes, endsSession: endsSession)
        }

        private init(route: String, uri: String, fields: [(String, String)], need: Need?, allowed: HTTPResponse.Status,
                     hidden: HTTPResponse.Status, statuses: [Person: HTTPResponse.Status], echoes: Bool = false, endsSession: Bool = false) {
            self.route = route
            self.method = route.hasPrefix("POST") ? .post : .get
            self.uri = uri
            self.fields = fields
            self.need = need
            self.allowed = allowed
            self.hidden = hidden
            self.statuses = statuses
            self.echoes = echoes
            self.endsSession = endsSession
        }

        func expected(_ person: Person, on resource: Resource) -> HTTPResponse.Status {
            guard let need else { return statuses[person] ?? .notFound }
            let visible: Bool
            let permitted: Bool
            switch need {
            case .article(let level):
                visible = resource.readsArticle(person)
                permitted = resource.level(person) >= level
            case .history(let level):
                visible = resource.readsArticle(person)
                let historyShown = !resource.hidesHistory || resource.level(person) >= .edit
                permitted = historyShown && resource.level(person) >= level
            case .category(let level):
                visible = resource.level(person) >= .read
                permitted = resource.level(person) >= level
            case .parentManage:
                visible = resource.level(person) >= .read
                permitted = resource.parentManagers.contains(person)
            case .readingReport(let ofRequirement):
                visible = resource.readsArticle(person)
                permitted = resource.level(person) >= .manage || PermissionTable.readingReporters.contains(person)
                if ofRequirement, visible, permitted, !resource.requiresReading, !person.isGuest { return .notFound }
            case .change(let waiting):
                visible = resource.readsArticle(person)
                permitted = resource.level(person) >= .edit
                if visible, permitted, resource.needsApproval, resource.level(person) < .manage, !person.isGuest { return waiting }
            case .review:
                visible = resource.readsArticle(person)
                permitted = resource.level(person) >= .manage || resource.owner == person
            case .confirmation:
                visible = resource.readsArticle(person)
                permitted = resource.requiresReading && person != .admin
            }
            if person.isGuest { return method == .post ? .forbidden : (visible ? allowed : .seeOther) }
            if !visible { return hidden }
            // The first revision itself: hidden from those it was kept from; never restored once redacted.
            if uri.contains("/revisions/1") || uri.contains("from=1") {
                if let readers = resource.firstRevisionReaders, !readers.contains(person) { return .notFound }
                if resource.firstRevisionRedacted, uri.hasSuffix("/restore"), permitted { return .forbidden }
            }
            return permitted ? allowed : .forbidden
        }
    }

    static let admins: [Person: HTTPResponse.Status] = [.admin: .ok]
    /// Those who manage users: the administrator and Nadia.
    static let userManagers: [Person: HTTPResponse.Status] = [.admin: .ok, .nadia: .ok]

    /// Client cards. The tests narrow the Sales role to the clients its holders are responsible
    /// for: Sergey manages `ownClient`, the administrator `otherClient`. Marina and Ivan hold no
    /// client rights at all.
    struct ClientCard: Sendable {
        let slug: String
        let name: String
        let readers: Set<Person>
    }

    static let ownClient = ClientCard(slug: "severny-distribution", name: "Северный Дистрибьютор", readers: [.admin, .sergey])
    static let otherClient = ClientCard(slug: "ural-avtokomplekt", name: "УралАвтоКомплект", readers: [.admin])
    static let clients = [ownClient, otherClient]

    /// Who may use the registry at all; everyone else gets the 404 of a registry that does not exist.
    static let clientUsers: [Person: HTTPResponse.Status] = [.admin: .ok, .sergey: .ok]

    /// Rows about one card: `allowed` for those who see it and hold the right, 403 for those who
    /// see it without the right, 404 for everyone else.
    static func clientRows(_ route: String, _ uri: String, allowed: HTTPResponse.Status, deleters: Bool = false,
                           fields: [(String, String)] = []) -> [Row] {
        clients.map { client in
            var statuses: [Person: HTTPResponse.Status] = [:]
            for person in client.readers { statuses[person] = deleters && person != .admin ? .forbidden : allowed }
            return Row(route, uri.replacingOccurrences(of: "{client}", with: client.slug), statuses, otherwise: .notFound, fields: fields)
        }
    }

    static let clientRows: [Row] = [
        [Row("GET /clients", "/clients", clientUsers, otherwise: .notFound),
         Row("GET /clients/new", "/clients/new", clientUsers, otherwise: .notFound),
         Row("POST /clients/new", "/clients/new", [.admin: .unprocessableContent, .sergey: .unprocessableContent], otherwise: .notFound,
             fields: [("name", ""), ("kind", "company"), ("status", "lead")]),
         Row("GET /clients/trash", "/clients/trash", [.admin: .ok, .sergey: .forbidden], otherwise: .notFound),
         Row("GET /clients/import", "/clients/import", clientUsers, otherwise: .notFound),
         // A form-encoded body is not an upload.
         Row("POST /clients/import", "/clients/import", [.admin: .unsupportedMediaType, .sergey: .unsupportedMediaType], otherwise: .notFound),
         Row("POST /clients/import/check", "/clients/import/check", [.admin: .unprocessableContent, .sergey: .unprocessableContent],
             otherwise: .notFound, fields: [("data", "TmFtZQ0K"), ("action", "import")]),
         Row("POST /clients/export.csv", "/clients/export.csv", clientUsers, otherwise: .notFound),
         Row("GET /clients/purchases/import", "/clients/purchases/import", clientUsers, otherwise: .notFound),
         Row("POST /clients/purchases/import", "/clients/purchases/import", [.admin: .unsupportedMediaType, .sergey: .unsupportedMediaType],
             otherwise: .notFound),
         // "Name\r\n": no amount column, so nothing is logged by the table's walk.
         Row("POST /clients/purchases/import/commit", "/clients/purchases/import/commit", [.admin: .unprocessableContent, .sergey: .unprocessableContent],
             otherwise: .notFound, fields: [("data", "TmFtZQ0K")]),
         Row("GET /tasks", "/tasks", clientUsers, otherwise: .notFound),
         Row("GET /clients/summary", "/clients/summary", [.admin: .ok, .sergey: .forbidden], otherwise: .notFound),
         Row("GET /tasks", "/tasks?view=team", clientUsers, otherwise: .notFound),
         Row("POST /tasks/{id}/done", "/tasks/999999/done", otherwise: .notFound),
         Row("POST /tasks/{id}/tomorrow", "/tasks/999999/tomorrow", otherwise: .notFound),
         Row("POST /tasks/{id}/reassign", "/tasks/999999/reassign", otherwise: .notFound, fields: [("assignee", "1")]),
         // Handing cards over is for those who supervise the team: Sales sees clients without it.
         Row("GET /clients/hand-over", "/clients/hand-over", [.admin: .ok, .sergey: .forbidden], otherwise: .notFound),
         Row("POST /clients/hand-over", "/clients/hand-over", [.admin: .unprocessableContent, .sergey: .forbidden], otherwise: .notFound,
             fields: [("from", ""), ("to", "")])],
        clientRows("GET /clients/{slug}", "/clients/{client}", allowed: .ok),
        clientRows("GET /clients/{slug}/edit", "/clients/{client}/edit", allowed: .ok),
        clientRows("POST /clients/{slug}/edit", "/clients/{client}/edit", allowed: .unprocessableContent,
                   fields: [("name", ""), ("kind", "company"), ("status", "lead"), ("version", "1")]),
        clientRows("GET /clients/{slug}/contacts/new", "/clients/{client}/contacts/new", allowed: .ok),
        clientRows("POST /clients/{slug}/contacts/new", "/clients/{client}/contacts/new", allowed: .unprocessableContent,
                   fields: [("name", "")]),
        clientRows("GET /clients/{slug}/contacts/{id}", "/clients/{client}/contacts/999999", allowed: .notFound),
        clientRows("POST /clients/{slug}/contacts/{id}", "/clients/{client}/contacts/999999", allowed: .notFound),
        clientRows("POST /clients/{slug}/contacts/{id}/delete", "/clients/{client}/contacts/999999/delete", allowed: .notFound),
        clientRows("GET /clients/{slug}/interactions/new", "/clients/{client}/interactions/new", allowed: .ok),
        clientRows("POST /clients/{slug}/interactions/new", "/clients/{client}/interactions/new", allowed: .unprocessableContent,
                   fields: [("kind", "call"), ("summary", "")]),
        clientRows("GET /clients/{slug}/interactions/{id}", "/clients/{client}/interactions/999999", allowed: .notFound),
        clientRows("POST /clients/{slug}/interactions/{id}", "/clients/{client}/interactions/999999", allowed: .notFound),
        clientRows("POST /clients/{slug}/interactions/{id}/done", "/clients/{client}/interactions/999999/done", allowed: .notFound),
        clientRows("POST /clients/{slug}/articles", "/clients/{client}/articles", allowed: .seeOther, fields: [("article", "istoriya-kompanii")]),
        clientRows("POST /clients/{slug}/articles/{article}/unlink", "/clients/{client}/articles/istoriya-kompanii/unlink", allowed: .seeOther),
        clientRows("POST /clients/{slug}/restore", "/clients/{client}/restore", allowed: .seeOther, deleters: true),
        clientRows("POST /clients/{slug}/files", "/clients/{client}/files?name=card.txt", allowed: .created,
                   fields: [("words", "in the file")]),
        clientRows("GET /files/{id}/{name}", "/files/{file:{client}}/card.txt", allowed: .ok),
        // Everyone who sees a card comments on it (an empty comment is refused).
        clientRows("POST /clients/{slug}/comments", "/clients/{client}/comments", allowed: .unprocessableContent, fields: [("comment", " ")]),
        clientRows("POST /clients/{slug}/purchases", "/clients/{client}/purchases", allowed: .unprocessableContent, fields: [("amount", "lots")]),
        // Merging needs the right to delete cards: Sales sees the card but may not.
        clientRows("GET /clients/{slug}/merge", "/clients/{client}/merge", allowed: .ok, deleters: true),
        clientRows("POST /clients/{slug}/merge", "/clients/{client}/merge", allowed: .notFound, deleters: true, fields: [("with", "no-such-card")]),
        clientRows("POST /clients/{slug}/purchases/{id}/delete", "/clients/{client}/purchases/999999/delete", allowed: .notFound),
    ].flatMap { $0 }

    /// Trashing cards changes what later rows see, so these come last.
    static let clientDeletion = clientRows("POST /clients/{slug}/delete", "/clients/{client}/delete", allowed: .seeOther, deleters: true)

    /// Rows that change what later rows see (trashing the article) come last.
    static let rows: [Row] = [
        Row("GET /", "/", otherwise: .ok),
        Row("POST /language", "/language", otherwise: .seeOther, fields: [("lang", "en"), ("back", "/")]),
        Row("GET /login", "/login", otherwise: .seeOther, guest: .ok),
        Row("POST /login", "/login", otherwise: .unauthorized, fields: [("login", "ivan"), ("password", "wrong")]),
        Row("POST /logout", "/logout", otherwise: .seeOther, endsSession: true),
        Row("GET /me", "/me", otherwise: .ok),
        Row("POST /me/tokens", "/me/tokens", otherwise: .unprocessableContent, fields: [("name", "")]),
        Row("POST /me/tokens/{id}/revoke", "/me/tokens/999999/revoke", otherwise: .notFound),
        Row("POST /me/logout-everywhere", "/me/logout-everywhere", otherwise: .seeOther, endsSession: true),
        Row("GET /c/**", "/c/{path}", .category(.read), allowed: .ok),
        Row("GET /categories/new", "/categories/new?parent={category}", otherwise: .ok),
        // A parent one may not see is an invalid choice in the form, like a missing one.
        Row("POST /categories/new", "/categories/new", .category(.manage), allowed: .unprocessableContent, hidden: .unprocessableContent,
            fields: [("title", ""), ("parent", "{category}")]),
        Row("GET /categories/{id}/edit", "/categories/{category}/edit", .category(.manage), allowed: .ok),
        Row("POST /categories/{id}/edit", "/categories/{category}/edit", .category(.manage), allowed: .unprocessableContent,
            fields: [("title", ""), ("parent", "{parent}")]),
        Row("POST /categories/{id}/reorder", "/categories/{category}/reorder", .parentManage, allowed: .seeOther,
            fields: [("direction", "down")]),
        Row("POST /categories/{id}/delete", "/categories/{category}/delete", .category(.manage), allowed: .seeOther),
        Row("GET /a/{slug}", "/a/{slug}", .article(.read), allowed: .ok),
        Row("GET /a/{slug}/edit", "/a/{slug}/edit", .article(.edit), allowed: .ok),
        Row("POST /a/{slug}/edit", "/a/{slug}/edit", .article(.edit), allowed: .unprocessableContent, fields: [("title", ""), ("body", "x")]),
        Row("GET /a/{slug}/access", "/a/{slug}/access", .article(.manage), allowed: .ok),
        Row("GET /a/{slug}/checklist.json", "/a/{slug}/checklist.json", .article(.read), allowed: .ok),
        Row("GET /a/{slug}/export.docx", "/a/{slug}/export.docx", .article(.read), allowed: .ok),
        // Confirming a revision that is no longer current records nothing and says so; a page that asks nothing records nothing.
        Row("POST /a/{slug}/confirm", "/a/{slug}/confirm", .article(.read), allowed: .seeOther, fields: [("revision", "0")]),
        Row("GET /a/{slug}/reading", "/a/{slug}/reading", .readingReport(ofRequirement: false), allowed: .ok),
        Row("POST /a/{slug}/reading", "/a/{slug}/reading", .article(.manage), allowed: .unprocessableContent, fields: [("dueDays", "0")]),
        Row("GET /a/{slug}/reading.csv", "/a/{slug}/reading.csv", .readingReport(ofRequirement: true), allowed: .ok),
        Row("POST /a/{slug}/reviewed", "/a/{slug}/reviewed", .review, allowed: .seeOther),
        Row("GET /a/{slug}/stewardship", "/a/{slug}/stewardship", .article(.manage), allowed: .ok),
        Row("POST /a/{slug}/stewardship", "/a/{slug}/stewardship", .article(.manage), allowed: .unprocessableContent,
            fields: [("reviewMonths", "99")]),
        Row("GET /categories/{id}/stewardship", "/categories/{category}/stewardship", .category(.manage), allowed: .ok),
        Row("POST /categories/{id}/stewardship", "/categories/{category}/stewardship", .category(.manage), allowed: .unprocessableContent,
            fields: [("reviewMonths", "99")]),
        // For those who manage a category: the administrator, and Marina (HR's team pages).
        Row("GET /content-health", "/content-health", [.admin: .ok, .marina: .ok], otherwise: .notFound),
        Row("GET /content-health.csv", "/content-health.csv", [.admin: .ok, .marina: .ok], otherwise: .notFound),
        Row("POST /admin/users/{id}/reassign", "/admin/users/9999/reassign", otherwise: .notFound, fields: [("successor", "1")]),
        // Everyone who reads a page comments on it (an empty comment is refused).
        Row("POST /a/{slug}/comments", "/a/{slug}/comments", .article(.read), allowed: .unprocessableContent, fields: [("comment", " ")]),
        Row("GET /comments/{id}/edit", "/comments/999999/edit", otherwise: .notFound),
        Row("POST /comments/{id}/edit", "/comments/999999/edit", otherwise: .notFound, fields: [("comment", "x")]),
        Row("POST /comments/{id}/delete", "/comments/999999/delete", otherwise: .notFound),
        Row("POST /comments/{id}/resolve", "/comments/999999/resolve", otherwise: .notFound),
        Row("GET /approvals", "/approvals", otherwise: .ok),
        // A change nobody may see, or that does not exist, is missing for everyone.
        Row("GET /approvals/{id}", "/approvals/999999", otherwise: .notFound),
        Row("POST /approvals/{id}", "/approvals/999999", otherwise: .notFound, fields: [("title", "x"), ("body", "y")]),
        Row("POST /approvals/{id}/approve", "/approvals/999999/approve", otherwise: .notFound),
        Row("POST /approvals/{id}/return", "/approvals/999999/return", otherwise: .notFound, fields: [("comment", "why")]),
        Row("POST /approvals/{id}/withdraw", "/approvals/999999/withdraw", otherwise: .notFound),
        Row("GET /categories/{id}/approval", "/categories/{category}/approval", .category(.manage), allowed: .ok),
        Row("POST /categories/{id}/approval", "/categories/{category}/approval", .category(.manage), allowed: .seeOther,
            fields: [("mode", "inherit")]),
        // One person's pages to confirm (here the administrator's): for those who report on reading, and for the person.
        Row("GET /people/{id}/reading", "/people/1/reading", [.admin: .ok, .marina: .ok], otherwise: .notFound),
        // No sample page has this item: found or not, the answer is the same 404 (ticking itself is in ChecklistRoutesTests).
        Row("POST /a/{slug}/checklist", "/a/{slug}/checklist", otherwise: .notFound, fields: [("item", "0123456789abcdef"), ("checked", "1")]),
        Row("GET /a/{slug}/checklist", "/a/{slug}/checklist", .article(.manage), allowed: .ok),
        Row("POST /a/{slug}/access", "/a/{slug}/access", .article(.manage), allowed: .seeOther, fields: [("role-{restrictTo}", "on")]),
        Row("GET /a/{slug}/history", "/a/{slug}/history", .history(.read), allowed: .ok),
        Row("GET /a/{slug}/revisions/{number}", "/a/{slug}/revisions/1", .history(.read), allowed: .ok),
        Row("GET /a/{slug}/revisions/{number}/raw", "/a/{slug}/revisions/1/raw", .history(.read), allowed: .ok),
        Row("GET /a/{slug}/diff", "/a/{slug}/diff?from=1&to=1", .history(.read), allowed: .ok),
        Row("POST /a/{slug}/revisions/{number}/restore", "/a/{slug}/revisions/1/restore", .history(.edit), allowed: .seeOther),
        Row("POST /a/{slug}/revisions/{number}/redact", "/a/{slug}/revisions/1/redact", .history(.manage), allowed: .seeOther),
        // Administrators alone see redacted text, and undo a redaction.
        Row("POST /a/{slug}/revisions/{number}/unredact", "/a/{slug}/revisions/1/unredact", [.admin: .seeOther], otherwise: .notFound),
        Row("GET /changes", "/changes?category={category}", otherwise: .ok),
        // Searched by the title's later words, so the page's echo of the query is not the title itself;
        // as a phrase, since any one of the words finds pages whose own text may name a hidden page.
        Row("GET /search", "/search?q=%22{titleTail}%22&category={category}", otherwise: .ok),
        Row("GET /search", "/search?q=%22{titleTail}%22", otherwise: .ok),
        Row("GET /search/suggest", "/search/suggest?q={titleStart}", otherwise: .ok, guest: .ok),
        // Feed readers carry no session: a guest gets the feed of what guests may read (here nothing).
        Row("GET /changes.atom", "/changes.atom", otherwise: .ok, guest: .ok),
        Row("GET /new", "/new?category={category}", otherwise: .ok),
        // Starting from a page that is not a template, or that the person may not read, starts from nothing.
        Row("GET /new", "/new?category={category}&template={slug}", otherwise: .notFound),
        Row("POST /new", "/new", otherwise: .unprocessableContent, fields: [("title", ""), ("category", "{category}"), ("body", "x")]),
        Row("POST /preview", "/preview", otherwise: .ok, fields: [("body", "[[{title}]]")], echoes: true),
        Row("GET /trash", "/trash", otherwise: .ok),
        Row("POST /trash/{id}/restore", "/trash/9999/restore", otherwise: .notFound),
        Row("POST /trash/{id}/purge", "/trash/9999/purge", otherwise: .notFound),
        Row("GET /admin/access", "/admin/access", admins, otherwise: .notFound),
        Row("GET /admin/access/{id}", "/admin/access/{category}", .category(.manage), allowed: .ok),
        Row("POST /admin/access/{id}", "/admin/access/{category}", .category(.manage), allowed: .seeOther),
        Row("GET /admin/roles", "/admin/roles", admins, otherwise: .notFound),
        Row("POST /admin/roles", "/admin/roles", [.admin: .unprocessableContent], otherwise: .notFound, fields: [("name", "")]),
        Row("GET /admin/roles/{id}", "/admin/roles/1", admins, otherwise: .notFound),
        Row("POST /admin/roles/{id}", "/admin/roles/1", [.admin: .unprocessableContent], otherwise: .notFound, fields: [("name", "")]),
        Row("POST /admin/roles/{id}/delete", "/admin/roles/9999/delete", otherwise: .notFound),
        Row("GET /admin/users", "/admin/users", userManagers, otherwise: .notFound),
        Row("GET /admin/users/new", "/admin/users/new", userManagers, otherwise: .notFound),
        Row("POST /admin/users/new", "/admin/users/new", [.admin: .unprocessableContent, .nadia: .unprocessableContent], otherwise: .notFound,
            fields: [("username", ""), ("displayName", "x")]),
        Row("GET /admin/users/{id}", "/admin/users/2", userManagers, otherwise: .notFound),
        Row("POST /admin/users/{id}", "/admin/users/2", [.admin: .unprocessableContent, .nadia: .unprocessableContent], otherwise: .notFound,
            fields: [("displayName", "")]),
        // Nadia may not see as the administrator (user 1), who holds rights she lacks; the administrator may see as Nadia.
        Row("POST /admin/users/{id}/see-as", "/admin/users/1/see-as", otherwise: .notFound),
        Row("POST /admin/users/{id}/active", "/admin/users/9999/active", otherwise: .notFound, fields: [("active", "0")]),
        Row("POST /admin/users/{id}/password-link", "/admin/users/9999/password-link", otherwise: .notFound),
        Row("GET /admin/audit", "/admin/audit", admins, otherwise: .notFound),
        Row("GET /admin/backups", "/admin/backups", admins, otherwise: .notFound),
        Row("GET /admin/synonyms", "/admin/synonyms", admins, otherwise: .notFound),
        Row("POST /admin/synonyms", "/admin/synonyms", [.admin: .unprocessableContent], otherwise: .notFound, fields: [("synonyms", "one term")]),
        // The tests' database lives in memory, where there is nothing to back up.
        Row("POST /admin/backups", "/admin/backups", otherwise: .notFound),
        Row("POST /admin/users/{id}/see-as", "/admin/users/9999/see-as", otherwise: .notFound),
        Row("POST /see-as/stop", "/see-as/stop", otherwise: .seeOther),
        Row("GET /set-password/{token}", "/set-password/not-a-token", otherwise: .notFound),
        Row("GET /forgot-password", "/forgot-password", otherwise: .ok, guest: .ok),
        // The same answer whether the account exists or not.
        Row("POST /forgot-password", "/forgot-password", otherwise: .ok, fields: [("login", "nobody-here")]),
        Row("GET /notifications", "/notifications", otherwise: .ok),
        Row("GET /notifications/{id}", "/notifications/999999", otherwise: .notFound),
        Row("POST /notifications/read", "/notifications/read", otherwise: .seeOther),
        Row("POST /me/notifications", "/me/notifications", otherwise: .seeOther),
        Row("POST /watch", "/watch", otherwise: .notFound, fields: [("subject", "article:999999")]),
        Row("GET /people/suggest", "/people/suggest?q=ma", otherwise: .ok),
        Row("GET /unsubscribe/{token}", "/unsubscribe/1-mention-00", otherwise: .notFound),
        // The link's signature is its authority, not a session: guests are answered too.
        Row("POST /unsubscribe/{token}", "/unsubscribe/1-mention-00", [.guest: .notFound], otherwise: .notFound),
        Row("GET /admin/mail", "/admin/mail", admins, otherwise: .notFound),
        // The administrator has no address to test with.
        Row("POST /admin/mail/test", "/admin/mail/test", [.admin: .unprocessableContent], otherwise: .notFound),
        Row("POST /admin/mail/{id}/retry", "/admin/mail/999999/retry", [.admin: .seeOther], otherwise: .notFound),
        Row("GET /admin/client-fields", "/admin/client-fields", admins, otherwise: .notFound),
        // An empty name is refused: nothing is added by the table's walk.
        Row("POST /admin/client-fields", "/admin/client-fields", [.admin: .unprocessableContent], otherwise: .notFound,
            fields: [("labelRu", ""), ("target", "client"), ("kind", "text")]),
        Row("GET /admin/client-fields/{id}", "/admin/client-fields/999999", otherwise: .notFound),
        Row("POST /admin/client-fields/{id}", "/admin/client-fields/999999", otherwise: .notFound, fields: [("labelRu", "Регион")]),
        Row("POST /admin/client-fields/{id}/delete", "/admin/client-fields/999999/delete", otherwise: .notFound),
        Row("POST /set-password/{token}", "/set-password/not-a-token", otherwise: .notFound, fields: [("password", "a long new secret")]),
        // Every sample article and client card has a file, uploaded by the administrator first.
        // Where changes wait for approval, files reach readers only through approvers (others attach to a new page's draft).
        Row("POST /a/{slug}/files", "/a/{slug}/files?name=notes.txt", .change(waiting: .forbidden), allowed: .created,
            fields: [("words", "in the file")]),
        Row("GET /files/{id}/{name}", "/files/{file}/notes.txt", .article(.read), allowed: .ok),
        // A page not yet saved: everyone here writes somewhere, and the folder is theirs alone.
        Row("POST /drafts/{key}/files", "/drafts/ddddddddddddddddddddddddddddddddddddddddddd/files?name=notes.txt", otherwise: .created,
            fields: [("words", "in the file")]),
        // "Import from Word" reads only a multipart upload (its own tests send documents).
        Row("POST /new/import", "/new/import", otherwise: .unsupportedMediaType),
        Row("POST /files/{id}/delete", "/files/{file}/delete", .change(waiting: .forbidden), allowed: .seeOther),
        // Where changes wait for approval, trashing a page is for its approvers.
        Row("POST /a/{slug}/delete", "/a/{slug}/delete", .change(waiting: .forbidden), allowed: .seeOther),
    ] + clientRows + clientDeletion
}
