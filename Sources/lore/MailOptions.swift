import ArgumentParser
import Foundation
import LoreCore
import LoreWeb

/// E-mail: the mail program Lore hands messages to, and the address its links start with.
struct MailOptions: ParsableArguments {
    @Option(name: .long, help: """
        The sendmail-compatible program e-mail is handed to, with any arguments of its own \
        (Debian's msmtp-mta relays to your SMTP server); 'off' for no e-mail (env: LORE_SENDMAIL).
        """)
    var sendmail: String = Environment.value("LORE_SENDMAIL") ?? Sendmail.defaultPath

    @Option(name: .customLong("public-url"), help: "Where people reach Lore, e.g. https://wiki.example.ru; e-mails link there (env: LORE_PUBLIC_URL; default: http://HOST:PORT).")
    var givenPublicURL: String?
    /// The option, else $LORE_PUBLIC_URL.
    var publicURL: String? { givenPublicURL ?? Environment.value("LORE_PUBLIC_URL") }

    @Option(name: .long, help: "The sender of Lore's e-mails (env: LORE_MAIL_FROM).")
    var mailFrom: String = Environment.value("LORE_MAIL_FROM") ?? "Lore <lore@\(ProcessInfo.processInfo.hostName)>"

    @Option(name: .long, help: "Hour of the day (server time, 0-23) after which the daily digest is sent (env: LORE_DIGEST_HOUR).")
    var digestHour: Int = Environment.value("LORE_DIGEST_HOUR").flatMap { Int($0) } ?? 8

    @Option(name: .long, help: "Seconds between looks for due next steps, birthdays and pages to confirm or review (env: LORE_NOTIFICATION_INTERVAL).")
    var notificationInterval: Int = Environment.value("LORE_NOTIFICATION_INTERVAL").flatMap { Int($0) } ?? 300

    @Option(name: .long, help: "Seconds before the first retry of an e-mail the mail program refused; each next retry waits twice as long (env: LORE_MAIL_RETRY_SECONDS).")
    var mailRetrySeconds: Int = Environment.value("LORE_MAIL_RETRY_SECONDS").flatMap { Int($0) } ?? 60

    func validate() throws {
        guard (1...86_400).contains(mailRetrySeconds) else { throw ValidationError("--mail-retry-seconds must be between 1 and 86400.") }
        guard (0...23).contains(digestHour) else { throw ValidationError("--digest-hour must be between 0 and 23.") }
        guard (1...86_400).contains(notificationInterval) else { throw ValidationError("--notification-interval must be between 1 and 86400.") }
        if let publicURL, URL(string: publicURL)?.scheme?.hasPrefix("http") != true {
            throw ValidationError("--public-url must start with http:// or https://.")
        }
        if sendmail != "off", sendmail != Sendmail.defaultPath, Sendmail(commandLine: sendmail) == nil {
            throw ValidationError("--sendmail: '\(sendmail.split(separator: " ").first ?? "")' is not an executable program.")
        }
    }

    /// The default program may be missing (no mail transfer agent installed): e-mail is then off.
    func settings(host: String, port: Int) -> MailSettings {
        MailSettings(sendmail: sendmail == "off" ? nil : Sendmail(commandLine: sendmail), publicURL: publicURL ?? "http://\(host):\(port)",
                     from: mailFrom, digestHour: digestHour, scanInterval: .seconds(notificationInterval),
                     retryAfter: TimeInterval(mailRetrySeconds))
    }
}
