#ifndef LORE_PLURAL_RULES_H
#define LORE_PLURAL_RULES_H

/// ICU's plural rules behind a stable C interface: the system ICU renames its functions per
/// version (uplrules_open_72), which Swift cannot call by their documented names.

/// The rules of `locale` ("ru", "en"); NULL when ICU has none. Never closed: one per language for the process.
const void *lore_plural_rules_open(const char *locale);

/// Writes the plural category of `number` ("one", "few", "many", "other" …) into `category`;
/// returns its length, or -1 on failure.
int lore_plural_rules_select(const void *rules, double number, char *category, int capacity);

#endif
