import Foundation

/// File names as people send them, made safe to keep and show: the last path component only
/// (no `../../x`), no control characters, quotes or slashes, and not too long.
enum AttachmentName {
    static let maxLength = 150

    static func clean(_ name: String) -> String {
        let last = name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let kept = last.unicodeScalars.filter { scalar in
            scalar.value >= 0x20 && scalar.value != 0x7F && !"\"'<>:*?|".unicodeScalars.contains(scalar)
                && !(0x202A...0x202E).contains(scalar.value) && !(0x2066...0x2069).contains(scalar.value)
        }
        var cleaned = String(String.UnicodeScalarView(kept)).trimmingCharacters(in: .whitespaces)
        while cleaned.hasPrefix(".") { cleaned.removeFirst() }
        if cleaned.count > maxLength {
            let dot = cleaned.lastIndex(of: ".").map { cleaned[$0...] }.map(String.init) ?? ""
            cleaned = String(cleaned.prefix(maxLength - dot.count)) + (dot.count < 12 ? dot : "")
        }
        return cleaned.isEmpty ? "file" : cleaned
    }

    /// `name`, or `name (2).ext`, `name (3).ext` … when the owner has a live file so named.
    static func unique(_ name: String, taken: Set<String>) -> String {
        guard taken.contains(name) else { return name }
        let dot = name.lastIndex(of: ".").flatMap { $0 == name.startIndex ? nil : $0 }
        let stem = dot.map { String(name[..<$0]) } ?? name
        let ext = dot.map { String(name[$0...]) } ?? ""
        var number = 2
        while taken.contains("\(stem) (\(number))\(ext)") { number += 1 }
        return "\(stem) (\(number))\(ext)"
    }
}
