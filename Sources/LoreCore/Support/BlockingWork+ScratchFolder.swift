import Foundation

extension BlockingWork {
    /// Runs `body` with `folder` made for it, then removes the folder with everything in it,
    /// whether `body` failed or not. Both on ``files``: a folder of a document's pictures or a
    /// snapshot of the database takes a while to delete.
    public static func withScratchFolder<Value: Sendable>(_ folder: URL, _ body: () async throws -> Value) async throws -> Value {
        try await files.run(throwing: { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) })
        let outcome: Result<Value, any Error>
        do {
            outcome = .success(try await body())
        } catch {
            outcome = .failure(error)
        }
        _ = await files.run { try? FileManager.default.removeItem(at: folder) }
        return try outcome.get()
    }
}
