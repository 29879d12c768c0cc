/// Keeps redirects on this site: anything but a plain local path becomes "/".
enum LocalPath {
    static func sanitized(_ path: String) -> String {
        guard path.hasPrefix("/"), !path.hasPrefix("//"),
              !path.contains("\\"), !path.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F })
        else { return "/" }
        return path
    }
}
