/// A `Range: bytes=…` header as far as Lore serves it: one range (several at once are rare
/// and answered with the whole file).
struct ByteRange: Equatable {
    let start: Int
    let end: Int

    var count: Int { end - start + 1 }

    enum Parsed: Equatable {
        case whole
        case range(ByteRange)
        case unsatisfiable
    }

    static func parse(_ header: String?, size: Int) -> Parsed {
        guard let header, header.hasPrefix("bytes="), !header.contains(",") else { return .whole }
        let spec = header.dropFirst("bytes=".count).split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
        guard spec.count == 2 else { return .whole }
        let first = Int(request: spec[0], in: 0...Int.max)
        let last = Int(request: spec[1], in: 0...Int.max)
        switch (first, last) {
        case (let start?, let end):
            guard start < size else { return .unsatisfiable }
            let end = min(end ?? size - 1, size - 1)
            return end >= start ? .range(ByteRange(start: start, end: end)) : .unsatisfiable
        case (nil, let suffix?):
            guard suffix > 0, size > 0 else { return .unsatisfiable }
            return .range(ByteRange(start: max(0, size - suffix), end: size - 1))
        default:
            return .whole
        }
    }
}
