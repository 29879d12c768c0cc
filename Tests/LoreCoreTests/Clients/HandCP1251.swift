/// A cp1251 encoder written by hand from the code page chart, independent of
/// the decoder under test: А–я are 0xC0–0xFF, Ё 0xA8, ё 0xB8, № 0xB9.
enum HandCP1251 {
    static func encode(_ text: String) -> [UInt8] {
        text.unicodeScalars.map { scalar in
            switch scalar.value {
            case 0..<0x80: return UInt8(scalar.value)
            case 0x0410...0x044F: return UInt8(scalar.value - 0x0410 + 0xC0)
            case 0x0401: return 0xA8
            case 0x0451: return 0xB8
            case 0x2116: return 0xB9
            case 0x00AB: return 0xAB
            case 0x00BB: return 0xBB
            case 0x2014: return 0x97
            default: return 0x3F  // "?" like Excel for unmappable characters
            }
        }
    }
}
