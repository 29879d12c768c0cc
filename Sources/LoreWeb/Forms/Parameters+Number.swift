import Hummingbird
import LoreCore

extension Parameters {
    /// A number in the address (`/files/:id`, `/revisions/:number`): one that cannot be an id,
    /// too long, negative or no number at all, names nothing, so the answer is the same 404.
    func number<Number: FixedWidthInteger & Sendable>(_ name: String, as type: Number.Type = Int64.self) throws -> Number {
        guard let number = Number(request: get(name), in: 1...Number.max) else { throw NotFound() }
        return number
    }
}
