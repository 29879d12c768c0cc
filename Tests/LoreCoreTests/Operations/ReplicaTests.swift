import Foundation
import Testing
@testable import LoreCore

/// Where a replica goes, and copying uploaded files to it by digest.
@Suite struct ReplicaTests {
    @Test func aFolderHoldsTheDatabaseAndTheFiles() throws {
        let replica = try Replica(location: "/mnt/standby/lore/")
        #expect(replica.databaseURL == "file:///mnt/standby/lore/db")
        #expect(replica.files.root.path == "/mnt/standby/lore/files")
        #expect(try Replica(location: "file:///mnt/standby/lore").databaseURL == "file:///mnt/standby/lore/db")
    }

    @Test func aBucketHoldsTheDatabaseAndTheFilesNeedAFolder() throws {
        #expect(throws: Replica.Problem.filesNeedFolder("s3://bucket/lore")) { try Replica(location: "s3://bucket/lore") }
        let replica = try Replica(location: "s3://bucket/lore/", filesFolder: "/mnt/bucket-files")
        #expect(replica.databaseURL == "s3://bucket/lore/db")
        #expect(replica.files.root.path == "/mnt/bucket-files")
        #expect(throws: Replica.Problem.empty) { try Replica(location: "  ") }
    }

    @Test func copiesOnlyWhatTheReplicaLacksAndRefusesDamagedBytes() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lore-replica-\(UUID().uuidString)", isDirectory: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let heard = Heard()
        let source = FileStore(root: folder.appendingPathComponent("files"), stored: { digest in heard.add(digest) })
        let first = try await source.store(AttachmentServiceTests.Chunks(pieces: [Array("first".utf8)]), limit: 100)
        let second = try await source.store(AttachmentServiceTests.Chunks(pieces: [Array("second".utf8)]), limit: 100)
        #expect(heard.digests == [first.digest, second.digest], "the replica hears of each upload once it is stored")

        let replication = FileReplication(source: source, destination: FileStore(root: folder.appendingPathComponent("replica")))
        #expect(try replication.copy(first.digest))
        #expect(try replication.copyMissing() == 1)
        #expect(try replication.copyMissing() == 0)
        #expect(try Data(contentsOf: replication.destination.path(of: second.digest)) == Data("second".utf8))

        let third = try await source.store(AttachmentServiceTests.Chunks(pieces: [Array("third".utf8)]), limit: 100)
        try Data("tampered".utf8).write(to: source.path(of: third.digest))
        #expect(throws: FileReplication.Damaged(digest: third.digest)) { try replication.copy(third.digest) }
        #expect(!FileManager.default.fileExists(atPath: replication.destination.path(of: third.digest).path))
    }

    final class Heard: @unchecked Sendable {
        private let lock = NSLock()
        private var list: [String] = []
        var digests: [String] { lock.withLock { list } }
        func add(_ digest: String) { lock.withLock { list.append(digest) } }
    }
}
