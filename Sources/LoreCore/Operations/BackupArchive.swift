import Crypto
import Foundation
import GRDB

/// One backup file: `lore-backup-YYYYMMDD-HHMMSS.tar` holding a manifest, a consistent
/// snapshot of the database and every uploaded file it refers to.
public struct BackupArchive: Sendable, Equatable {
    public let url: URL
    public let size: Int
    public let createdAt: Date

    static let prefix = "lore-backup-"
    static let suffix = ".tar"

    static func name(for date: Date) -> String {
        prefix + stamp.string(from: date) + suffix
    }

    /// The archive at `url` if its name is a backup's.
    init?(_ url: URL) {
        let name = url.lastPathComponent
        guard name.hasPrefix(Self.prefix), name.hasSuffix(Self.suffix),
              let date = Self.stamp.date(from: String(name.dropFirst(Self.prefix.count).dropLast(Self.suffix.count))),
              let size = (try? url.resourceValues(forKeys: [.fileSizeKey]))?.fileSize
        else { return nil }
        self.url = url
        self.size = size
        self.createdAt = date
    }

    private static var stamp: DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        return formatter
    }

    /// Reads the whole archive: every entry must be listed in the manifest with its size and
    /// digest, and the database it holds must pass SQLite's integrity check. With `extractTo`,
    /// the entries are also written there (the folder is the new data directory's content).
    public static func verify(_ url: URL, extractTo folder: URL? = nil) throws -> BackupManifest {
        do {
            return try readAndCheck(url, extractTo: folder)
        } catch let error as TarError {
            throw BackupError.invalid(error.description)
        }
    }

    private static func readAndCheck(_ url: URL, extractTo folder: URL?) throws -> BackupManifest {
        var reader = try TarReader(reading: url)
        defer { reader.close() }
        guard let first = try reader.next(), first.name == BackupManifest.name, first.size < 64 << 20 else {
            throw BackupError.invalid("it does not start with a manifest")
        }
        var manifestData = Data()
        try reader.read(first) { manifestData.append($0) }
        let manifest: BackupManifest
        do { manifest = try BackupManifest.decoder().decode(BackupManifest.self, from: manifestData) } catch {
            throw BackupError.invalid("its manifest cannot be read")
        }
        guard manifest.format <= BackupManifest.currentFormat else { throw BackupError.invalid("it was made by a newer Lore") }
        var expected = Dictionary(manifest.entries.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        while let entry = try reader.next() {
            guard let listed = expected.removeValue(forKey: entry.name), listed.size == entry.size, Self.isSafe(entry.name) else {
                throw BackupError.invalid("\(entry.name) is not in its manifest")
            }
            var hasher = SHA256()
            let output = try folder.map { try Self.create(entry.name, in: $0) }
            try reader.read(entry) { piece in
                hasher.update(data: piece)
                try output?.write(contentsOf: piece)
            }
            try output?.synchronize()
            try output?.close()
            guard hasher.finalize().hexString == listed.sha256 else { throw BackupError.invalid("\(entry.name) is damaged") }
        }
        guard expected.isEmpty else { throw BackupError.invalid("it is incomplete: \(expected.keys.sorted().prefix(3).joined(separator: ", ")) missing") }
        if let folder {
            try checkIntegrity(of: folder.appendingPathComponent(BackupManifest.databaseName))
        } else {
            // The database is checked from a copy: extracting it alone is the cheap way to open it.
            let scratch = url.deletingLastPathComponent().appendingPathComponent(".verify-\(UUID().uuidString)", isDirectory: true)
            defer { try? FileManager.default.removeItem(at: scratch) }
            try extractDatabase(url, to: scratch)
            try checkIntegrity(of: scratch.appendingPathComponent(BackupManifest.databaseName))
        }
        return manifest
    }

    static func checkIntegrity(of database: URL) throws {
        let queue = try DatabaseQueue(path: database.path, configuration: AppDatabase.makeConfiguration())
        let result = try queue.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
        try queue.close()
        guard result == ["ok"] else { throw BackupError.invalid("its database fails the integrity check: \(result.prefix(3).joined(separator: "; "))") }
    }

    private static func extractDatabase(_ url: URL, to folder: URL) throws {
        var reader = try TarReader(reading: url)
        defer { reader.close() }
        while let entry = try reader.next() {
            if entry.name == BackupManifest.databaseName {
                let output = try create(entry.name, in: folder)
                try reader.read(entry) { try output.write(contentsOf: $0) }
                try output.close()
                return
            }
            try reader.read(entry) { _ in }
        }
        throw BackupError.invalid("it holds no database")
    }

    /// Only the names a backup writes: the manifest, the database and files/ab/cd/<digest>.
    private static func isSafe(_ name: String) -> Bool {
        if name == BackupManifest.databaseName { return true }
        let parts = name.split(separator: "/", omittingEmptySubsequences: false)
        return parts.count == 4 && parts[0] == "files" && parts[1...].allSatisfy { part in
            !part.isEmpty && part.unicodeScalars.allSatisfy { ("0"..."9").contains($0) || ("a"..."f").contains($0) }
        }
    }

    private static func create(_ name: String, in folder: URL) throws -> FileHandle {
        let url = folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else { throw TarError.cannotCreate(url.path) }
        return try FileHandle(forWritingTo: url)
    }
}

public enum BackupError: Error, CustomStringConvertible, Equatable {
    case invalid(String)
    case serverRunning(String)

    public var description: String {
        switch self {
        case .invalid(let why): "This is not a usable Lore backup: \(why)."
        case .serverRunning(let folder): "A Lore server is running on \(folder). Stop it before restoring into it."
        }
    }
}
