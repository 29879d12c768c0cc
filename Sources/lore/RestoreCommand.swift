import ArgumentParser
import Foundation
import LoreCore

struct RestoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Check a backup archive, or a replica (--from-replica), completely, then put it in place of the data directory's database and files.",
        discussion: "Refuses a damaged or incomplete archive, and a data directory a running server uses. What was there is moved to replaced-<time>/ in the data directory, not deleted.")

    @OptionGroup var common: CommonOptions

    @Argument(help: "The archive, lore-backup-….tar.")
    var archive: String?

    @Option(name: .long, help: "Restore from the replica `lore serve --replicate` keeps, a folder or a bucket, to its last second.")
    var fromReplica: String?

    @OptionGroup var replicaOptions: ReplicaOptions

    @Flag(name: .long, help: "Only check the archive; change nothing.")
    var checkOnly = false

    func validate() throws {
        guard (archive == nil) != (fromReplica == nil) else { throw ValidationError("Give either a backup archive or --from-replica LOCATION.") }
        if fromReplica != nil, checkOnly { throw ValidationError("--check-only checks an archive; a replica is checked as it is restored.") }
    }

    func run() async throws {
        if let fromReplica {
            try restore(fromReplica)
            return
        }
        guard let archive else { return }
        let url = URL(fileURLWithPath: archive)
        guard FileManager.default.fileExists(atPath: url.path) else { throw ValidationError("'\(archive)' does not exist.") }
        do {
            if checkOnly {
                let manifest = try BackupArchive.verify(url)
                print("The archive is complete and undamaged: \(manifest.articles) articles, \(manifest.clients) clients, made \(manifest.createdAt).")
                return
            }
            let report = try Restore.run(archive: url, into: URL(fileURLWithPath: common.data, isDirectory: true))
            print("Restored the backup made \(report.manifest.createdAt): \(report.manifest.articles) articles, \(report.manifest.clients) clients.")
            if let previous = report.previous { print("The previous database and files are in \(previous.path).") }
        } catch let error as BackupError {
            print(error.description)
            throw ExitCode(1)
        }
    }

    private func restore(_ location: String) throws {
        let (replica, litestream) = try replicaOptions.resolve(location)
        do {
            let report = try Restore.run(replica: replica, litestream: litestream, into: URL(fileURLWithPath: common.data, isDirectory: true))
            print("Restored the replica: \(report.articles) articles, \(report.clients) clients, \(report.files) files.")
            if let previous = report.previous { print("The previous database and files are in \(previous.path).") }
        } catch let error as BackupError {
            print(error.description)
            throw ExitCode(1)
        } catch let failure as Litestream.Failed {
            print(failure.message)
            throw ExitCode(1)
        }
    }
}
