import Foundation
import GRDB
import Testing
@testable import LoreCore

/// Backups made while writes go on, restores that check everything first, and pruning.
@Suite struct BackupTests {
    /// A data directory on disk with an administrator, a category, articles and a file.
    struct Site {
        let folder: URL
        let database: AppDatabase
        let files: FileStore
        let admin: Principal
        let categoryId: Int64

        init(articles: Int = 3) async throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("lore-backup-\(UUID().uuidString)", isDirectory: true)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            database = try AppDatabase.open(path: folder.appendingPathComponent("lore.sqlite").path)
            files = FileStore(root: folder.appendingPathComponent("files"))
            let bootstrap = try await UserService(database: database, passwordCost: 4).bootstrapAdministrator(password: "test-password")
            admin = try #require(try await PrincipalLoader(database: database).principal(userId: bootstrap.administrator.id!))
            categoryId = try #require(try await CategoryService(database: database).create(CategoryDraft(title: "Handbook"), by: admin).id)
            for number in 0..<articles {
                _ = try await ArticleService(database: database).create(
                    ArticleDraft(title: "Page \(number)", categoryId: categoryId, body: "Text of page \(number), ёлка."), by: admin)
            }
            _ = try await AttachmentService(database: database, store: files)
                .upload(AttachmentServiceTests.Chunks(pieces: [Array("plan bytes".utf8)]), name: "plan.txt", to: .article(slug: "page-0"), by: admin)
        }

        var backups: Backups { Backups(database: database, files: files, directory: folder.appendingPathComponent("backups")) }
    }

    /// Every row of every table, as text, table by table: equal dumps are equal databases.
    static func dump(_ path: URL) throws -> [String: [String]] {
        let queue = try DatabaseQueue(path: path.path, configuration: AppDatabase.makeConfiguration())
        defer { try? queue.close() }
        return try queue.read { db in
            var tables: [String: [String]] = [:]
            for table in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'") {
                // Virtual tables are read through their shadow tables, which are dumped as well.
                guard try Bool.fetchOne(db, sql: "SELECT sql LIKE 'CREATE VIRTUAL%' FROM sqlite_master WHERE name = ?", arguments: [table]) == false
                else { continue }
                tables[table] = try Row.fetchAll(db, sql: "SELECT * FROM \(table)").map(\.description).sorted()
            }
            return tables
        }
    }

    @Test func aBackupTakenWhileWritesRunRestoresAConsistentDatabase() async throws {
        let site = try await Site()
        let articles = ArticleService(database: site.database)
        let writes = Task {
            for number in 0..<40 {
                _ = try await articles.create(ArticleDraft(title: "Busy \(number)", categoryId: site.categoryId, body: String(repeating: "word ", count: 200)),
                                              by: site.admin)
            }
        }
        let (during, _) = try await site.backups.create()
        try await writes.value
        let target = site.folder.appendingPathComponent("restored-during", isDirectory: true)
        let report = try Restore.run(archive: during.url, into: target)
        let restored = try Self.dump(target.appendingPathComponent("lore.sqlite"))
        let live = try Self.dump(site.folder.appendingPathComponent("lore.sqlite"))
        // A snapshot: every revision it holds is exactly the live one (revisions never change).
        let revisions = try #require(restored["revision"])
        #expect(Set(revisions).isSubset(of: Set(live["revision"] ?? [])))
        #expect(report.manifest.articles >= 3 && report.manifest.articles <= 43)
        #expect(FileManager.default.fileExists(atPath: FileStore(root: target.appendingPathComponent("files")).path(of: try Self.planDigest(site)).path))

        // Taken with nothing running, the restore is the live database, row for row.
        let (quiet, _) = try await site.backups.create(now: Date().addingTimeInterval(1))
        let again = site.folder.appendingPathComponent("restored-quiet", isDirectory: true)
        _ = try Restore.run(archive: quiet.url, into: again)
        #expect(try Self.dump(again.appendingPathComponent("lore.sqlite")) == live)
    }

    static func planDigest(_ site: Site) throws -> String {
        try site.database.writer.read { db in try String.fetchOne(db, sql: "SELECT digest FROM attachment") ?? "" }
    }

    @Test func aDamagedOrIncompleteArchiveIsRefusedAndNothingIsTouched() async throws {
        let site = try await Site()
        let (archive, _) = try await site.backups.create()
        let bytes = try Data(contentsOf: archive.url)
        let target = site.folder.appendingPathComponent("target", isDirectory: true)
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        try Data("the old database".utf8).write(to: target.appendingPathComponent("lore.sqlite"))

        var flipped = bytes
        flipped[4096] ^= 0xFF
        let truncated = bytes.prefix(bytes.count / 2)
        for (name, damaged) in [("flipped", flipped), ("truncated", Data(truncated)), ("empty", Data())] {
            let url = site.folder.appendingPathComponent("\(name).tar")
            try damaged.write(to: url)
            #expect(throws: BackupError.self, "\(name)") { try Restore.run(archive: url, into: target) }
            #expect(throws: BackupError.self, "\(name)") { try BackupArchive.verify(url) }
        }
        #expect(try String(contentsOf: target.appendingPathComponent("lore.sqlite"), encoding: .utf8) == "the old database")
        #expect(try FileManager.default.contentsOfDirectory(atPath: target.path).sorted() == ["lore.lock", "lore.sqlite"])
    }

    @Test func aRunningServersDirectoryIsRefused() async throws {
        let site = try await Site()
        let (archive, _) = try await site.backups.create()
        let target = site.folder.appendingPathComponent("in-use", isDirectory: true)
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        do {
            let server = try DataDirectoryLock(directory: target)
            #expect(throws: BackupError.serverRunning(target.path)) { try Restore.run(archive: archive.url, into: target) }
            withExtendedLifetime(server) {}
        }
        // Once the server is gone the same restore goes through.
        #expect(try Restore.run(archive: archive.url, into: target).previous == nil)
    }

    @Test func pruningKeepsTheNewest() async throws {
        let site = try await Site(articles: 1)
        let start = Date()
        for hour in 0..<4 { _ = try await site.backups.create(now: start.addingTimeInterval(Double(hour) * 3600)) }
        #expect(await site.backups.list().count == 4)
        let deleted = try await site.backups.prune(keep: 2)
        #expect(deleted.count == 2)
        let kept = await site.backups.list()
        #expect(kept.count == 2 && kept[0].createdAt > kept[1].createdAt && kept[1].createdAt > deleted[0].createdAt)
    }
}
