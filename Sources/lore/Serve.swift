import ArgumentParser
import Hummingbird
import Logging
import LoreCore
import LoreWeb

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the web server. On first start it creates the database, imports Content/ and an administrator.")

    @OptionGroup var common: CommonOptions

    @Option(name: .long, help: "Address to listen on (env: LORE_HOST).")
    var host: String = Environment.value("LORE_HOST") ?? "127.0.0.1"

    @Option(name: .long, help: "Port to listen on (env: LORE_PORT).")
    var port: Int = Environment.value("LORE_PORT").flatMap { Int($0) } ?? 8080

    @Option(name: .long, help: "Log level: trace, debug, info, notice, warning, error, critical (env: LORE_LOG_LEVEL).")
    var logLevel: String = Environment.value("LORE_LOG_LEVEL") ?? "info"

    @Flag(name: .long, help: "Do not import Content/ into a new database.")
    var noSampleContent = false

    @Flag(name: .long, help: "Mark cookies Secure, for a server behind HTTPS (env: LORE_SECURE_COOKIES=1).")
    var secureCookies = Environment.value("LORE_SECURE_COOKIES") == "1"

    @Option(name: .long, help: "Days without contact after which a client shows on its manager's reactivation list (env: LORE_REACTIVATION_DAYS).")
    var reactivationDays: Int = Environment.value("LORE_REACTIVATION_DAYS").flatMap { Int($0) } ?? 60

    @Option(name: .long, help: "Largest file an upload may be, in MiB (env: LORE_MAX_UPLOAD_MIB).")
    var maxUploadMib: Int = Environment.value("LORE_MAX_UPLOAD_MIB").flatMap { Int($0) } ?? 25

    @OptionGroup var backup: BackupOptions

    @OptionGroup var connections: ConnectionOptions

    @OptionGroup var mail: MailOptions

    @Option(name: .customLong("replicate"), help: "Stream the database continuously with Litestream and copy uploaded files to this folder or bucket (s3://bucket/lore); `lore restore --from-replica` brings it back (env: LORE_REPLICATE).")
    var givenReplicate: String?
    /// The option, else $LORE_REPLICATE.
    var replicate: String? { givenReplicate ?? Environment.value("LORE_REPLICATE") }

    @OptionGroup var replicaOptions: ReplicaOptions

    @Option(name: .customLong("metrics-token"), help: "Token Prometheus sends as 'Authorization: Bearer' for /metrics; without it, /metrics answers on the loopback address only (env: LORE_METRICS_TOKEN).")
    var givenMetricsToken: String?
    /// The option, else $LORE_METRICS_TOKEN.
    var metricsToken: String? { givenMetricsToken ?? Environment.value("LORE_METRICS_TOKEN") }

    @Option(name: .long, help: "Distinct client cards a day someone without clients.export may read; 0 for no limit (env: LORE_CLIENT_READ_LIMIT).")
    var clientReadLimit: Int = Environment.value("LORE_CLIENT_READ_LIMIT").flatMap { Int($0) } ?? ClientReadLedger.defaultDailyLimit

    @Option(name: .long, help: "Requests a minute each API token may make; 0 for no limit (env: LORE_API_RATE_LIMIT).")
    var apiRateLimit: Int = Environment.value("LORE_API_RATE_LIMIT").flatMap { Int($0) } ?? 600

    func run() async throws {
        guard (0...1_000_000).contains(apiRateLimit) else { throw ValidationError("--api-rate-limit must be between 0 and 1000000.") }
        guard (0...1_000_000).contains(clientReadLimit) else { throw ValidationError("--client-read-limit must be between 0 and 1000000.") }
        guard (1...4096).contains(maxUploadMib) else { throw ValidationError("--max-upload-mib must be between 1 and 4096.") }
        guard (1...3650).contains(reactivationDays) else {
            throw ValidationError("--reactivation-days must be between 1 and 3650.")
        }
        guard let level = Logger.Level(rawValue: logLevel) else {
            throw ValidationError("Unknown log level '\(logLevel)'.")
        }
        let replica = try replicate.map(replicaOptions.resolve)
        let arguments = AppArguments(
            host: host, port: port, dataDirectory: common.data, resourcesDirectory: common.resources,
            // The first administrator's password: read from the environment only, so it never shows in `ps`.
            adminPassword: Environment.value("LORE_ADMIN_PASSWORD"),
            importContentOnFirstStart: !noSampleContent, demoPassword: Environment.value("LORE_DEMO_PASSWORD"),
            secureCookies: secureCookies, reactivationDays: reactivationDays, uploadLimitMiB: maxUploadMib,
            apiRateLimit: apiRateLimit, backupDirectory: backup.directory, backupInterval: BackupSchedule.interval(backup.every) ?? nil,
            backupKeep: backup.keep, metricsToken: metricsToken, logLevel: level,
            connectionLimits: connections.limits, trustedProxies: TrustedProxies(connections.trustedProxy),
            clientReadLimit: clientReadLimit, mail: mail.settings(host: host, port: port),
            replica: replica?.0, litestream: replica?.1)
        let app = try await buildApplication(arguments)
        try await app.runService()
    }
}
