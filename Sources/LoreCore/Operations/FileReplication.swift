import Crypto
import Foundation

/// Copies uploaded files from one store to another by digest, as rsync would copy only what
/// is new: a stored file never changes, so one that is present is complete and current.
/// Blocking disk work: run it on ``BlockingWork/files``.
public struct FileReplication: Sendable {
    public let source: FileStore
    public let destination: FileStore

    public init(source: FileStore, destination: FileStore) {
        self.source = source
        self.destination = destination
    }

    /// The file the destination lacks does not match its digest: the copy is damaged.
    public struct Damaged: Error, CustomStringConvertible, Equatable {
        public let digest: String
        public var description: String { "The file \(digest) does not match its digest: the copy is damaged." }
    }

    /// Copies every stored file the destination lacks; how many were copied.
    @discardableResult
    public func copyMissing() throws -> Int {
        var copied = 0
        for digest in source.digests(olderThan: .distantFuture) where try copy(digest) { copied += 1 }
        return copied
    }

    /// Copies one file unless the destination has it, checking its bytes against its name on
    /// the way; true when it was copied.
    @discardableResult
    public func copy(_ digest: String) throws -> Bool {
        let target = destination.path(of: digest)
        if FileManager.default.fileExists(atPath: target.path) { return false }
        let incoming = destination.root.appendingPathComponent("incoming", isDirectory: true)
        try FileManager.default.createDirectory(at: incoming, withIntermediateDirectories: true)
        let temporary = incoming.appendingPathComponent(UUID().uuidString)
        defer { try? FileManager.default.removeItem(at: temporary) }
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else { throw CocoaError(.fileWriteUnknown) }
        let input = try FileHandle(forReadingFrom: source.path(of: digest))
        defer { try? input.close() }
        let output = try FileHandle(forWritingTo: temporary)
        var hasher = SHA256()
        do {
            while let piece = try input.read(upToCount: 1 << 20), !piece.isEmpty {
                hasher.update(data: piece)
                try output.write(contentsOf: piece)
            }
            // On the replica's disk before it takes its name: a present file is a complete one.
            try output.synchronize()
            try output.close()
        } catch {
            try? output.close()
            throw error
        }
        guard hasher.finalize().hexString == digest else { throw Damaged(digest: digest) }
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.moveItem(at: temporary, to: target)
        return true
    }
}
