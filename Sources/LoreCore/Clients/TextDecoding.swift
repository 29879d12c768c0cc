import Foundation

/// Turns the bytes of an uploaded text file (usually CSV) into a String.
///
/// Russian users send two kinds of files: UTF-8 (Google Sheets, LibreOffice,
/// Excel's "CSV UTF-8") and Windows-1251 (Excel's plain "CSV" on a Russian
/// Windows). Nothing in the file says which, so we guess: a file that is valid
/// UTF-8 is almost never cp1251 text, because Cyrillic cp1251 bytes are all
/// >= 0x80 and rarely form valid multi-byte UTF-8 sequences.
public enum TextDecoding: Sendable {
    public enum Encoding: String, Sendable, Hashable, Codable {
        case utf8
        case utf8BOM = "utf8-bom"
        case windows1251 = "windows-1251"
    }

    public static func decode(_ bytes: [UInt8]) -> (text: String, encoding: Encoding) {
        if bytes.starts(with: utf8BOM) {
            let body = bytes.dropFirst(utf8BOM.count)
            // A BOM is a strong promise, so invalid sequences after it become
            // U+FFFD instead of falling back to cp1251.
            return (String(decoding: body, as: UTF8.self), .utf8BOM)
        }
        if isValidUTF8(bytes) {
            return (String(decoding: bytes, as: UTF8.self), .utf8)
        }
        return (windows1251(bytes), .windows1251)
    }

    public static func decode(_ data: Data) -> (text: String, encoding: Encoding) {
        decode([UInt8](data))
    }

    /// Decodes Windows-1251 with our own table: Foundation's
    /// `String.Encoding.windowsCP1251` is missing or wrong on some Linux builds.
    public static func windows1251(_ bytes: [UInt8]) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(bytes.count)
        for byte in bytes {
            if byte < 0x80 {
                scalars.append(Unicode.Scalar(byte))
            } else {
                let code = UInt32(cp1251High[Int(byte) - 0x80])
                scalars.append(Unicode.Scalar(code) ?? replacement)
            }
        }
        return String(scalars)
    }

    private static let utf8BOM: [UInt8] = [0xEF, 0xBB, 0xBF]
    private static let replacement: Unicode.Scalar = "\u{FFFD}"

    /// Stdlib-only validation, so it behaves the same on macOS and Linux and
    /// needs no newer-OS availability (`String(validating:)` does).
    private static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        var iterator = bytes.makeIterator()
        var codec = UTF8()
        while true {
            switch codec.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: return true
            case .error: return false
            }
        }
    }

    /// Unicode code points for bytes 0x80–0xFF, checked against the WHATWG
    /// index. 0x98 is unassigned in cp1251; like WHATWG we map it to U+0098
    /// so that no byte is ever lost.
    private static let cp1251High: [UInt16] = [
        0x0402, 0x0403, 0x201A, 0x0453, 0x201E, 0x2026, 0x2020, 0x2021,  // 0x80
        0x20AC, 0x2030, 0x0409, 0x2039, 0x040A, 0x040C, 0x040B, 0x040F,  // 0x88
        0x0452, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,  // 0x90
        0x0098, 0x2122, 0x0459, 0x203A, 0x045A, 0x045C, 0x045B, 0x045F,  // 0x98
        0x00A0, 0x040E, 0x045E, 0x0408, 0x00A4, 0x0490, 0x00A6, 0x00A7,  // 0xA0
        0x0401, 0x00A9, 0x0404, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x0407,  // 0xA8
        0x00B0, 0x00B1, 0x0406, 0x0456, 0x0491, 0x00B5, 0x00B6, 0x00B7,  // 0xB0
        0x0451, 0x2116, 0x0454, 0x00BB, 0x0458, 0x0405, 0x0455, 0x0457,  // 0xB8
        0x0410, 0x0411, 0x0412, 0x0413, 0x0414, 0x0415, 0x0416, 0x0417,  // 0xC0
        0x0418, 0x0419, 0x041A, 0x041B, 0x041C, 0x041D, 0x041E, 0x041F,  // 0xC8
        0x0420, 0x0421, 0x0422, 0x0423, 0x0424, 0x0425, 0x0426, 0x0427,  // 0xD0
        0x0428, 0x0429, 0x042A, 0x042B, 0x042C, 0x042D, 0x042E, 0x042F,  // 0xD8
        0x0430, 0x0431, 0x0432, 0x0433, 0x0434, 0x0435, 0x0436, 0x0437,  // 0xE0
        0x0438, 0x0439, 0x043A, 0x043B, 0x043C, 0x043D, 0x043E, 0x043F,  // 0xE8
        0x0440, 0x0441, 0x0442, 0x0443, 0x0444, 0x0445, 0x0446, 0x0447,  // 0xF0
        0x0448, 0x0449, 0x044A, 0x044B, 0x044C, 0x044D, 0x044E, 0x044F,  // 0xF8
    ]
}
