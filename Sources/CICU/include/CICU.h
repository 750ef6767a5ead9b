// The C face of ICU for siyu. Only stdint types and opaque handles cross this header:
// ICU's own headers clash with Foundation's bundled ICU module, and its versioned
// symbol macros (ubrk_open -> ubrk_open_72) do not import into Swift.
#ifndef SIYU_CICU_H
#define SIYU_CICU_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Asks the processor to bring the cache line at `address` closer (a hint: never faults, changes no result).
static inline void cicu_prefetch(const void *address) { __builtin_prefetch(address, 0, 3); }

/// Opaque word-break iterator (ICU UBreakIterator, word rules).
typedef struct cicu_wordbreak cicu_wordbreak;

/// Opens a word-break iterator for `locale` (e.g. "zh"). Returns NULL on failure and sets *status to the ICU error code.
cicu_wordbreak *cicu_wordbreak_open(const char *locale, int32_t *status);
void cicu_wordbreak_close(cicu_wordbreak *wb);

/// Breaks `text` (UTF-16, `length` units). Writes every boundary after 0 (the last is `length`) to `bounds`
/// and, unless `statuses` is NULL, ICU's rule status of the segment ending there to `statuses`. Both
/// arrays need room for `length` entries. Returns the number of boundaries written, or -1 on an ICU error (*status set).
///
/// Without `statuses`, runs of Han characters take a shortcut to ICU's dictionary (see
/// `cicu_wordbreak_set_dictionary_shortcut`); the boundaries are the same.
int32_t cicu_wordbreak_run(cicu_wordbreak *wb, const uint16_t *text, int32_t length, int32_t *bounds,
                           int32_t *statuses, int32_t *status);

/// Turns the dictionary shortcut on (the default when ICU's CJK dictionary loads) or off (every run of
/// Han characters goes through ICU's break iterator and its CJK engine). The shortcut finds the same
/// boundaries as the engine from the same dictionary, about three times as fast on Chinese posts.
/// Returns whether it is on.
int32_t cicu_wordbreak_set_dictionary_shortcut(cicu_wordbreak *wb, int32_t enabled);

/// NFKC-normalizes `src` into `dst` and, when `lowercase` is non-zero, lower-cases letters whose lower-case
/// form has the same UTF-16 length. `map` (room for dstCapacity + 1 entries) receives, for each output unit,
/// the source index where its normalization chunk starts, or -1 when the unit continues a chunk (a
/// surrogate trail, or the 2nd..nth unit of an expansion); map[result] == srcLength.
/// Returns the output length. If that exceeds dstCapacity nothing usable was written: call again with a
/// buffer of the returned size. Returns -1 on an ICU error (*status set).
int32_t cicu_normalize(const uint16_t *src, int32_t srcLength, uint16_t *dst, int32_t dstCapacity,
                       int32_t *map, int32_t lowercase, int32_t *status);

/// Opaque ICU transliterator.
typedef struct cicu_translit cicu_translit;

/// Opens the transliterator with ICU id `id` (ASCII, e.g. "Hant-Hans"); NULL on failure.
cicu_translit *cicu_translit_open(const char *id, int32_t *status);
void cicu_translit_close(cicu_translit *t);

/// Transliterates `buffer[0..<length]` in place (room for `capacity` units). Returns the new length, or -1.
int32_t cicu_translit_run(cicu_translit *t, uint16_t *buffer, int32_t length, int32_t capacity,
                          int32_t *status);

/// Character properties used to classify tokens.
enum {
  CICU_CLASS_OTHER = 0,
  CICU_CLASS_SPACE = 1,
  CICU_CLASS_PUNCT = 2,
  CICU_CLASS_SYMBOL = 3,
  CICU_CLASS_EMOJI = 4,
  CICU_CLASS_LETTER = 5,
  CICU_CLASS_DIGIT = 6,
  CICU_CLASS_IDEO = 7,
};

/// Coarse class of code point `c` (one of CICU_CLASS_*). Emoji means Extended_Pictographic or a
/// regional indicator, checked before symbol and punctuation.
int32_t cicu_char_class(uint32_t c);

/// Decodes `src` in charset `charset` (an ICU converter name such as "GB18030") to UTF-16.
/// Returns the number of units written (call again with a larger buffer if it exceeds `capacity`), or -1
/// when the bytes are not valid in that charset, with *errorOffset set to the byte offset of the first
/// bad sequence.
int32_t cicu_decode(const char *charset, const uint8_t *src, int32_t length, uint16_t *dst,
                    int32_t capacity, int32_t *errorOffset, int32_t *status);

/// Opaque compiled ICU regular expression (URegularExpression). One handle serves one thread at a time.
typedef struct cicu_regex cicu_regex;

/// Flags for `cicu_regex_open` (ICU's URegexpFlag values).
enum {
  CICU_REGEX_CASE_INSENSITIVE = 2,
  CICU_REGEX_COMMENTS = 4,
  CICU_REGEX_DOTALL = 32,
  CICU_REGEX_MULTILINE = 8,
};

/// What `cicu_regex_find_all` returns when the match engine ran past the time limit (U_REGEX_TIME_OUT).
#define CICU_REGEX_TIMEOUT (-2)
/// What `cicu_regex_find_all` returns on any other ICU error (*status set).
#define CICU_REGEX_ERROR (-1)

/// Default time limit in ICU match-engine steps (ICU counts them in ticks of 10,000 engine steps; one tick
/// is roughly 0.3 ms here): ~300 ticks stop `(a+)+$` within ~100 ms while ordinary patterns finish on a
/// 1 MB post well inside the limit.
#define CICU_REGEX_DEFAULT_TIME_LIMIT 300

/// Compiles `pattern` (UTF-16, `length` units) with `flags` (CICU_REGEX_*). Returns NULL on failure with
/// *status set to the ICU error code and *errorOffset to the UTF-16 offset in the pattern where parsing
/// failed (-1 when unknown). The new handle has the default time limit.
cicu_regex *cicu_regex_open(const uint16_t *pattern, int32_t length, uint32_t flags, int32_t *errorOffset,
                            int32_t *status);
void cicu_regex_close(cicu_regex *r);

/// Sets the match time limit (ICU's uregex_setTimeLimit units; 0 means none). Returns 0, or -1 on an error.
int32_t cicu_regex_set_time_limit(cicu_regex *r, int32_t limit);

/// Finds every non-overlapping match in `text` (UTF-16, `length` units), writing up to `capacity`
/// (start, end) pairs of UTF-16 offsets to `pairs` (room for 2 * capacity entries). Returns the number of
/// matches found, which may exceed `capacity` (only the first `capacity` were written: call again with a
/// larger buffer); CICU_REGEX_TIMEOUT when the time limit was exceeded; CICU_REGEX_ERROR on another ICU
/// error (*status set). Empty matches are counted too.
int32_t cicu_regex_find_all(cicu_regex *r, const uint16_t *text, int32_t length, int32_t *pairs,
                            int32_t capacity, int32_t *status);

/// ICU's name for error code `status` (e.g. "U_REGEX_RULE_SYNTAX"), for messages.
const char *cicu_error_name(int32_t status);

/// ICU's version string, e.g. "72.1".
const char *cicu_version(void);

#ifdef __cplusplus
}
#endif

#endif
