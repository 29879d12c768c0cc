import Foundation
import Logging
import LoreCore
import ServiceLifecycle

/// Every few minutes: looks for what the calendar makes due (``NotificationScan``), then
/// queues the morning digests once their hour has come.
struct NotificationSchedule: Service {
    let scan: NotificationScan
    let queue: MailQueue
    let settings: MailSettings
    let logger: Logger

    func run() async throws {
        while !Task.isCancelled {
            do {
                try await scan.run()
                if settings.sendmail != nil { try await queue.queueDigests(atHour: settings.digestHour) }
            } catch {
                logger.error("Could not look for due notifications", metadata: ["error": "\(error)"])
            }
            do { try await cancelWhenGracefulShutdown { try await Task.sleep(for: settings.scanInterval) } } catch { return }
        }
    }
}
