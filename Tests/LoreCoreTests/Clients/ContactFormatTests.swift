import Testing
@testable import LoreCore

@Suite struct ContactFormatTests {
    @Test(arguments: [
        "ivan@example.ru", "Ivan.Petrov+crm@mail.example.co.uk", "иван@почта.рф", "info@компания.рф",
        "  a@b.co  ", "o'brien@x-y.com", "user@xn--80a1acny.xn--p1ai", "и\u{306}@почта.рф",
    ])
    func validEmails(_ email: String) {
        #expect(ContactFormat.isValidEmail(email))
    }

    @Test(arguments: [
        "", "ivan", "@example.ru", "ivan@", "ivan@example", "ivan@@example.ru", "a@b@c.ru",
        "ivan petrov@example.ru", "ivan@exa mple.ru", ".ivan@example.ru", "iv..an@example.ru",
        "ivan@-example.ru", "ivan@example-.ru", "ivan@example..ru", "ivan@example.ru.", "ivan@1.2",
        "ivan@example.r", "<ivan@example.ru>", "ivan@example.ru, petr@example.ru",
    ])
    func invalidEmails(_ email: String) {
        #expect(!ContactFormat.isValidEmail(email))
    }

    @Test func emailLengthLimits() {
        let local64 = String(repeating: "a", count: 64)
        #expect(ContactFormat.isValidEmail(local64 + "@example.ru"))
        #expect(!ContactFormat.isValidEmail(local64 + "a@example.ru"))
        let label = String(repeating: "b", count: 60)
        let longDomain = [label, label, label, label, "ru"].joined(separator: ".")  // 246 scalars
        #expect(ContactFormat.isValidEmail("abcdefg@" + longDomain))  // 254
        #expect(!ContactFormat.isValidEmail("abcdefgh@" + longDomain))  // 255
        #expect(!ContactFormat.isValidEmail("a@" + String(repeating: "c", count: 64) + ".ru"))
    }

    @Test(arguments: [
        "+7 495 123-45-67", "+7 (495) 123-45-67", "8 (912) 000-00-00", "84951234567", "123-45-67",
        "+7 495 123-45-67 доб. 123", "+7 495 123-45-67 ДОБ 12", "8 800 555 35 35 доп. 7",
        "+1 555 123 4567 ext. 89", "+1 555 123 4567x123", "+44 20 7946 0958", "495.123.45.67",
        "+7\u{00A0}495\u{00A0}123\u{2013}45\u{2013}67", " +7 495 123-45-67 ",
    ])
    func validPhones(_ phone: String) {
        #expect(ContactFormat.isValidPhone(phone))
    }

    @Test(arguments: [
        "", "123456", "1234567890123456", "7 + 495 123 45 67", "++7 495 123 45 67",
        "+7 (495 123-45-67", "+7 495) 123-45-67", "+7 (495) (123) 45-67", "+7 495 123-45-67 доб.",
        "+7 495 123-45-67 доб. 1234567", "+7 495 ABC-45-67", "доб. 123", "+7 495 123-45-67, +7 912 000-00-00",
        "+7 495 123/45/67", "+７ 495 123-45-67",
    ])
    func invalidPhones(_ phone: String) {
        #expect(!ContactFormat.isValidPhone(phone))
    }

    @Test func websites() {
        let good = [
            "example.ru", "https://example.ru", "HTTP://Example.RU/path?q=1#top", "www.компания.рф/контакты",
            "https://почта.рф", "example.ru:8080/x", "https://sub.example.co.uk/a/b/",
        ]
        for site in good { #expect(ContactFormat.isValidWebsite(site), "\(site)") }
        let bad = [
            "", "example", "javascript:alert(1)", "javascript://%0aalert(1)", "ftp://example.ru",
            "https://", "https://bank.ru@evil.com", "http://exa mple.ru", "https://example.ru/a b",
            "192.168.0.1", "https://example.ru:99999", "https://example.ru:", "mailto:a@b.ru",
            "https://example.ru/<script>", "1.5",
        ]
        for site in bad { #expect(!ContactFormat.isValidWebsite(site), "\(site)") }
    }

    @Test func websiteLinks() {
        #expect(ContactFormat.websiteLink("example.ru") == "https://example.ru")
        #expect(ContactFormat.websiteLink(" http://example.ru/x ") == "http://example.ru/x")
        #expect(ContactFormat.websiteLink("javascript:alert(1)") == nil)
    }

    @Test func lists() {
        #expect(ContactFormat.list("+7 495 123-45-67, +7 912 000-00-00") == ["+7 495 123-45-67", "+7 912 000-00-00"])
        #expect(ContactFormat.list(" a@b.ru;; c@d.ru \r\n\n e@f.ru ,") == ["a@b.ru", "c@d.ru", "e@f.ru"])
        #expect(ContactFormat.list("") == [])
        #expect(ContactFormat.list(" , ; \n") == [])
        #expect(ContactFormat.list("+7 495 123-45-67, доб. 123; 8 800 555 35 35")
            == ["+7 495 123-45-67 доб. 123", "8 800 555 35 35"])
        #expect(ContactFormat.list("x123@mail.ru, x12") == ["x123@mail.ru", "x12"])
        for phone in ContactFormat.list("+7 495 123-45-67, доб. 123\n+7 912 000-00-00") {
            #expect(ContactFormat.isValidPhone(phone))
        }
    }

    @Test func hostileInputIsQuick() {
        let huge = String(repeating: "a", count: 1_000_000)
        #expect(!ContactFormat.isValidEmail(huge + "@example.ru"))
        #expect(!ContactFormat.isValidPhone(String(repeating: "1", count: 1_000_000)))
        #expect(!ContactFormat.isValidWebsite(huge))
        #expect(ContactFormat.list(String(repeating: "a,", count: 100_000)).count == 100_000)
    }
}
