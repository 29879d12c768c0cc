import Foundation
import Logging
import LoreCore

/// How to run the web application; the `serve` command fills it from flags and `LORE_*` variables.
public struct AppArguments: Sendable {
    public var host: String
    public var port: Int
    /// Holds `lore.sqlite`; created if missing.
    public var dataDirectory: String
    /// Where `Templates/`, `Public/` and `Content/` are found.
    public var resourcesDirectory: String
    /// The folder imported on first start; `Content/` in the resources directory when nil.
    public var contentDirectory: String?
    /// The administrator's password on first start; a random one is printed when nil.
    public var adminPassword: String?
    /// Keeps everything in memory and imports nothing unless asked: for tests.
    public var inMemory: Bool
    /// Imports `Content/` when the database is new.
    public var importContentOnFirstStart: Bool
    /// Creates the sample roles, grants and demo users along with the sample content.
    public var demoAccounts: Bool
    /// The demo accounts' password; random and printed when nil. For tests and demonstrations.
    public var demoPassword: String?
    /// Marks cookies Secure: set when the server sits behind HTTPS.
    public var secureCookies: Bool
    public var passwordCost: UInt8
    /// A client of yours goes on your home page's reactivation list after this many days without contact.
    public var reactivationDays: Int
    /// Uploads larger than this are refused with 413.
    public var uploadLimitMiB: Int
    /// Requests a minute each API token may make before 429; 0 turns the limit off.
    public var apiRateLimit: Int
    /// Where backups go; `backups/` in the data directory when nil.
    public var backupDirectory: String?
    /// Seconds between scheduled backups; nil: the server does not back up by itself.
    public var backupInterval: TimeInterval?
    public var backupKeep: Int
    /// Bearer token `/metrics` asks for; without one, metrics answer on the loopback address only.
    public var metricsToken: String?
    public var logLevel: Logger.Level
    /// Timeouts and limits for slow or greedy clients.
    public var connectionLimits: ConnectionLimits
    public var trustedProxies: TrustedProxies
    /// Distinct client cards a day for those without clients.export; 0 for no limit.
    public var clientReadLimit: Int
    public var mail: MailSettings
    /// Where the database and files are continuously copied, by the Litestream at `litestream`; nil: nowhere.
    public var replica: Replica?
    public var litestream: URL?

    public init(
        host: String = "127.0.0.1", port: Int = 8080, dataDirectory: String = "data", resourcesDirectory: String = ".",
        contentDirectory: String? = nil, adminPassword: String? = nil, inMemory: Bool = false, importContentOnFirstStart: Bool = true,
        demoAccounts: Bool = true, demoPassword: String? = nil, secureCookies: Bool = false, passwordCost: UInt8 = 12,
        reactivationDays: Int = 60, uploadLimitMiB: Int = 25, apiRateLimit: Int = 600,
        backupDirectory: String? = nil, backupInterval: TimeInterval? = nil, backupKeep: Int = 7, metricsToken: String? = nil, logLevel: Logger.Level = .info,
        connectionLimits: ConnectionLimits = .init(), trustedProxies: TrustedProxies = .init([]),
        clientReadLimit: Int = ClientReadLedger.defaultDailyLimit, mail: MailSettings = .init(),
        replica: Replica? = nil, litestream: URL? = nil
    ) {
        self.host = host
        self.port = port
        self.dataDirectory = dataDirectory
        self.resourcesDirectory = resourcesDirectory
        self.contentDirectory = contentDirectory
        self.adminPassword = adminPassword
        self.inMemory = inMemory
        self.importContentOnFirstStart = importContentOnFirstStart
        self.demoAccounts = demoAccounts
        self.demoPassword = demoPassword
        self.secureCookies = secureCookies
        self.passwordCost = passwordCost
        self.reactivationDays = reactivationDays
        self.uploadLimitMiB = uploadLimitMiB
        self.apiRateLimit = apiRateLimit
        self.backupDirectory = backupDirectory
        self.backupInterval = backupInterval
        self.backupKeep = backupKeep
        self.metricsToken = metricsToken
        self.logLevel = logLevel
        self.connectionLimits = connectionLimits
        self.trustedProxies = trustedProxies
        self.clientReadLimit = clientReadLimit
        self.replica = replica
        self.litestream = litestream
        self.mail = mail
    }
}
