import Foundation
import Hummingbird

/// Reads a JSON request body into an input type, or says precisely what is wrong with it:
/// 415 when it is not JSON, 413 when too large, 400 naming the property of a type mismatch.
enum ApiBody {
    /// Room for the largest article (256 KiB) whose every character JSON escapes as `\uXXXX`.
    static let limit = 2 << 20

    /// Decodes the body, allowing only what its schema in the OpenAPI document allows.
    static func decode<Input: ApiInput>(_ type: Input.Type, from request: Request, schemas: ApiSchemas) async throws -> Input {
        let contentType = request.headers[.contentType]?.lowercased() ?? ""
        let mediaType = contentType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        guard mediaType == "application/json" || mediaType.hasSuffix("+json") else {
            throw ApiProblem(.unsupportedMediaType, "unsupported_media_type", detail: "Send the body as application/json.")
        }
        let buffer = try await FormData.collect(request, limit: limit)
        let body = Data(buffer.readableBytesView)
        do {
            let input = try ApiJSON.decoder().decode(Input.self, from: body)
            try schemas.check(body, against: Input.schema)
            return input
        } catch let error as DecodingError {
            throw ApiProblem.badRequest(describe(error))
        }
    }

    private static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let names = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return names.isEmpty ? "the body" : String(names.drop { $0 == "." })
        }
        switch error {
        case .typeMismatch(let type, let context): return "\(path(context)) must be \(jsonName(type))."
        case .valueNotFound(let type, let context): return "\(path(context)) must be \(jsonName(type)), not null."
        case .keyNotFound(let key, let context):
            let parent = path(context)
            return "\(parent == "the body" ? "" : parent + ".")\(key.stringValue) is missing."
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty ? "The body is not valid JSON." : "\(path(context)) has a value that is not allowed."
        @unknown default: return "The body could not be read."
        }
    }

    private static func jsonName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Bool.Type: "true or false"
        case is Int.Type, is Int64.Type: "an integer"
        case is [Any].Type: "an array"
        default: "an object"
        }
    }
}

/// A request body of the API: decodable, and named by its schema in the OpenAPI document.
protocol ApiInput: Decodable {
    static var schema: String { get }
}
