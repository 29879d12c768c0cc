import ArgumentParser
import Foundation
import LoreWeb

/// Where backups go and how many are kept: shared by `serve` (scheduled backups) and `backup`.
struct BackupOptions: ParsableArguments {
    @Option(name: .customLong("backup-dir"), help: "Folder for backup archives; better on another disk (env: LORE_BACKUP_DIR; default: DATA/backups).")
    var givenDirectory: String?
    /// The option, else $LORE_BACKUP_DIR.
    var directory: String? { givenDirectory ?? Environment.value("LORE_BACKUP_DIR") }

    @Option(name: .customLong("backup-keep"), help: "How many backups to keep; older ones are deleted after a new one is made (env: LORE_BACKUP_KEEP).")
    var keep: Int = Environment.value("LORE_BACKUP_KEEP").flatMap { Int($0) } ?? 7

    @Option(name: .customLong("backup-every"),
            help: "How often the server backs up: daily, weekly, a number of hours such as 6h, or off (env: LORE_BACKUP_EVERY).")
    var every: String = Environment.value("LORE_BACKUP_EVERY") ?? "daily"

    func folder(data: String) -> URL {
        URL(fileURLWithPath: directory ?? URL(fileURLWithPath: data).appendingPathComponent("backups").path, isDirectory: true)
    }

    func validate() throws {
        guard (1...1000).contains(keep) else { throw ValidationError("--backup-keep must be between 1 and 1000.") }
        guard BackupSchedule.interval(every) != nil else {
            throw ValidationError("--backup-every must be daily, weekly, off or a number of hours such as 6h.")
        }
    }
}
