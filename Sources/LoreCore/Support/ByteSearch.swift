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
