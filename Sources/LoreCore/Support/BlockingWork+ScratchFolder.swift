import Foundation

extension BlockingWork {
    /// Runs `body` with `folder` made for it, then removes the folder with everything in it,
    /// whether `body` failed or not. Both on ``files``: a folder of a document's pictures or a
    /// snapshot of the database takes a while to delete.
    public static func withScratchFolder<Result: Sendable>(_ folder: URL, _ body: () async throws -> Result) async throws -> Result {
        try await files.run(throwing: { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) })
        let result: Result
        do {
            result = try await body()
        } catch {
            _ = await files.run { try? FileManager.default.removeItem(at: folder) }
            throw error
        }
        _ = await files.run { try? FileManager.default.removeItem(at: folder) }
        return result
    }
}
