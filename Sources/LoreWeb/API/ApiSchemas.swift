import Foundation

/// The request bodies' schemas in the OpenAPI document, read once at start. A body with a
/// property its schema does not have is refused: the document says `additionalProperties:
/// false`, and a property the server silently dropped would be a typo the caller never hears of.
struct ApiSchemas: Sendable {
    private indirect enum Node: Sendable {
        case object(properties: [String: Node], closed: Bool)
        case array(Node)
        case reference(String)
        case anything
    }

    private let schemas: [String: Node]

    init(document: Data) throws {
        let root = try JSONSerialization.jsonObject(with: document) as? [String: Any]
        let components = (root?["components"] as? [String: Any])?["schemas"] as? [String: Any] ?? [:]
        schemas = components.compactMapValues { ($0 as? [String: Any]).map(Self.node) }
    }

    private static func node(_ schema: [String: Any]) -> Node {
        if let reference = schema["$ref"] as? String { return .reference(String(reference.split(separator: "/").last ?? "")) }
        if let properties = schema["properties"] as? [String: Any] {
            return .object(properties: properties.compactMapValues { ($0 as? [String: Any]).map(node) },
                           closed: schema["additionalProperties"] as? Bool == false)
        }
        if let items = schema["items"] as? [String: Any] { return .array(node(items)) }
        return .anything
    }

    /// Throws a 400 naming the first property that `schema` does not allow.
    func check(_ body: Data, against schema: String) throws {
        guard let node = schemas[schema], let json = try? JSONSerialization.jsonObject(with: body, options: [.fragmentsAllowed]) else { return }
        try check(json, node, path: "")
    }

    private func check(_ json: Any, _ node: Node, path: String) throws {
        switch node {
        case .reference(let name):
            if let target = schemas[name] { try check(json, target, path: path) }
        case .array(let items):
            for (index, element) in (json as? [Any] ?? []).enumerated() { try check(element, items, path: "\(path)[\(index)]") }
        case .object(let properties, let closed):
            guard let object = json as? [String: Any] else { return }
            for key in object.keys.sorted() {
                let name = path.isEmpty ? key : "\(path).\(key)"
                guard let property = properties[key] else {
                    if closed { throw ApiProblem.badRequest("\(name) is not a property this body may have.") }
                    continue
                }
                try check(object[key] as Any, property, path: name)
            }
        case .anything:
            break
        }
    }
}
