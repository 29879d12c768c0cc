import Foundation
import Testing
@testable import LoreCore

@Suite struct BlockingWorkTests {
    struct Refused: Error {}

    @Test func aScratchFolderIsThereForItsWorkAndGoneAfterItWhetherItFailedOrNot() async throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("lore-scratch-test-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: base) }
        let folder = base.appendingPathComponent("nested/work")
        let written = try await BlockingWork.withScratchFolder(folder) {
            try Data("picture".utf8).write(to: folder.appendingPathComponent("media.png"))
            return try FileManager.default.contentsOfDirectory(atPath: folder.path)
        }
        #expect(written == ["media.png"])
        #expect(!FileManager.default.fileExists(atPath: folder.path))
        await #expect(throws: Refused.self) {
            try await BlockingWork.withScratchFolder(folder) {
                try Data("half".utf8).write(to: folder.appendingPathComponent("part"))
                throw Refused()
            }
        }
        #expect(!FileManager.default.fileExists(atPath: folder.path))
    }
}
