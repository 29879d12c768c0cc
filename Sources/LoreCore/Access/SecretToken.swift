import Crypto
import Foundation

/// The secrets Lore hands out (session cookies, set-password links). The database keeps only
/// their SHA-256 digests, so a copy of it (a backup, a stolen disk) signs nobody in.
public enum SecretToken {
    /// 256 random bits, URL-safe.
    public static func random() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    /// What is stored in place of the token.
    public static func digest(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).hexString
    }
}
