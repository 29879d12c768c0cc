#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Finding bytes in bytes with the C library (memchr, memcmp). The generic searches that Swift
/// offers for `[UInt8]` (Foundation's, through DataProtocol) took most of the time of a page
/// made afresh, and Swift's `Regex` costs more to build than a page's text costs to scan.
public enum ByteSearch {
    /// The offset of the first `needle` in `haystack` at or after `start`.
    public static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int = 0) -> Int? {
        haystack.withUnsafeBufferPointer { hay in find(needle, in: hay, from: start) }
    }

    /// Whether `needle` is in `text`, read in its UTF-8 without copying.
    public static func contains(_ needle: String, in text: String) -> Bool {
        var text = text
        return text.withUTF8 { hay in find(Array(needle.utf8), in: hay) } != nil
    }

    /// `text` with every occurrence of each key replaced by its value, in one pass over its UTF-8:
    /// where two keys begin at one place the first listed wins, and a replacement is never read
    /// again. Foundation's `replacingOccurrences` copies the text into UTF-16 for every pair: a
    /// tenth of a bulk import went there.
    public static func replacing(_ pairs: KeyValuePairs<String, String>, in text: String) -> String {
        let keys = pairs.map { (key: Array($0.key.utf8), value: Array($0.value.utf8)) }
        var starts = [Bool](repeating: false, count: 256)
        for key in keys { if let first = key.key.first { starts[Int(first)] = true } }
        var text = text
        return text.withUTF8 { hay -> String? in
            var out: [UInt8] = []
            var copied = 0
            var at = 0
            var replaced = false
            while at < hay.count {
                guard starts[Int(hay[at])],
                      let key = keys.first(where: { key in
                          hay.count - at >= key.key.count && hay[at..<at + key.key.count].elementsEqual(key.key)
                      })
                else {
                    at += 1
                    continue
                }
                if !replaced { out.reserveCapacity(hay.count) }
                replaced = true
                out.append(contentsOf: hay[copied..<at])
                out.append(contentsOf: key.value)
                at += key.key.count
                copied = at
            }
            guard replaced else { return nil }
            out.append(contentsOf: hay[copied...])
            return String(decoding: out, as: UTF8.self)
        } ?? text
    }

    private static func find(_ needle: [UInt8], in hay: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Int? {
        guard let first = needle.first, start >= 0, hay.count - start >= needle.count else { return nil }
        return needle.withUnsafeBufferPointer { pin in
            guard let base = hay.baseAddress, let pinBase = pin.baseAddress else { return nil }
            let last = hay.count - pin.count
            var at = start
            while at <= last {
                guard let hit = memchr(base + at, Int32(first), last - at + 1) else { return nil }
                let index = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if memcmp(base + index, pinBase, pin.count) == 0 { return index }
                at = index + 1
            }
            return nil
        }
    }
}
