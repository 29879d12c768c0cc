#include "plural_rules.h"
#include <unicode/upluralrules.h>
#include <unicode/ustring.h>

const void *lore_plural_rules_open(const char *locale) {
    UErrorCode status = U_ZERO_ERROR;
    UPluralRules *rules = uplrules_open(locale, &status);
    return U_FAILURE(status) ? NULL : rules;
}

int lore_plural_rules_select(const void *rules, double number, char *category, int capacity) {
    UErrorCode status = U_ZERO_ERROR;
    UChar keyword[16];
    int32_t length = uplrules_select((const UPluralRules *)rules, number, keyword, 16, &status);
    if (U_FAILURE(status) || length >= capacity) return -1;
    u_UCharsToChars(keyword, category, length);
    category[length] = 0;
    return length;
}
