import Foundation
import Testing
@testable import LoreCore

@Suite struct TarTests {
    @Test func entriesComeBackAsWrittenLongNamesIncluded() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lore-tar-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let archive = folder.appendingPathComponent("a.tar")
        // Past ustar's 100 bytes for a name: the folders go to the prefix field.
        let long = "files/" + String(repeating: "d", count: 90) + "/" + String(repeating: "e", count: 64)
        var writer = try TarWriter(creating: archive)
        try writer.add(name: "small", data: Data("hello".utf8))
        try writer.add(name: long, data: Data(repeating: 7, count: 1000))
        try writer.finish()
        var reader = try TarReader(reading: archive)
        defer { reader.close() }
        var seen: [(String, Data)] = []
        while let entry = try reader.next() {
            var data = Data()
            try reader.read(entry) { data.append($0) }
            seen.append((entry.name, data))
        }
        #expect(seen.map(\.0) == ["small", long])
        #expect(seen[0].1 == Data("hello".utf8) && seen[1].1 == Data(repeating: 7, count: 1000))
    }
}
