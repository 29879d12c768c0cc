import Foundation

/// Reads the ustar archives ``TarWriter`` makes, one entry at a time, checking each header's
/// checksum so that a damaged archive is reported rather than misread.
struct TarReader {
    struct Entry {
        let name: String
        let size: Int
    }

    private let handle: FileHandle

    init(reading url: URL) throws {
        handle = try FileHandle(forReadingFrom: url)
    }

    func close() {
        try? handle.close()
    }

    /// The next entry's header, or nil at the end of the archive.
    mutating func next() throws -> Entry? {
        guard let block = try handle.read(upToCount: 512), block.count == 512 else { throw TarError.corrupt("it ends in the middle") }
        let bytes = [UInt8](block)
        if bytes.allSatisfy({ $0 == 0 }) { return nil }
        var unsigned = bytes
        unsigned.replaceSubrange(148..<156, with: [UInt8](repeating: UInt8(ascii: " "), count: 8))
        guard Self.octal(bytes[148..<156]) == unsigned.reduce(0, { $0 + Int($1) }) else { throw TarError.corrupt("a header's checksum is wrong") }
        guard bytes[156] == UInt8(ascii: "0") || bytes[156] == 0, let size = Self.octal(bytes[124..<136]) else {
            throw TarError.corrupt("an entry is not a regular file")
        }
        let name = Self.text(bytes[0..<100])
        let prefix = Self.text(bytes[345..<500])
        return Entry(name: prefix.isEmpty ? name : prefix + "/" + name, size: size)
    }

    /// Streams the entry's bytes to `body` in 1 MiB pieces, then skips its padding.
    mutating func read(_ entry: Entry, into body: (Data) throws -> Void) throws {
        var remaining = entry.size
        while remaining > 0 {
            guard let piece = try handle.read(upToCount: min(1 << 20, remaining)), !piece.isEmpty else { throw TarError.truncated(entry.name) }
            try body(piece)
            remaining -= piece.count
        }
        let rest = entry.size % 512
        if rest != 0 { _ = try handle.read(upToCount: 512 - rest) }
    }

    private static func text(_ bytes: ArraySlice<UInt8>) -> String {
        String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
    }

    private static func octal(_ bytes: ArraySlice<UInt8>) -> Int? {
        let digits = String(decoding: bytes.prefix { $0 != 0 && $0 != UInt8(ascii: " ") }.drop { $0 == UInt8(ascii: " ") }, as: UTF8.self)
        return Int(digits, radix: 8)
    }
}
