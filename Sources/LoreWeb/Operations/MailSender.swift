import Foundation
import Logging
import LoreCore
import ServiceLifecycle

/// Hands queued e-mails to the mail program one at a time, oldest first. A message is marked
/// sent as soon as the program has taken it, so a restart never sends it again; a failure is
/// retried later with growing waits (``MailQueue/failed(_:error:now:)``).
struct MailSender: Service {
    let queue: MailQueue
    let composer: MailComposer
    let sendmail: Sendmail
    let logger: Logger
    static let idle: Duration = .seconds(2)

    func run() async throws {
        while !Task.isCancelled {
            var sentOne = false
            do {
                sentOne = try await sendNext()
            } catch {
                logger.error("The e-mail queue could not be read", metadata: ["error": "\(error)"])
            }
            if !sentOne {
                do { try await cancelWhenGracefulShutdown { try await Task.sleep(for: Self.idle) } } catch { return }
            }
        }
    }

    /// Sends the next due e-mail; false when none is due.
    func sendNext() async throws -> Bool {
        guard let mail = try await queue.nextDue(), let id = mail.id else { return false }
        guard let message = try await composer.message(for: mail) else {
            try await queue.dropped(id, reason: "nothing the recipient may still see")
            return true
        }
        do {
            try await sendmail.send(message)
            try await queue.sent(id)
        } catch {
            logger.warning("An e-mail could not be handed over", metadata: ["mail": "\(id)", "error": "\(error)"])
            try await queue.failed(id, error: "\(error)", firstWait: composer.settings.retryAfter)
        }
        return true
    }
}
