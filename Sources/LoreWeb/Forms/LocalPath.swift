import Foundation

/// Keeps redirects on this site: anything but a plain local path becomes "/".
enum LocalPath {
    /// What may stand in a `Location` header as it is: visible ASCII. Anything else (an article's
    /// Cyrillic address, a space) is percent-encoded, as a header may carry ASCII only.
    private static let headerSafe = CharacterSet(charactersIn: Unicode.Scalar(0x21)...Unicode.Scalar(0x7E))

    static func sanitized(_ path: String) -> String {
        guard path.hasPrefix("/"), !path.hasPrefix("//"),
              !path.contains("\\"), !path.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F })
        else { return "/" }
        return path.addingPercentEncoding(withAllowedCharacters: headerSafe) ?? "/"
    }
}
