import Foundation

/// Writes a POSIX ustar archive of regular files, streaming each file from disk. Lore's backups
/// hold only a database snapshot, a manifest and content-addressed files, so the format's
/// limits (names of 255 bytes, files under 8 GiB) are never reached; both are checked anyway.
struct TarWriter {
    private let handle: FileHandle

    init(creating url: URL) throws {
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else { throw TarError.cannotCreate(url.path) }
        handle = try FileHandle(forWritingTo: url)
    }

    mutating func add(name: String, data: Data, modified: Date = Date()) throws {
        try handle.write(contentsOf: Self.header(name: name, size: data.count, modified: modified))
        try handle.write(contentsOf: data)
        try pad(data.count)
    }

    /// Copies the file in 1 MiB pieces; the size is the file's when it was opened.
    mutating func add(name: String, file: URL, modified: Date = Date()) throws {
        let source = try FileHandle(forReadingFrom: file)
        defer { try? source.close() }
        let size = Int(try source.seekToEnd())
        try source.seek(toOffset: 0)
        try handle.write(contentsOf: Self.header(name: name, size: size, modified: modified))
        var remaining = size
        while remaining > 0 {
            guard let piece = try source.read(upToCount: min(1 << 20, remaining)), !piece.isEmpty else { throw TarError.truncated(name) }
            try handle.write(contentsOf: piece)
            remaining -= piece.count
        }
        try pad(size)
    }

    /// Two empty blocks end the archive; the data reaches the disk before this returns.
    func finish() throws {
        try handle.write(contentsOf: Data(count: 1024))
        try handle.synchronize()
        try handle.close()
    }

    private func pad(_ size: Int) throws {
        let rest = size % 512
        if rest != 0 { try handle.write(contentsOf: Data(count: 512 - rest)) }
    }

    static func header(name: String, size: Int, modified: Date) throws -> Data {
        let bytes = Array(name.utf8)
        guard size < 0o77777777777 else { throw TarError.tooLarge(name) }
        var prefix: [UInt8] = []
        var short = bytes
        if bytes.count > 100 {
            // ustar splits a long name at a slash: up to 155 bytes of folders, then up to 100 of name.
            guard let slash = bytes.indices.last(where: { bytes[$0] == UInt8(ascii: "/") && $0 <= 155 && bytes.count - $0 - 1 <= 100 })
            else { throw TarError.nameTooLong(name) }
            prefix = Array(bytes[..<slash])
            short = Array(bytes[(slash + 1)...])
        }
        var block = [UInt8](repeating: 0, count: 512)
        func put(_ field: [UInt8], at offset: Int) { block.replaceSubrange(offset..<offset + field.count, with: field) }
        func octal(_ value: Int, width: Int) -> [UInt8] {
            Array(String(value, radix: 8).leftPadded(to: width - 1).utf8) + [0]
        }
        put(short, at: 0)
        put(octal(0o644, width: 8), at: 100)
        put(octal(0, width: 8), at: 108)
        put(octal(0, width: 8), at: 116)
        put(octal(size, width: 12), at: 124)
        put(octal(Int(modified.timeIntervalSince1970), width: 12), at: 136)
        put(Array("        ".utf8), at: 148)
        block[156] = UInt8(ascii: "0")
        put(Array("ustar\u{0}00".utf8), at: 257)
        put(prefix, at: 345)
        let checksum = block.reduce(0) { $0 + Int($1) }
        put(Array(String(checksum, radix: 8).leftPadded(to: 6).utf8) + [0, UInt8(ascii: " ")], at: 148)
        return Data(block)
    }
}

enum TarError: Error, CustomStringConvertible {
    case cannotCreate(String)
    case truncated(String)
    case tooLarge(String)
    case nameTooLong(String)
    case corrupt(String)

    var description: String {
        switch self {
        case .cannotCreate(let path): "cannot create \(path)"
        case .truncated(let name): "\(name) ends early"
        case .tooLarge(let name): "\(name) is too large for the archive"
        case .nameTooLong(let name): "the name \(name) is too long for the archive"
        case .corrupt(let why): "the archive is damaged: \(why)"
        }
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
