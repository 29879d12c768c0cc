/// libcmark 0.30.2 matches brackets in time that grows with the square of their number in one
/// block (CVE-2023-22486: 300 KB of `![[]()` took 8 s). No real page has hundreds of brackets
/// in one paragraph, list item or table row, so past `limit` in a block the rest are escaped:
/// they show as the brackets they are, and the parse stays linear.
enum BracketLimiter {
    static let limit = 256

    static func limited(_ markdown: String) -> String {
        var utf8 = Array(markdown.utf8)
        guard utf8.count(where: { $0 == UInt8(ascii: "[") }) > limit else { return markdown }
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count + utf8.count / 8)
        var inBlock = 0
        var fence: UInt8?
        var lineStart = 0
        utf8.append(UInt8(ascii: "\n"))
        for index in utf8.indices where utf8[index] == UInt8(ascii: "\n") {
            let line = utf8[lineStart...index]
            lineStart = index + 1
            let content = line.drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
            if let marker = fenceMarker(content) {
                fence = fence == nil ? marker : (fence == marker ? nil : fence)
            }
            if fence != nil || startsBlock(content) { inBlock = 0 }
            for byte in line {
                if byte == UInt8(ascii: "["), fence == nil {
                    inBlock += 1
                    if inBlock > limit { out.append(UInt8(ascii: "\\")) }
                }
                out.append(byte)
            }
        }
        out.removeLast()
        return String(decoding: out, as: UTF8.self)
    }

    private static func fenceMarker(_ line: ArraySlice<UInt8>) -> UInt8? {
        guard let first = line.first, first == UInt8(ascii: "`") || first == UInt8(ascii: "~"),
              line.prefix(3).allSatisfy({ $0 == first }), line.count >= 3 else { return nil }
        return first
    }

    /// A blank line, or one that opens a block of its own (list item, heading, quote, table row):
    /// brackets are counted per block, as cmark parses inlines per block.
    private static func startsBlock(_ line: ArraySlice<UInt8>) -> Bool {
        guard let first = line.first else { return true }
        switch first {
        case UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "#"), UInt8(ascii: ">"), UInt8(ascii: "|"):
            return true
        case UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "+"):
            return line.dropFirst().first.map { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\n") } ?? true
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            let rest = line.drop { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
            return rest.first == UInt8(ascii: ".") || rest.first == UInt8(ascii: ")")
        default:
            return false
        }
    }
}
