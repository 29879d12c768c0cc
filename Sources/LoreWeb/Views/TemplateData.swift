import Mustache

/// Turns a view model into dictionaries and arrays before rendering.
///
/// swift-mustache looks every name up with a fresh `Mirror` on each context of the stack,
/// which made reflection most of a page's cost. Reflecting each value once, here, and
/// handing the renderer dictionaries (which it reads by key) cut page time severalfold.
enum TemplateData {
    static func flatten(_ value: Any) -> Any? {
        switch value {
        case is String, is Bool, is Int, is Int64, is Double, is any MustacheParent:
            return value
        case let optional as any OptionalValue:
            return optional.wrappedAny.flatMap(flatten)
        case let array as [Any]:
            return array.compactMap(flatten)
        default:
            let mirror = Mirror(reflecting: value)
            guard mirror.displayStyle == .struct || mirror.displayStyle == .class else { return value }
            var fields: [String: Any] = [:]
            for child in mirror.children {
                if let label = child.label, let flattened = flatten(child.value) { fields[label] = flattened }
            }
            return fields
        }
    }
}

/// Lets `flatten` see through optionals held in an `Any`.
protocol OptionalValue {
    var wrappedAny: Any? { get }
}

extension Optional: OptionalValue {
    var wrappedAny: Any? { self.map { $0 as Any } }
}
