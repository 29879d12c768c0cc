import Foundation

/// A local file read in pieces, for storing it like an upload (the sample content's files).
struct FileChunks: AsyncSequence, Sendable {
    let url: URL

    struct AsyncIterator: AsyncIteratorProtocol {
        let handle: FileHandle?

        func next() async throws -> [UInt8]? {
            guard let handle, let data = try handle.read(upToCount: 65_536), !data.isEmpty else {
                try handle?.close()
                return nil
            }
            return Array(data)
        }
    }

    func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(handle: try? FileHandle(forReadingFrom: url))
    }
}
