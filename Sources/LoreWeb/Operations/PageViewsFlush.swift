import Foundation
import Logging
import LoreCore
import ServiceLifecycle

/// Writes the pages' last views (``PageViews``) once a minute, and once more on shutdown.
struct PageViewsFlush: Service {
    let views: PageViews
    let logger: Logger
    static let interval: Duration = .seconds(60)

    func run() async throws {
        while !Task.isCancelled {
            let stopping: Bool
            do {
                try await cancelWhenGracefulShutdown { try await Task.sleep(for: Self.interval) }
                stopping = false
            } catch {
                stopping = true
            }
            do {
                try await views.flush()
            } catch {
                logger.error("Could not record page views", metadata: ["error": "\(error)"])
            }
            if stopping { return }
        }
    }
}
