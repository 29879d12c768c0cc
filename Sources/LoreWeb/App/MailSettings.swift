import Foundation
import LoreCore

/// How Lore sends e-mail and what its messages point to.
public struct MailSettings: Sendable {
    /// The mail program; nil: e-mail is off (invitations then show their link instead).
    public var sendmail: Sendmail?
    /// Where people reach Lore, e.g. `https://wiki.example.ru`: e-mails carry absolute links.
    public var publicURL: String
    public var from: String
    /// The hour (server time) after which the day's digest goes out.
    public var digestHour: Int
    /// How often due next steps, birthdays, pages to confirm or review are looked for.
    public var scanInterval: Duration
    /// The wait before the first retry of a failed hand-off; each next one waits twice as long.
    public var retryAfter: TimeInterval

    public init(sendmail: Sendmail? = nil, publicURL: String = "http://127.0.0.1:8080", from: String = "Lore <lore@localhost>",
                digestHour: Int = 8, scanInterval: Duration = .seconds(300), retryAfter: TimeInterval = 60) {
        self.sendmail = sendmail
        self.publicURL = publicURL.hasSuffix("/") ? String(publicURL.dropLast()) : publicURL
        self.from = from
        self.digestHour = digestHour
        self.scanInterval = scanInterval
        self.retryAfter = retryAfter
    }
}
