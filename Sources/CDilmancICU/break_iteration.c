// Sentence and word boundaries through ICU's rule-based break iterators.
#include "dilmanc_icu.h"

#include <stdlib.h>
#include <unicode/ubrk.h>

struct DMBreaker {
    UBreakIterator *iterator;
    int32_t kind;
    int32_t started;
};

DMBreaker *dm_breaker_open(int32_t kind, const char *locale, int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    UBreakIteratorType type = kind == DM_BREAK_WORD ? UBRK_WORD : UBRK_SENTENCE;
    UBreakIterator *iterator = ubrk_open(type, locale, NULL, 0, &code);
    if (U_FAILURE(code)) {
        *status = code;
        return NULL;
    }
    DMBreaker *breaker = malloc(sizeof(DMBreaker));
    if (breaker == NULL) {
        ubrk_close(iterator);
        *status = U_MEMORY_ALLOCATION_ERROR;
        return NULL;
    }
    breaker->iterator = iterator;
    breaker->kind = kind;
    breaker->started = 0;
    *status = code;
    return breaker;
}

void dm_breaker_close(DMBreaker *breaker) {
    if (breaker == NULL) return;
    ubrk_close(breaker->iterator);
    free(breaker);
}

void dm_breaker_set_text(DMBreaker *breaker, const uint16_t *text, int32_t length, int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    ubrk_setText(breaker->iterator, (const UChar *)text, length, &code);
    breaker->started = 0;
    *status = code;
}

int32_t dm_breaker_next(DMBreaker *breaker, int32_t *boundaries, int32_t *ruleStatus, int32_t capacity) {
    int32_t count = 0;
    while (count < capacity) {
        int32_t position = breaker->started ? ubrk_next(breaker->iterator) : ubrk_first(breaker->iterator);
        breaker->started = 1;
        if (position == UBRK_DONE) break;
        boundaries[count] = position;
        if (ruleStatus != NULL) ruleStatus[count] = ubrk_getRuleStatus(breaker->iterator);
        count++;
    }
    return count;
}
