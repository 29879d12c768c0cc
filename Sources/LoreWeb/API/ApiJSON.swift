import Crypto
import Foundation
import Hummingbird
import NIOCore

/// Writes the API's JSON answers: one encoder (ISO 8601 dates, no escaped slashes), ETags on
/// reads with 304 for a copy the program already holds, and problem details for errors.
enum ApiJSON {
    static let contentType = "application/json; charset=utf-8"

    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        return encoder
    }

    static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }

    /// A JSON answer. On a GET it carries an ETag — `version` (`r12`, `v3`) names what an
    /// update must be based on; the hash of the body changes whenever the answer does, e.g.
    /// when a linked page becomes visible — and a matching `If-None-Match` gets 304.
    static func response<Value: Encodable>(_ value: Value, status: HTTPResponse.Status = .ok, version: String? = nil,
                                          request: Request, headers: HTTPFields = [:]) throws -> Response {
        let data = try encoder().encode(value)
        var headers = headers
        headers[.contentType] = contentType
        if request.method == .get || version != nil {
            let hash = SHA256.hash(data: data).prefix(8).hexString
            let etag = version.map { "\"\($0)-\(hash)\"" } ?? "W/\"\(hash)\""
            headers[.eTag] = etag
            if request.method == .get, ETagList(request.headers[.ifNoneMatch]).matches(etag) {
                return Response(status: .notModified, headers: headers)
            }
        }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// 201 with the new thing and where it lives.
    static func created<Value: Encodable>(_ value: Value, at location: String, version: String? = nil, request: Request) throws -> Response {
        try response(value, status: .created, version: version, request: request, headers: [.location: location])
    }

    static func noContent() -> Response {
        Response(status: .noContent)
    }

    static func problem(_ problem: ApiProblem) throws -> Response {
        var headers = problem.headers
        headers[.contentType] = "application/problem+json; charset=utf-8"
        return Response(status: .init(code: problem.status), headers: headers,
                        body: .init(byteBuffer: ByteBuffer(bytes: try encoder().encode(problem))))
    }
}
