import Foundation
import Hummingbird
import NIOCore

/// The parts of a `multipart/form-data` body, read whole: for small uploads such as a client
/// spreadsheet. Anything malformed reads as no parts at all, which the caller reports.
struct MultipartForm: Sendable {
    struct Part: Sendable {
        let name: String
        let filename: String?
        let data: [UInt8]
    }

    let parts: [Part]

    func file(_ name: String) -> Part? {
        parts.first { $0.name == name && $0.filename != nil }
    }

    subscript(_ name: String) -> String {
        parts.first { $0.name == name && $0.filename == nil }.map { String(decoding: $0.data, as: UTF8.self) } ?? ""
    }

    static func isMultipart(_ request: Request) -> Bool {
        request.headers[.contentType]?.lowercased().hasPrefix("multipart/form-data") == true
    }

    /// 413 past `limit`, 415 for a body that is not multipart.
    static func read(from request: Request, limit: Int) async throws -> MultipartForm {
        guard isMultipart(request), let boundary = boundary(request.headers[.contentType] ?? "") else {
            throw HTTPError(.unsupportedMediaType)
        }
        let buffer = try await FormData.collect(request, limit: limit)
        return parse(Array(buffer.readableBytesView), boundary: boundary)
    }

    static func boundary(_ contentType: String) -> String? {
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if pair.count == 2, pair[0].lowercased() == "boundary" {
                let value = pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
                return value.isEmpty || value.utf8.count > 70 ? nil : value
            }
        }
        return nil
    }

    static func parse(_ body: [UInt8], boundary: String) -> MultipartForm {
        let delimiter = Array("--\(boundary)".utf8)
        let separator = Array("\r\n\r\n".utf8)
        var parts: [Part] = []
        guard var start = find(delimiter, in: body, from: 0) else { return MultipartForm(parts: []) }
        while true {
            let afterDelimiter = start + delimiter.count
            // "--" after the delimiter closes the body.
            guard afterDelimiter + 1 < body.count, !(body[afterDelimiter] == 0x2D && body[afterDelimiter + 1] == 0x2D),
                  let headerEnd = find(separator, in: body, from: afterDelimiter),
                  let next = find(Array("\r\n".utf8) + delimiter, in: body, from: headerEnd + separator.count)
            else { break }
            let headers = String(decoding: body[afterDelimiter..<headerEnd], as: UTF8.self)
            if let disposition = headers.split(whereSeparator: \.isNewline).first(where: { $0.lowercased().hasPrefix("content-disposition:") }),
               let name = parameter("name", in: String(disposition)) {
                parts.append(Part(name: name, filename: parameter("filename", in: String(disposition)),
                                  data: Array(body[(headerEnd + separator.count)..<next])))
            }
            start = next + 2
        }
        return MultipartForm(parts: parts)
    }

    /// A quoted parameter of a Content-Disposition header, such as `name="file"`.
    private static func parameter(_ key: String, in header: String) -> String? {
        for piece in header.split(separator: ";").dropFirst() {
            let pair = piece.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if pair.count == 2, pair[0].lowercased() == key {
                return String(pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\"")))
            }
        }
        return nil
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from: Int) -> Int? {
        guard let first = needle.first, needle.count <= haystack.count else { return nil }
        var index = from
        let last = haystack.count - needle.count
        while index <= last {
            if haystack[index] == first, haystack[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}
