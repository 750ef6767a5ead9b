// Private to CICU: ICU's Chinese/Japanese word dictionary, walked directly (see cjk_dictionary.cpp).
#ifndef SIYU_CJK_DICTIONARY_H
#define SIYU_CJK_DICTIONARY_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct cicu_cjk cicu_cjk;

/// Opens ICU's CJK word dictionary (`cjdict` in ICU's break-iterator data). NULL when it cannot be loaded.
cicu_cjk *cicu_cjk_open(void);
void cicu_cjk_close(cicu_cjk *d);

/// The word boundaries ICU's CJK dictionary engine finds inside `text[0..<length]`, a run of Han
/// characters: writes the offsets strictly between 0 and `length`, ascending, to `bounds` (room for
/// `length` entries) and returns how many. -1 when out of memory.
int32_t cicu_cjk_breaks(cicu_cjk *d, const uint16_t *text, int32_t length, int32_t *bounds);

#ifdef __cplusplus
}
#endif

#endif
