import Testing
@testable import LoreCore

@Suite struct RussianRequisitesTests {
    @Test func innOfACompany() {
        // Sberbank: 7·2+7·4+0·10+7·3+0·5+8·9+3·4+8·6+9·8 = 267; 267 mod 11 = 3 → last digit 3.
        #expect(RussianRequisites.isValidINN("7707083893"))
        #expect(RussianRequisites.isValidINN("  7707083893\n"))
        #expect(!RussianRequisites.isValidINN("7707083894"))
        #expect(RussianRequisites.isValidINN("7736207543"))
    }

    @Test func innOfAPerson() {
        // 500100732259: weighted sums 148 mod 11 = 5 and 141 mod 11 = 9.
        #expect(RussianRequisites.isValidINN("500100732259"))
        #expect(!RussianRequisites.isValidINN("500100732258"))
        #expect(!RussianRequisites.isValidINN("500100732249"))
    }

    @Test func innShapeErrors() {
        for bad in ["", "770708389", "77070838931", "7707 083893", "770708389a", "７７０７０８３８９３", "1234567890123"] {
            #expect(!RussianRequisites.isValidINN(bad), "\(bad)")
        }
    }

    @Test func kpp() {
        #expect(RussianRequisites.isValidKPP("773601001"))
        #expect(RussianRequisites.isValidKPP("7736AB001"))
        #expect(RussianRequisites.isValidKPP(" 773601001 "))
        for bad in ["7736ab001", "77360100", "7736010011", "A73601001", "7736010A1", "7736 1001", "7736Я1001"] {
            #expect(!RussianRequisites.isValidKPP(bad), "\(bad)")
        }
    }

    @Test func ogrnAndOgrnip() {
        // 102770013219 mod 11 = 5 → 5; 30450011600015 mod 13 = 7 → 7.
        #expect(102_770_013_219 % 11 % 10 == 5)
        #expect(30_450_011_600_015 % 13 % 10 == 7)
        #expect(RussianRequisites.isValidOGRN("1027700132195"))
        #expect(RussianRequisites.isValidOGRN("304500116000157"))
        #expect(!RussianRequisites.isValidOGRN("1027700132196"))
        #expect(!RussianRequisites.isValidOGRN("304500116000158"))
        #expect(!RussianRequisites.isValidOGRN("10277001321950"))
        #expect(!RussianRequisites.isValidOGRN("1027700 132195"))
        #expect(!RussianRequisites.isValidOGRN(""))
    }

    @Test func checkDigitTenBecomesZero() {
        // Find a 13-digit number whose first 12 digits are ≡ 10 mod 11: its check digit is 0.
        let base = 102_770_013_219 + (10 - 102_770_013_219 % 11 + 11) % 11
        #expect(base % 11 == 10)
        #expect(RussianRequisites.isValidOGRN("\(base)0"))
        #expect(!RussianRequisites.isValidOGRN("\(base)1"))
    }
}
