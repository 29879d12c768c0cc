import ArgumentParser
import Foundation
import LoreCore

struct Backup: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Back up the database and uploaded files into one archive, while the server runs, and verify it.")

    @OptionGroup var common: CommonOptions
    @OptionGroup var backup: BackupOptions

    func run() async throws {
        let (database, _) = try await common.openAsAdministrator()
        let files = FileStore(root: URL(fileURLWithPath: common.data).appendingPathComponent("files"))
        let backups = Backups(database: database, files: files, directory: backup.folder(data: common.data))
        let started = Date()
        let (archive, manifest) = try await backups.create()
        let pruned = try await backups.prune(keep: backup.keep)
        print("""
            Wrote and verified \(archive.url.path)
              \(ByteCountFormatter.string(fromByteCount: Int64(archive.size), countStyle: .file)), \
            \(manifest.articles) articles, \(manifest.clients) clients, \(manifest.entries.count - 1) files, \
            in \(String(format: "%.1f", Date().timeIntervalSince(started))) s
            """)
        for old in pruned { print("Deleted the old backup \(old.url.lastPathComponent) (keeping \(backup.keep)).") }
        if !manifest.missingFiles.isEmpty {
            print("Warning: \(manifest.missingFiles.count) uploaded files named by the database were missing from \(files.root.path).")
        }
    }
}
