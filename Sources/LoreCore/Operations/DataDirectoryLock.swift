import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Held by a running server on its data directory (`lore.lock`), so that a restore — or a
/// second server — can tell the directory is in use. The operating system releases it when
/// the process ends, however it ends, so a killed server never leaves a stale lock.
public final class DataDirectoryLock: Sendable {
    private let descriptor: Int32

    /// Takes the lock, or throws ``BackupError/serverRunning(_:)`` when a process holds it.
    public init(directory: URL) throws {
        let path = directory.appendingPathComponent("lore.lock").path
        let descriptor = open(path, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw CocoaError(.fileWriteNoPermission) }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            throw BackupError.serverRunning(directory.path)
        }
        self.descriptor = descriptor
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
