/// Whether a Russian word is a verb form, from endings that nouns and adjectives almost never
/// have: the infinitive (-ать, -ить, -еть …), the reflexive (-ться, -тся, -лся …), the present
/// (-ают, -яют, -уют, -ешь, -ишь, and -ут after д, г, ж, ш, щ, ч, в: «придут», «могут»,
/// «ищут»). A word that is not recognised is not a verb, so an English word or an unusual
/// form keeps its full weight.
///
/// Left out, because many nouns end so: the past without -ся (-л: «стол», «материал»), the
/// present in -ет/-ит, and in -ут after other letters («бюджет», «лимит», «маршрут», «минут»),
/// the imperative and the second person plural in -ите/-ете («визите», «отчёте»).
enum RussianVerb {
    static func isLikely(_ word: String) -> Bool {
        let word = Lexicon.normalized(word)
        guard word.count >= 5, word.unicodeScalars.allSatisfy({ ("а"..."я").contains($0) }) else { return false }
        if endings.contains(where: word.hasSuffix) { return true }
        // An infinitive: a vowel, then -ть; shorter words are mostly nouns («сеть», «путь», «нить»).
        guard word.count >= 6, word.hasSuffix("ть"), let vowel = word.dropLast(2).last, "аяеиоуы".contains(vowel) else { return false }
        return !nounsLikeInfinitives.contains(word) && !word.hasSuffix("дцать")
    }

    private static let endings = ["ться", "тся", "лся", "лась", "лось", "лись", "ешь", "ишь", "ают", "яют", "уют",
                                  "дут", "гут", "жут", "шут", "щут", "чут", "вут"]

    /// Nouns and numerals of six letters or more that end like an infinitive.
    private static let nounsLikeInfinitives: Set<String> = ["печать", "память", "кровать", "десять", "девять", "благодать", "вплоть"]
}
