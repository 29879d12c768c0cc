import Hummingbird

extension Request {
    /// The value of the cookie `name`, found by walking the `Cookie` headers' bytes. Hummingbird's
    /// `cookies` splits every cookie into strings on each use, a twentieth of a kept page, and the
    /// language and the session each asked.
    func cookie(_ name: String) -> String? {
        for field in headers where field.name == .cookie {
            var utf8 = Substring(field.value).utf8[...]
            while !utf8.isEmpty {
                let end = utf8.firstIndex(of: UInt8(ascii: ";")) ?? utf8.endIndex
                var pair = utf8[utf8.startIndex..<end]
                while pair.first == UInt8(ascii: " ") || pair.first == UInt8(ascii: "\t") { pair = pair.dropFirst() }
                if let equals = pair.firstIndex(of: UInt8(ascii: "=")), pair[pair.startIndex..<equals].elementsEqual(name.utf8) {
                    return String(Substring(pair[pair.index(after: equals)...]))
                }
                utf8 = end == utf8.endIndex ? utf8[end...] : utf8[utf8.index(after: end)...]
            }
        }
        return nil
    }
}
