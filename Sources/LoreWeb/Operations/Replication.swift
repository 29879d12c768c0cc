import Foundation
import Logging
import LoreCore
import ServiceLifecycle

/// Keeps the replica current while the server runs: Litestream streams the database (and is
/// started again when it stops on its own), and each uploaded file is copied as soon as it is
/// stored, after a first pass has copied whatever the replica lacks.
struct Replication: Service {
    let database: URL
    let files: FileReplication
    let replica: Replica
    let litestream: URL
    /// Digests of uploads as they are stored.
    let arrivals: AsyncStream<String>
    let logger: Logger

    func run() async throws {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await streamDatabase() }
            group.addTask { await copyFiles() }
            await group.waitForAll()
        }
    }

    private func streamDatabase() async {
        while !Task.isCancelled, !Task.isShuttingDownGracefully {
            let (process, lifeline) = Litestream.replicateProcess(database: database, to: replica, executable: litestream)
            let (exited, ended) = AsyncStream<Int32>.makeStream()
            process.terminationHandler = { ended.yield($0.terminationStatus); ended.finish() }
            do {
                try process.run()
            } catch {
                logger.error("Litestream could not start", metadata: ["error": "\(error)"])
                try? lifeline.close()
                return
            }
            logger.info("Replicating", metadata: ["replica": "\(replica.databaseURL)"])
            let status = await withGracefulShutdownHandler {
                await withTaskCancellationHandler {
                    var status: Int32 = -1
                    for await code in exited { status = code }
                    return status
                } onCancel: { try? lifeline.close() }
            } onGracefulShutdown: { try? lifeline.close() }
            try? lifeline.close()
            if Task.isCancelled || Task.isShuttingDownGracefully { return }
            // Stopped on its own (a full disk, a bucket that refuses): tried again, not hammered.
            logger.error("Litestream stopped; starting it again in 5 seconds", metadata: ["status": "\(status)"])
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: .seconds(5)) }
        }
    }

    private func copyFiles() async {
        do {
            let copied = try await BlockingWork.files.run(throwing: { [files] in try files.copyMissing() })
            logger.info("Replica's files are complete", metadata: ["copied": "\(copied)"])
        } catch {
            logger.error("Copying files to the replica failed", metadata: ["error": "\(error)"])
        }
        for await digest in arrivals.cancelOnGracefulShutdown() {
            do {
                _ = try await BlockingWork.files.run(throwing: { [files] in try files.copy(digest) })
            } catch {
                // The next start's first pass copies it.
                logger.error("Copying a file to the replica failed", metadata: ["digest": "\(digest)", "error": "\(error)"])
            }
        }
    }
}
