import Foundation
import Logging
import LoreCore
import ServiceLifecycle

/// Backs up on a schedule while the server runs, and keeps the newest `keep` archives. The
/// next backup is due one interval after the newest archive in the folder (ten minutes after
/// start when there is none), so restarts neither skip nor repeat backups.
public struct BackupSchedule: Service {
    let backups: Backups
    let interval: TimeInterval
    let keep: Int
    let logger: Logger

    /// `daily`, `weekly`, `off` or hours (`6h`); `.some(nil)` is off, nil is not understood.
    public static func interval(_ text: String) -> TimeInterval?? {
        switch text.lowercased() {
        case "off": return .some(nil)
        case "daily": return 86_400
        case "weekly": return 7 * 86_400
        default:
            guard text.hasSuffix("h"), let hours = Int(text.dropLast()), (1...24 * 366).contains(hours) else { return nil }
            return TimeInterval(hours) * 3600
        }
    }

    public func run() async throws {
        while !Task.isCancelled {
            let due = await backups.list().first.map { $0.createdAt.addingTimeInterval(interval) } ?? Date().addingTimeInterval(600)
            let wait = max(1, due.timeIntervalSinceNow)
            do {
                try await cancelWhenGracefulShutdown { try await Task.sleep(for: .seconds(wait)) }
            } catch {
                return
            }
            do {
                let (archive, manifest) = try await backups.create()
                let pruned = try await backups.prune(keep: keep)
                logger.info("Backed up", metadata: [
                    "archive": "\(archive.url.lastPathComponent)", "bytes": "\(archive.size)", "articles": "\(manifest.articles)",
                    "pruned": "\(pruned.count)",
                ])
            } catch {
                // Tried again after a while rather than at once, so a full disk is not hammered.
                logger.error("Backup failed", metadata: ["error": "\(error)"])
                try? await cancelWhenGracefulShutdown { try await Task.sleep(for: .seconds(3600)) }
            }
        }
    }
}
