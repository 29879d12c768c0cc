import Foundation

/// A local file read in pieces, for storing it like an upload (the sample content's files).
struct FileChunks: AsyncSequence, Sendable {
    let url: URL

    struct AsyncIterator: AsyncIteratorProtocol {
        let handle: FileHandle?

        func next() async throws -> [UInt8]? {
            guard let handle else { return nil }
            // A read waits on the disk: on its threads, not on those that serve requests.
            let chunk = try await BlockingWork.files.run(throwing: { try handle.read(upToCount: 1 << 20).map(Array.init) ?? [] })
            guard !chunk.isEmpty else {
                try handle.close()
                return nil
            }
            return chunk
        }
    }

    func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(handle: try? FileHandle(forReadingFrom: url))
    }
}
