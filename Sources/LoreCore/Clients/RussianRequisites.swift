import Foundation

/// Checksums of Russian registration numbers, so a typo in a client card is
/// caught at entry instead of on a returned invoice. A valid checksum does
/// not prove the company exists; that needs the tax service (ФНС) lookup.
public enum RussianRequisites: Sendable {
    /// Which requisite a field holds.
    public enum Kind: String, Sendable {
        case inn
        case kpp
        case ogrn

        func isValid(_ input: String) -> Bool {
            switch self {
            case .inn: RussianRequisites.isValidINN(input)
            case .kpp: RussianRequisites.isValidKPP(input)
            case .ogrn: RussianRequisites.isValidOGRN(input)
            }
        }
    }

    /// ИНН: 10 digits for a company, 12 for an individual or sole trader.
    public static func isValidINN(_ input: String) -> Bool {
        guard let digits = digits(input) else { return false }
        switch digits.count {
        case 10:
            return checkDigit(digits, weights: [2, 4, 10, 3, 5, 9, 4, 6, 8]) == digits[9]
        case 12:
            return checkDigit(digits, weights: [7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) == digits[10]
                && checkDigit(digits, weights: [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) == digits[11]
        default:
            return false
        }
    }

    /// КПП: tax office (4 digits), reason code (2 digits or A–Z, since 2013
    /// letters are allowed there), serial number (3 digits). No checksum.
    public static func isValidKPP(_ input: String) -> Bool {
        let scalars = Array(input.trimmingCharacters(in: .whitespacesAndNewlines).unicodeScalars)
        guard scalars.count == 9 else { return false }
        for (index, scalar) in scalars.enumerated() {
            let isDigit = ("0"..."9").contains(scalar)
            let isLetter = ("A"..."Z").contains(scalar)
            let allowed = (4...5).contains(index) ? isDigit || isLetter : isDigit
            if !allowed { return false }
        }
        return true
    }

    /// ОГРН (13 digits, companies) or ОГРНИП (15 digits, sole traders): the
    /// number without its last digit, mod 11 or mod 13, then mod 10.
    public static func isValidOGRN(_ input: String) -> Bool {
        guard let digits = digits(input) else { return false }
        let modulus: Int
        switch digits.count {
        case 13: modulus = 11
        case 15: modulus = 13
        default: return false
        }
        // Reduce while reading instead of building the number, so nothing
        // depends on the 14-digit value fitting an Int.
        var remainder = 0
        for digit in digits.dropLast() {
            remainder = (remainder * 10 + digit) % modulus
        }
        return remainder % 10 == digits[digits.count - 1]
    }

    /// ASCII digits only: a stray space or full-width digit inside the
    /// number is a data entry error worth showing, not something to repair.
    private static func digits(_ input: String) -> [Int]? {
        var result: [Int] = []
        for scalar in input.trimmingCharacters(in: .whitespacesAndNewlines).unicodeScalars {
            guard ("0"..."9").contains(scalar) else { return nil }
            result.append(Int(scalar.value) - 48)
        }
        return result
    }

    private static func checkDigit(_ digits: [Int], weights: [Int]) -> Int {
        zip(weights, digits).reduce(0) { $0 + $1.0 * $1.1 } % 11 % 10
    }
}
