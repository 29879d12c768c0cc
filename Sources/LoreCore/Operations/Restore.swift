import Foundation

/// Puts a backup in place of a data directory's database and files. The archive is checked
/// completely before anything is touched, the directory must not be in use by a server, and
/// what was there is moved aside (`replaced-<time>/`), never deleted.
public enum Restore {
    public struct Report: Sendable {
        public let manifest: BackupManifest
        /// Where the previous database and files went; nil when the directory was empty.
        public let previous: URL?
    }

    public static func run(archive: URL, into dataDirectory: URL, now: Date = Date()) throws -> Report {
        try FileManager.default.createDirectory(at: dataDirectory, withIntermediateDirectories: true)
        let lock = try DataDirectoryLock(directory: dataDirectory)
        let staging = dataDirectory.appendingPathComponent(".restore-\(UUID().uuidString)", isDirectory: true)
        defer { try? FileManager.default.removeItem(at: staging) }
        let manifest = try BackupArchive.verify(archive, extractTo: staging)

        let previous = try putInPlace(staging, into: dataDirectory, now: now)
        withExtendedLifetime(lock) {}
        return Report(manifest: manifest, previous: previous)
    }

    /// Moves the database and files in `staging` into the data directory, what was there going
    /// to `replaced-<time>/`, which is returned (nil when there was nothing).
    static func putInPlace(_ staging: URL, into dataDirectory: URL, now: Date) throws -> URL? {
        let manager = FileManager.default
        let names = [BackupManifest.databaseName, BackupManifest.databaseName + "-wal", BackupManifest.databaseName + "-shm", "files"]
        let existing = names.filter { manager.fileExists(atPath: dataDirectory.appendingPathComponent($0).path) }
        var previous: URL?
        if !existing.isEmpty {
            let aside = dataDirectory.appendingPathComponent("replaced-" + BackupArchive.name(for: now).dropFirst(BackupArchive.prefix.count)
                .dropLast(BackupArchive.suffix.count), isDirectory: true)
            try manager.createDirectory(at: aside, withIntermediateDirectories: true)
            for name in existing { try manager.moveItem(at: dataDirectory.appendingPathComponent(name), to: aside.appendingPathComponent(name)) }
            previous = aside
        }
        try manager.moveItem(at: staging.appendingPathComponent(BackupManifest.databaseName),
                             to: dataDirectory.appendingPathComponent(BackupManifest.databaseName))
        let files = staging.appendingPathComponent("files", isDirectory: true)
        if manager.fileExists(atPath: files.path) {
            try manager.moveItem(at: files, to: dataDirectory.appendingPathComponent("files", isDirectory: true))
        }
        return previous
    }
}
