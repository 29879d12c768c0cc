import Foundation
import GRDB

extension Restore {
    /// What a restore from a replica brought back.
    public struct ReplicaReport: Sendable {
        public let articles: Int
        public let clients: Int
        public let files: Int
        /// Where the previous database and files went; nil when the directory was empty.
        public let previous: URL?
    }

    /// Brings a data directory back to the replica's last second: Litestream restores the
    /// database, which must pass SQLite's integrity check, and every file it refers to is
    /// copied from the replica and checked against its digest — all before anything in the
    /// directory is touched, as with an archive.
    public static func run(replica: Replica, litestream: URL, into dataDirectory: URL, now: Date = Date()) throws -> ReplicaReport {
        try FileManager.default.createDirectory(at: dataDirectory, withIntermediateDirectories: true)
        let lock = try DataDirectoryLock(directory: dataDirectory)
        let staging = dataDirectory.appendingPathComponent(".restore-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: staging) }
        let database = staging.appendingPathComponent(BackupManifest.databaseName)
        try Litestream.restore(replica, to: database, executable: litestream)
        try BackupArchive.checkIntegrity(of: database)
        let queue = try DatabaseQueue(path: database.path, configuration: AppDatabase.makeConfiguration())
        let (digests, articles, clients) = try queue.read { db in
            (try String.fetchAll(db, sql: "SELECT DISTINCT digest FROM attachment ORDER BY digest"),
             try Article.filter(Article.live).fetchCount(db),
             try Client.filter(Column("deletedAt") == nil).fetchCount(db))
        }
        try queue.close()
        let files = FileReplication(source: replica.files, destination: FileStore(root: staging.appendingPathComponent("files", isDirectory: true)))
        for digest in digests {
            guard FileManager.default.fileExists(atPath: replica.files.path(of: digest).path) else {
                throw BackupError.invalid("the replica lacks the uploaded file \(digest) its database refers to")
            }
            do { try files.copy(digest) } catch let damaged as FileReplication.Damaged { throw BackupError.invalid(damaged.description) }
        }
        let previous = try putInPlace(staging, into: dataDirectory, now: now)
        withExtendedLifetime(lock) {}
        return ReplicaReport(articles: articles, clients: clients, files: digests.count, previous: previous)
    }
}
