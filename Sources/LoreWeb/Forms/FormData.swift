import Hummingbird
import NIOCore

/// The fields of an `application/x-www-form-urlencoded` body. Bytes that are not valid UTF-8
/// become U+FFFD, which validation reports, so the person sees a message and keeps the rest.
struct FormData: Sendable {
    /// Room for the largest article body (256 KiB), percent-encoded, with the other fields.
    static let defaultLimit = 2 << 20

    private var values: [String: String] = [:]

    subscript(_ name: String) -> String {
        values[name] ?? ""
    }

    /// An id or a revision number from the form: nil unless it is one (see ``ClosedRange/ids``).
    func integer(_ name: String) -> Int64? {
        Int64(request: self[name], in: .ids)
    }

    static func read(from request: Request, limit: Int = defaultLimit) async throws -> FormData {
        let contentType = request.headers[.contentType]?.lowercased() ?? ""
        guard contentType.hasPrefix("application/x-www-form-urlencoded") else { throw HTTPError(.unsupportedMediaType) }
        return parse(Array(try await collect(request, limit: limit).readableBytesView))
    }

    /// The address's query read as a form would send it: `+` is a space (`?name=my+plan.pdf`).
    static func query(of request: Request) -> FormData {
        parse(Array((request.uri.query ?? "").utf8))
    }

    /// The whole body, or 413 when it is larger than `limit`.
    static func collect(_ request: Request, limit: Int = defaultLimit) async throws -> ByteBuffer {
        do {
            return try await request.body.collect(upTo: limit)
        } catch is NIOTooManyBytesError {
            throw HTTPError(.contentTooLarge)
        }
    }

    static func parse(_ bytes: [UInt8]) -> FormData {
        var form = FormData()
        for pair in bytes.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            let parts = pair.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
            let name = decode(parts[0])
            // The first value wins, as a repeated field has no meaning in Lore's forms.
            if form.values[name] == nil {
                form.values[name] = parts.count > 1 ? decode(parts[1]) : ""
            }
        }
        return form
    }

    private static func decode(_ encoded: ArraySlice<UInt8>) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(encoded.count)
        var index = encoded.startIndex
        while index < encoded.endIndex {
            let byte = encoded[index]
            if byte == UInt8(ascii: "+") {
                bytes.append(UInt8(ascii: " "))
            } else if byte == UInt8(ascii: "%"), index + 2 < encoded.endIndex,
                      let high = hexValue(encoded[index + 1]), let low = hexValue(encoded[index + 2]) {
                bytes.append(high << 4 | low)
                index += 2
            } else {
                bytes.append(byte)
            }
            index += 1
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
