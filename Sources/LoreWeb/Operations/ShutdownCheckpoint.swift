import Logging
import LoreCore
import ServiceLifecycle

/// Holds the data directory's lock while the server runs and, once the server has stopped
/// accepting and finished the requests in flight, moves the write-ahead log into the database
/// file: a stopped server leaves one self-contained file behind.
struct ShutdownCheckpoint: Service {
    let database: AppDatabase
    let lock: DataDirectoryLock
    let logger: Logger

    func run() async throws {
        try? await gracefulShutdown()
        do {
            try await database.checkpoint()
            logger.info("Stopped: the database is checkpointed")
        } catch {
            logger.error("Checkpoint at shutdown failed", metadata: ["error": "\(error)"])
        }
        withExtendedLifetime(lock) {}
    }
}
