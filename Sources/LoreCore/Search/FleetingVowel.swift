/// Russian nouns whose last vowel comes and goes as they decline: «звонок» → «звонка»,
/// «продавец» → «продавца», and the plural of most nouns in -ка: «заявка» → «заявок»,
/// «скидки» → «скидок», «ручка» → «ручек», «копейка» → «копеек». Snowball keeps the vowel where
/// the word has it, so the two forms have different stems (звонок, звонк), too short for a word
/// family to join them: «сколько заявок» missed the page about «заявки».
///
/// From the stem of one form this gives a word that has the other stem. A rule that guesses a
/// word no page has costs one lookup in the index and finds nothing.
enum FleetingVowel {
    /// The other form's word for `stem` (a Snowball stem, lowercase, ё as е), or nil.
    static func otherForm(ofStem stem: String) -> String? {
        let letters = Array(stem)
        guard letters.count >= 4, let last = letters.last, last == "к" || last == "ц" else { return nil }
        let before = letters[letters.count - 2]
        // After с it is mostly a word that never had the vowel («отпуск», «пропуск», «риск»); the
        // few that do («выписок») are still found from the form with the vowel.
        if consonants.contains(before), before != "с" {
            // звонк → звонок, заявк → заявок, ручк → ручек, продавц → продавец.
            let vowel: Character = last == "ц" || hushing.contains(before) ? "е" : "о"
            return String(letters.dropLast()) + String(vowel) + String(last)
        }
        if before == "й", last == "к" {
            // копейк → копеек.
            return String(letters.dropLast(2)) + "ек"
        }
        // звонок → звонка, заявок → заявка, ручек → ручка, продавец → продавца.
        guard letters.count >= 5, before == "о" || before == "е", consonants.contains(letters[letters.count - 3]) else { return nil }
        return String(letters.dropLast(2)) + String(last) + "а"
    }

    private static let consonants: Set<Character> = Set("бвгджзклмнпрстфхцчшщ")
    /// After these the vowel is е: «ручек», «девушек».
    private static let hushing: Set<Character> = Set("жчшщ")
}
