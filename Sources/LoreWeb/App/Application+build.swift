import Foundation
import Hummingbird
import Logging
import LoreCore
import ServiceLifecycle

/// The web application: `lore serve` runs what this returns; tests drive it directly.
public func buildApplication(_ arguments: AppArguments) async throws -> some ApplicationProtocol {
    var logger = Logger(label: "lore")
    logger.logLevel = arguments.logLevel
    // Before the database is opened: a second server, or a restore, must not share the directory.
    let lock = try arguments.inMemory ? nil : DataDirectoryLock(directory: try dataDirectory(arguments))
    let arrivals = arguments.replica.map { _ in AsyncStream<String>.makeStream() }
    let routers = try await buildRouters(arguments, logger: logger, stored: arrivals?.continuation)
    var services: [any Service] = []
    if let lock { services.append(ShutdownCheckpoint(database: routers.database, lock: lock, logger: logger)) }
    // After the checkpoint's service, so that it stops before: its last sync sees every write.
    if let replica = arguments.replica, let litestream = arguments.litestream, let arrivals, !arguments.inMemory {
        services.append(Replication(
            database: try dataDirectory(arguments).appendingPathComponent(BackupManifest.databaseName),
            files: FileReplication(source: routers.files, destination: replica.files), replica: replica, litestream: litestream,
            arrivals: arrivals.stream, logger: logger))
    }
    if let backups = routers.backups, let interval = arguments.backupInterval {
        services.append(BackupSchedule(backups: backups, interval: interval, keep: arguments.backupKeep, logger: logger))
    }
    let database = routers.database
    services.append(NotificationSchedule(scan: NotificationScan(database: database, reactivationDays: arguments.reactivationDays),
                                         queue: MailQueue(database: database), settings: arguments.mail, logger: logger))
    if let sendmail = arguments.mail.sendmail {
        let composer = MailComposer(notifications: NotificationService(database: database), unsubscribe: UnsubscribeLink(database: database),
                                    settings: arguments.mail)
        services.append(MailSender(queue: MailQueue(database: database), composer: composer, sendmail: sendmail, logger: logger))
    }
    services.append(SearchUpkeep(search: SearchService(database: database), changes: database.changes, logger: logger))
    // Services stop in reverse order: the last views are written before the checkpoint.
    services.append(PageViewsFlush(views: routers.pageViews, logger: logger))
    let limits = arguments.connectionLimits
    let counter = ConnectionCounter(limit: limits.maxConnectionsPerAddress)
    return Application(
        router: routers,
        server: .http1(configuration: .init(
            additionalChannelHandlers: [ConnectionGuard(limits: limits, counter: counter, trustedProxies: arguments.trustedProxies)])),
        configuration: .init(address: .hostname(arguments.host, port: arguments.port), serverName: "Lore"),
        services: services,
        logger: logger)
}

/// Opens the database, makes sure an administrator and (on first start) the sample content
/// exist, and assembles the web's and the API's routers with every route.
/// `stored` hears of each uploaded file once it is on disk.
func buildRouters(_ arguments: AppArguments, logger: Logger, stored: AsyncStream<String>.Continuation? = nil) async throws -> LoreRouters {
    let resources = URL(fileURLWithPath: arguments.resourcesDirectory, isDirectory: true)
    // Folders are resolved because directory listings do not follow a symbolic link at the top.
    func resource(_ name: String) -> URL { resources.appendingPathComponent(name).resolvingSymlinksInPath() }

    let database = try openDatabase(arguments)
    database.mail.set(arguments.mail.sendmail != nil)
    let users = UserService(database: database, passwordCost: arguments.passwordCost)
    let bootstrap = try await users.bootstrapAdministrator(password: arguments.adminPassword)
    if let password = bootstrap.generatedPassword {
        // Printed, not logged: logs are kept and shipped, and must never hold a password.
        // Unbuffered, so it shows at once even when output goes to a file.
        FileHandle.standardOutput.write(Data("""

            Lore created the administrator account.
              username: \(UserService.administratorUsername)
              password: \(password)
            This password is shown only once.

            """.utf8))
    }
    let files = fileStore(arguments, stored: stored)
    let backups = try backups(arguments, database: database, files: files)
    let principals = PrincipalLoader(database: database)
    if arguments.importContentOnFirstStart, try await database.isEmpty() {
        guard let administratorId = bootstrap.administrator.id,
              let principal = try await principals.principal(userId: administratorId)
        else { throw NotFound() }
        let content = arguments.contentDirectory.map { URL(fileURLWithPath: $0) } ?? resource("Content")
        let report = try await ContentImporter(database: database, files: files).importFolder(at: content, by: principal)
        logger.info("Imported the sample content", metadata: [
            "categories": "\(report.categoriesCreated)", "articles": "\(report.articlesCreated)",
        ])
        for problem in report.problems { logger.warning("Import problem: \(problem)") }
        if arguments.demoAccounts {
            let demo = try await SampleAccess(database: database, passwordCost: arguments.passwordCost, content: content).apply(by: principal, password: arguments.demoPassword)
            // A password the operator chose is theirs already: only a generated one is printed.
            let shown = { (password: String) in arguments.demoPassword == nil ? password : "(LORE_DEMO_PASSWORD)" }
            let lines = demo.map { user in
                "  \(user.username.padding(toLength: 8, withPad: " ", startingAt: 0)) \(shown(user.password))  \(user.displayName)"
                    + (user.roles.isEmpty ? "" : " (\(user.roles.joined(separator: ", ")))")
            }
            FileHandle.standardOutput.write(Data("""
                Demo accounts, to see the access rights at work (shown only once):
                \(lines.joined(separator: "\n"))

                """.utf8))
        }
        // After the demo accounts, so that the sample cards find their managers.
        let clients = try await SampleClients(database: database)
            .importFolder(at: content.appendingPathComponent(SampleClients.folder), by: principal)
        logger.info("Imported the sample clients", metadata: ["clients": "\(clients)"])
    }

    let views = try await ViewRenderer(templatesDirectory: resource("Templates").path)
    let services = AppServices(
        database: database, views: views, passwordCost: arguments.passwordCost,
        files: files,
        uploadLimit: arguments.uploadLimitMiB << 20,
        apiSchemas: try ApiSchemas(document: Data(contentsOf: resource("Public/api/v1/openapi.json"))),
        clientReadLimit: arguments.clientReadLimit)
    let sessions = SessionStore(database: database)
    let seeAs = SeeAs(database: database, principals: principals)
    let router = Router(context: AppRequestContext.self)
    router.addMiddleware {
        SecurityHeadersMiddleware()
        LanguageMiddleware()
        SessionMiddleware(sessions: sessions, principals: principals, seeAs: seeAs, secureCookies: arguments.secureCookies)
        ErrorPageMiddleware(services: services)
        OriginCheckMiddleware()
        CSRFMiddleware()
        FileMiddleware(resource("Public").path, searchForIndexHtml: false, logger: logger)
        BellMiddleware(notifications: services.notifications)
    }
    let accounts = UserAdministration(database: database, passwordCost: arguments.passwordCost)
    AuthController(
        services: services, sessions: sessions, accounts: accounts, mailEnabled: arguments.mail.sendmail != nil,
        logins: LoginService(database: database, throttle: LoginThrottle(), passwordCost: arguments.passwordCost),
        secureCookies: arguments.secureCookies
    ).addRoutes(to: router)
    HomeController(services: services, reactivationDays: arguments.reactivationDays).addRoutes(to: router)
    CategoryController(services: services).addRoutes(to: router)
    ArticleController(services: services).addRoutes(to: router)
    ArticleAccessController(services: services).addRoutes(to: router)
    ChecklistController(services: services).addRoutes(to: router)
    AcknowledgementController(services: services).addRoutes(to: router)
    StewardshipController(services: services).addRoutes(to: router)
    ApprovalController(services: services).addRoutes(to: router)
    CommentController(services: services).addRoutes(to: router)
    NotificationController(services: services, unsubscribe: UnsubscribeLink(database: database)).addRoutes(to: router)
    MailAdminController(services: services, enabled: arguments.mail.sendmail != nil).addRoutes(to: router)
    CustomFieldController(services: services).addRoutes(to: router)
    WordController(services: services).addRoutes(to: router)
    TrashController(services: services).addRoutes(to: router)
    HistoryController(services: services).addRoutes(to: router)
    SearchController(services: services).addRoutes(to: router)
    ClientController(services: services).addRoutes(to: router)
    ClientEditController(services: services).addRoutes(to: router)
    ClientContactController(services: services).addRoutes(to: router)
    ClientTimelineController(services: services).addRoutes(to: router)
    ClientImportController(services: services).addRoutes(to: router)
    PurchaseImportController(services: services).addRoutes(to: router)
    ClientHandOverController(services: services).addRoutes(to: router)
    TaskController(services: services).addRoutes(to: router)
    ClientPurchaseController(services: services).addRoutes(to: router)
    ClientMergeController(services: services).addRoutes(to: router)
    ClientSummaryController(services: services).addRoutes(to: router)
    FileController(services: services, attachments: services.attachments).addRoutes(to: router)
    let tokens = ApiTokenService(database: database)
    AccountController(services: services, tokens: tokens).addRoutes(to: router)
    ChangesController(services: services, secure: arguments.secureCookies).addRoutes(to: router)
    AdminController(services: services).addRoutes(to: router)
    RoleAdminController(services: services).addRoutes(to: router)
    AuditController(services: services).addRoutes(to: router)
    SynonymController(services: services).addRoutes(to: router)
    BackupController(services: services, backups: backups, interval: arguments.backupInterval, keep: arguments.backupKeep).addRoutes(to: router)
    UserAdminController(services: services, accounts: accounts, publicURL: arguments.mail.publicURL).addRoutes(to: router)
    SeeAsController(services: services, seeAs: seeAs).addRoutes(to: router)
    let api = try ApiRoutes(services: services, tokens: tokens, principals: principals, rateLimit: arguments.apiRateLimit,
                            openAPIDocument: resource("Public/api/v1/openapi.json")).router()
    let metrics = RequestMetrics()
    let ops = OpsRoutes(database: database, metrics: metrics, metricsToken: arguments.metricsToken,
                        dataFile: arguments.inMemory ? nil : try dataDirectory(arguments).appendingPathComponent("lore.sqlite"), backups: backups)
    return LoreRouters(web: router, api: api, ops: ops.router(), log: RequestLog(metrics: metrics), trustedProxies: arguments.trustedProxies,
                       database: database, files: files, backups: backups, pageViews: services.pageViews)
}

private func openDatabase(_ arguments: AppArguments) throws -> AppDatabase {
    if arguments.inMemory { return try AppDatabase.inMemory() }
    return try AppDatabase.open(path: try dataDirectory(arguments).appendingPathComponent("lore.sqlite").path)
}

/// The data directory, created if missing.
private func dataDirectory(_ arguments: AppArguments) throws -> URL {
    try FileManager.default.createDirectory(atPath: arguments.dataDirectory, withIntermediateDirectories: true)
    return URL(fileURLWithPath: arguments.dataDirectory, isDirectory: true)
}

/// Backups go to `--backup-dir`, or `backups/` beside the database; a database in memory
/// (tests) is backed up only into a folder given explicitly.
private func backups(_ arguments: AppArguments, database: AppDatabase, files: FileStore) throws -> Backups? {
    guard !arguments.inMemory || arguments.backupDirectory != nil else { return nil }
    let folder = try arguments.backupDirectory.map { URL(fileURLWithPath: $0, isDirectory: true) }
        ?? dataDirectory(arguments).appendingPathComponent("backups", isDirectory: true)
    return Backups(database: database, files: files, directory: folder)
}

/// Uploaded files live beside the database, in `files/`; an in-memory application (tests)
/// keeps them in a fresh temporary folder.
func fileStore(_ arguments: AppArguments, stored: AsyncStream<String>.Continuation?) -> FileStore {
    let root = arguments.inMemory
        ? FileManager.default.temporaryDirectory.appendingPathComponent("lore-files-\(UUID().uuidString)")
        : URL(fileURLWithPath: arguments.dataDirectory).appendingPathComponent("files")
    guard let stored else { return FileStore(root: root) }
    return FileStore(root: root, stored: { digest in stored.yield(digest) })
}
