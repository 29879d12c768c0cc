#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Finding bytes in bytes with the C library (memchr, memcmp). The generic searches that Swift
/// offers for `[UInt8]` (Foundation's, through DataProtocol) took most of the time of a page made afresh.
enum ByteSearch {
    /// The offset of the first `needle` in `haystack` at or after `start`.
    static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int = 0) -> Int? {
        guard let first = needle.first, start >= 0, haystack.count - start >= needle.count else { return nil }
        return haystack.withUnsafeBufferPointer { hay in
            needle.withUnsafeBufferPointer { pin in
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
}
