import Foundation
import LoreCore

/// Amounts kept in hundredths, shown as people of the language write money: «12 500,50 ₽».
enum Money {
    static func format(_ cents: Int64, currency: String, _ language: Language) -> String {
        let formatter = NumberFormatter()
        formatter.locale = Locale(identifier: language == .ru ? "ru_RU" : "en_US")
        formatter.numberStyle = .currency
        formatter.currencyCode = currency
        formatter.maximumFractionDigits = cents % 100 == 0 ? 0 : 2
        formatter.minimumFractionDigits = cents % 100 == 0 ? 0 : 2
        return formatter.string(from: NSNumber(value: Double(cents) / 100)) ?? "\(cents / 100) \(currency)"
    }
}
