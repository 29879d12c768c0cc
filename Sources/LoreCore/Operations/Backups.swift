import Crypto
import Foundation
import GRDB

/// Makes, lists and prunes backups in one folder while the server runs. A backup is a
/// consistent snapshot (`VACUUM INTO` reads in one transaction, so writes go on meanwhile)
/// plus the uploaded files that snapshot refers to — files are named by their content and
/// never change, so copying them after the snapshot is as consistent as the snapshot.
public struct Backups: Sendable {
    let database: AppDatabase
    let files: FileStore
    public let directory: URL

    public init(database: AppDatabase, files: FileStore, directory: URL) {
        self.database = database
        self.files = files
        self.directory = directory
    }

    /// Writes a new archive, verifies it by reading it back, and returns it.
    /// `principal` is who asked, for the audit log; nil for the schedule and the command line.
    public func create(now: Date = Date(), by principal: Principal? = nil) async throws -> (archive: BackupArchive, manifest: BackupManifest) {
        let scratch = directory.appendingPathComponent(".backup-\(UUID().uuidString)", isDirectory: true)
        let (archive, manifest) = try await BlockingWork.withScratchFolder(scratch) { try await write(using: scratch, now: now) }
        try await AuditLog(database: database).record(.backupCreated, actor: principal?.userId, subject: archive.url.lastPathComponent,
                                                      address: principal?.address ?? "")
        return (archive, manifest)
    }

    /// The snapshot, taken and checked in `scratch`, and the archive made of it.
    private func write(using scratch: URL, now: Date) async throws -> (BackupArchive, BackupManifest) {
        let snapshot = scratch.appendingPathComponent(BackupManifest.databaseName)
        try await database.reader.unsafeRead { db in try db.execute(sql: "VACUUM INTO ?", arguments: [snapshot.path]) }
        try await BlockingWork.files.run { try BackupArchive.checkIntegrity(of: snapshot) }
        let queue = try DatabaseQueue(path: snapshot.path, configuration: AppDatabase.makeConfiguration())
        let (digests, articles, clients) = try await queue.read { db in
            (try String.fetchAll(db, sql: "SELECT DISTINCT digest FROM attachment ORDER BY digest"),
             try Article.filter(Article.live).fetchCount(db),
             try Client.filter(Column("deletedAt") == nil).fetchCount(db))
        }
        try queue.close()
        return try await BlockingWork.files.run { [files, directory] in
            try Self.writeArchive(snapshot: snapshot, scratch: scratch, into: directory, files: files, digests: digests,
                                  articles: articles, clients: clients, now: now)
        }
    }

    /// The archive of the snapshot and the files it refers to, read back before it takes its
    /// final name: disk work, run off the request threads.
    private static func writeArchive(snapshot: URL, scratch: URL, into directory: URL, files: FileStore, digests: [String],
                                     articles: Int, clients: Int, now: Date) throws -> (BackupArchive, BackupManifest) {
        var entries = [BackupManifest.Entry(name: BackupManifest.databaseName, size: try Self.size(of: snapshot), sha256: try Self.sha256(of: snapshot))]
        var present: [(name: String, url: URL)] = []
        var missing: [String] = []
        for digest in digests {
            let url = files.path(of: digest)
            guard let size = try? Self.size(of: url) else {
                missing.append(digest)
                continue
            }
            let name = "files/\(digest.prefix(2))/\(digest.dropFirst(2).prefix(2))/\(digest)"
            entries.append(.init(name: name, size: size, sha256: digest))
            present.append((name, url))
        }
        let manifest = BackupManifest(format: BackupManifest.currentFormat, createdAt: now, articles: articles, clients: clients,
                                      entries: entries, missingFiles: missing)
        let partial = scratch.appendingPathComponent("archive.tar")
        var writer = try TarWriter(creating: partial)
        try writer.add(name: BackupManifest.name, data: try BackupManifest.encoder().encode(manifest), modified: now)
        try writer.add(name: BackupManifest.databaseName, file: snapshot, modified: now)
        for file in present { try writer.add(name: file.name, file: file.url, modified: now) }
        try writer.finish()
        _ = try BackupArchive.verify(partial)
        // Two backups in the same second (a click and the schedule) each get a name of their own.
        var stamp = now
        while FileManager.default.fileExists(atPath: directory.appendingPathComponent(BackupArchive.name(for: stamp)).path) {
            stamp = stamp.addingTimeInterval(1)
        }
        let final = directory.appendingPathComponent(BackupArchive.name(for: stamp))
        try FileManager.default.moveItem(at: partial, to: final)
        guard let archive = BackupArchive(final) else { throw BackupError.invalid("it could not be written") }
        return (archive, manifest)
    }

    /// The backups in the folder, newest first.
    public func list() async -> [BackupArchive] {
        await BlockingWork.files.run { [directory] in Self.archives(in: directory) }
    }

    /// Deletes all but the newest `keep` backups; returns what it deleted.
    @discardableResult
    public func prune(keep: Int) async throws -> [BackupArchive] {
        try await BlockingWork.files.run { [directory] in
            let old = Array(Self.archives(in: directory).dropFirst(max(1, keep)))
            for archive in old { try FileManager.default.removeItem(at: archive.url) }
            return old
        }
    }

    /// Reads the folder: disk work, run off the request threads.
    private static func archives(in directory: URL) -> [BackupArchive] {
        let urls = (try? FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: [.fileSizeKey])) ?? []
        return urls.compactMap(BackupArchive.init).sorted { $0.createdAt > $1.createdAt }
    }

    static func size(of url: URL) throws -> Int {
        guard let size = try url.resourceValues(forKeys: [.fileSizeKey]).fileSize else { throw CocoaError(.fileReadUnknown) }
        return size
    }

    static func sha256(of url: URL) throws -> String {
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        var hasher = SHA256()
        while let piece = try handle.read(upToCount: 1 << 20), !piece.isEmpty { hasher.update(data: piece) }
        return hasher.finalize().hexString
    }
}
