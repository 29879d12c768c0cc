import Crypto
import Foundation

/// Uploaded bytes on disk, stored once per content: a file is named by the SHA-256 of its
/// bytes (`files/ab/cd/abcd…`). An upload is written to a temporary file while it is hashed
/// and counted, then moved into place in one step, so a half-received upload never appears.
public struct FileStore: Sendable {
    public let root: URL
    /// Told the digest of each upload once it is in place: the replica copies it from there.
    let stored: (@Sendable (String) -> Void)?

    public init(root: URL, stored: (@Sendable (String) -> Void)? = nil) {
        self.root = root
        self.stored = stored
    }

    /// What an upload stored.
    public struct Stored: Sendable, Equatable {
        public let digest: String
        public let size: Int
        /// The first bytes, to tell the file's type by its content.
        public let head: [UInt8]
    }

    /// The upload went over `limit` bytes; nothing was kept.
    public struct TooLarge: Error, Equatable, Sendable {
        public let limit: Int
    }

    /// Streams `chunks` to disk. Throws ``TooLarge`` past `limit`, and whatever the source
    /// throws; either way the partial file is removed.
    /// Every call that waits on the disk runs on ``BlockingWork/files``, never on the threads that serve requests.
    public func store<Chunks: AsyncSequence>(_ chunks: Chunks, limit: Int) async throws -> Stored where Chunks.Element == [UInt8] {
        let (temporary, handle) = try await BlockingWork.files.run(throwing: { [root] in try Self.openIncoming(in: root) })
        var moved = false
        defer { if !moved { try? FileManager.default.removeItem(at: temporary) } }
        var hasher = SHA256()
        var size = 0
        var head: [UInt8] = []
        // Written a mebibyte at a time.
        var pending: [UInt8] = []
        let write = { (bytes: [UInt8]) in try await BlockingWork.files.run { try handle.write(contentsOf: bytes) } }
        do {
            for try await chunk in chunks {
                size += chunk.count
                if size > limit { throw TooLarge(limit: limit) }
                if head.count < 512 { head += chunk.prefix(512 - head.count) }
                hasher.update(data: chunk)
                pending += chunk
                if pending.count >= 1 << 20 {
                    try await write(pending)
                    pending.removeAll(keepingCapacity: true)
                }
            }
            if !pending.isEmpty { try await write(pending) }
            // On disk before it is acknowledged: the row that points at it is committed next.
            try await BlockingWork.files.run {
                try handle.synchronize()
                try handle.close()
            }
        } catch {
            try? handle.close()
            throw error
        }
        let digest = hasher.finalize().hexString
        let destination = path(of: digest)
        try await BlockingWork.files.run(throwing: { try Self.place(temporary, at: destination) })
        moved = true
        stored?(digest)
        return Stored(digest: digest, size: size, head: head)
    }

    /// A new empty file under `incoming`, open for writing.
    private static func openIncoming(in root: URL) throws -> (URL, FileHandle) {
        let incoming = root.appendingPathComponent("incoming", isDirectory: true)
        try FileManager.default.createDirectory(at: incoming, withIntermediateDirectories: true)
        let temporary = incoming.appendingPathComponent(UUID().uuidString)
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else { throw CocoaError(.fileWriteUnknown) }
        return (temporary, try FileHandle(forWritingTo: temporary))
    }

    /// Moves a received file to where its digest says, in one step.
    private static func place(_ temporary: URL, at destination: URL) throws {
        try FileManager.default.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
        if FileManager.default.fileExists(atPath: destination.path) {
            // The same bytes are stored already: keep one copy, marked as just used so that a
            // clean-up running before its row is written leaves it alone.
            try FileManager.default.removeItem(at: temporary)
            try FileManager.default.setAttributes([.modificationDate: Date()], ofItemAtPath: destination.path)
        } else {
            try FileManager.default.moveItem(at: temporary, to: destination)
        }
    }

    /// The digests of the stored files last written before `date`.
    func digests(olderThan date: Date) -> [String] {
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.contentModificationDateKey, .isRegularFileKey])
        var digests: [String] = []
        while let url = enumerator?.nextObject() as? URL {
            guard url.pathComponents.contains("incoming") == false, url.lastPathComponent.count == 64,
                  let values = try? url.resourceValues(forKeys: [.contentModificationDateKey, .isRegularFileKey]),
                  values.isRegularFile == true, let modified = values.contentModificationDate, modified < date
            else { continue }
            digests.append(url.lastPathComponent)
        }
        return digests
    }

    /// Where the bytes with this digest live. Digests are checked to be hex, so no name can
    /// lead outside the store.
    public func path(of digest: String) -> URL {
        let safe = digest.unicodeScalars.allSatisfy { ("0"..."9").contains($0) || ("a"..."f").contains($0) } && digest.count == 64
            ? digest : String(repeating: "0", count: 64)
        return root.appendingPathComponent(String(safe.prefix(2)), isDirectory: true)
            .appendingPathComponent(String(safe.dropFirst(2).prefix(2)), isDirectory: true)
            .appendingPathComponent(safe)
    }
}
