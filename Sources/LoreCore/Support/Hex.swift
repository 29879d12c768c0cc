extension Sequence where Element == UInt8 {
    /// The bytes in lowercase hexadecimal, two digits each (digests, secrets). Written by hand:
    /// `String(format:)` per byte made hashing a session cookie a fifth of a cached page's time.
    public var hexString: String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(underestimatedCount * 2)
        for byte in self {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
