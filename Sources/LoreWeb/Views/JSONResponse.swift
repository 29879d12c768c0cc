import Foundation
import Hummingbird
import NIOCore

extension Response {
    /// A small JSON answer for the pages' own scripts (suggestions, uploads), never kept by the
    /// browser. The API writes its answers through ``ApiJSON`` instead.
    static func json<Value: Encodable>(_ value: Value, status: HTTPResponse.Status = .ok) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .withoutEscapingSlashes
        return Response(status: status, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
                        body: .init(byteBuffer: ByteBuffer(bytes: try encoder.encode(value))))
    }
}
