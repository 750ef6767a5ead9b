#include "CICU.h"
#include "cjk_dictionary.h"

#include <pthread.h>
#include <stdatomic.h>

#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/ucnv.h>
#include <unicode/unorm2.h>
#include <unicode/uregex.h>
#include <unicode/uscript.h>
#include <unicode/ustring.h>
#include <unicode/utrans.h>
#include <unicode/uversion.h>
#include <unicode/utf16.h>

struct cicu_wordbreak {
  UBreakIterator *bi;
  /// ICU's CJK dictionary walked directly for runs of Han characters (see `cicu_wordbreak_run`); NULL
  /// when it could not be loaded or the shortcut is off.
  cicu_cjk *cjk;
  int32_t shortcut;
  /// Scratch: the text with each shortcut run masked as one unit, where each masked unit is in the text,
  /// and the runs (start, end pairs).
  int32_t capacity;
  uint16_t *masked;
  int32_t *origin;
  int32_t *runs;
};

cicu_wordbreak *cicu_wordbreak_open(const char *locale, int32_t *status) {
  UErrorCode e = U_ZERO_ERROR;
  UBreakIterator *bi = ubrk_open(UBRK_WORD, locale, NULL, 0, &e);
  *status = e;
  if (U_FAILURE(e)) return NULL;
  cicu_wordbreak *wb = calloc(1, sizeof *wb);
  if (!wb) {
    ubrk_close(bi);
    return NULL;
  }
  wb->bi = bi;
  wb->cjk = cicu_cjk_open();
  // SIYU_DICTIONARY_SHORTCUT=0 sends every Han run through ICU's own engine (for benchmarks).
  const char *setting = getenv("SIYU_DICTIONARY_SHORTCUT");
  wb->shortcut = wb->cjk != NULL && !(setting && strcmp(setting, "0") == 0);
  return wb;
}

void cicu_wordbreak_close(cicu_wordbreak *wb) {
  if (!wb) return;
  ubrk_close(wb->bi);
  cicu_cjk_close(wb->cjk);
  free(wb->masked);
  free(wb->origin);
  free(wb->runs);
  free(wb);
}

int32_t cicu_wordbreak_set_dictionary_shortcut(cicu_wordbreak *wb, int32_t enabled) {
  wb->shortcut = enabled && wb->cjk != NULL;
  return wb->shortcut;
}

/// Script=Han and unchanged by NFKC: ICU's CJK engine normalizes its range before the dictionary lookup
/// (a Kangxi radical such as U+2F00 is looked up as 一), so characters NFKC changes stay with ICU.
static int han_as_is(UChar32 c) {
  UErrorCode e = U_ZERO_ERROR;
  return uscript_getScript(c, &e) == USCRIPT_HAN &&
         u_getIntPropertyValue(c, UCHAR_NFKC_QUICK_CHECK) == UNORM_YES;
}

/// Han, kana and Hangul (scripts ICU's dictionaries take, with Korean kept out of the shortcut too) and
/// the scripts without spaces that ICU's other dictionary engines break (Line_Break=SA: Thai, Lao…).
static int dictionary_like(UChar32 c) {
  UErrorCode e = U_ZERO_ERROR;
  UScriptCode script = uscript_getScript(c, &e);
  return script == USCRIPT_HAN || script == USCRIPT_HIRAGANA || script == USCRIPT_KATAKANA ||
         script == USCRIPT_HANGUL || u_getIntPropertyValue(c, UCHAR_LINE_BREAK) == U_LB_COMPLEX_CONTEXT;
}

/// Whether the word rules put a boundary on both sides of `c` in any text made of such characters and
/// shortcut runs: UAX #29's Other, and the marks whose rules need a letter or digit on each side (MidNum,
/// MidLetter, MidNumLet, quotes: `,` `.` `:` `'`, NFKC's form of Chinese punctuation), line feeds; not
/// emoji (ZWJ sequences), not what ICU's dictionaries take, not `@`. Spaces (joined in runs by WB3d), CR (joined
/// with LF), letters, digits, Extend/Format/ZWJ, underscores and regional indicators are not simple.
static int simple(UChar32 c) {
  if (c == 0xFFFC) return 1;
  if (c == 0x40) return 0;  // ICU's rules keep "@@" together
  switch (u_getIntPropertyValue(c, UCHAR_WORD_BREAK)) {
  case U_WB_OTHER:
  case U_WB_MIDNUM:
  case U_WB_MIDLETTER:
  case U_WB_MIDNUMLET:
  case U_WB_SINGLE_QUOTE:
  case U_WB_DOUBLE_QUOTE:
  case U_WB_LF:
  case U_WB_NEWLINE:
    break;
  default:
    return 0;
  }
  return !u_hasBinaryProperty(c, UCHAR_EXTENDED_PICTOGRAPHIC) && !dictionary_like(c);
}

/// Whether `c` next to a run of Han characters could make ICU treat the run differently from a run
/// standing alone between two word boundaries: Han characters NFKC changes, kana and the other
/// characters ICU's dictionaries take (its engines would see one longer range), Hangul, and what
/// word-break rule WB4 attaches to the character before it (Extend, Format, ZWJ).
static int joins_han(UChar32 c) {
  if (dictionary_like(c)) return 1;
  if (c == 0x30FC || c == 0xFF70 || c == 0xFF9E || c == 0xFF9F) return 1;
  switch (u_getIntPropertyValue(c, UCHAR_WORD_BREAK)) {
  case U_WB_EXTEND:
  case U_WB_FORMAT:
  case U_WB_ZWJ:
  case U_WB_KATAKANA:
    return 1;
  default:
    return 0;
  }
}

/// `han_as_is`, `simple` and `joins_han` for the BMP, a byte of flags a character, filled a block of 256
/// characters at a time when a text first uses it: the property lookups for all 65,536 take about a
/// millisecond, which a pre-commit hook checking one post should not pay.
static uint8_t char_flags[0x10000];
static _Atomic uint8_t block_ready[256];
static pthread_mutex_t block_lock = PTHREAD_MUTEX_INITIALIZER;

enum { FLAG_HAN = 1, FLAG_SIMPLE = 2, FLAG_JOINS = 4 };

static void fill_block(uint32_t block) {
  pthread_mutex_lock(&block_lock);
  if (!atomic_load_explicit(&block_ready[block], memory_order_relaxed)) {
    for (UChar32 c = (UChar32)block << 8; c < (UChar32)(block + 1) << 8; c++) {
      char_flags[c] = (uint8_t)((han_as_is(c) ? FLAG_HAN : 0) | (simple(c) ? FLAG_SIMPLE : 0) |
                                (joins_han(c) ? FLAG_JOINS : 0));
    }
    atomic_store_explicit(&block_ready[block], 1, memory_order_release);
  }
  pthread_mutex_unlock(&block_lock);
}

/// Whether `c` has `flag` (one of FLAG_*); computed for supplementary code points (emoji, rare Han).
static inline __attribute__((always_inline)) int has_flag(UChar32 c, uint32_t flag) {
  if (c >= 0x10000) {
    switch (flag) {
    case FLAG_HAN:
      return han_as_is(c);
    case FLAG_SIMPLE:
      return simple(c);
    default:
      return joins_han(c);
    }
  }
  if (!atomic_load_explicit(&block_ready[c >> 8], memory_order_acquire)) fill_block((uint32_t)c >> 8);
  return (char_flags[c] & flag) != 0;
}

static int32_t run_plain(cicu_wordbreak *wb, const uint16_t *text, int32_t length, int32_t *bounds,
                         int32_t *statuses, int32_t *status) {
  UErrorCode e = U_ZERO_ERROR;
  ubrk_setText(wb->bi, (const UChar *)text, length, &e);
  if (U_FAILURE(e)) {
    *status = e;
    return -1;
  }
  int32_t n = 0;
  ubrk_first(wb->bi);
  for (int32_t b = ubrk_next(wb->bi); b != UBRK_DONE && n < length; b = ubrk_next(wb->bi)) {
    bounds[n] = b;
    if (statuses) statuses[n] = ubrk_getRuleStatus(wb->bi);
    n++;
  }
  *status = 0;
  return n;
}

static int reserve(cicu_wordbreak *wb, int32_t length) {
  if (length <= wb->capacity) return 1;
  int32_t capacity = length < 1024 ? 1024 : length;
  uint16_t *masked = realloc(wb->masked, sizeof(uint16_t) * (size_t)capacity);
  if (masked) wb->masked = masked;
  int32_t *origin = realloc(wb->origin, sizeof(int32_t) * ((size_t)capacity + 1));
  if (origin) wb->origin = origin;
  int32_t *runs = realloc(wb->runs, sizeof(int32_t) * (size_t)capacity);
  if (runs) wb->runs = runs;
  if (!masked || !origin || !runs) return 0;
  wb->capacity = capacity;
  return 1;
}

/// Appends the dictionary's boundaries inside the run `text[start..<end]` to `bounds` at `*n`, as offsets
/// in `text`. Returns 0 when out of memory.
static int append_run_breaks(cicu_wordbreak *wb, const uint16_t *text, int32_t start, int32_t end,
                             int32_t *bounds, int32_t *n) {
  int32_t found = cicu_cjk_breaks(wb->cjk, text + start, end - start, bounds + *n);
  if (found < 0) return 0;
  for (int32_t k = 0; k < found; k++) bounds[*n + k] += start;
  *n += found;
  return 1;
}

/// The shortcut: each run of Han characters that stands alone (see `joins_han`) is replaced by one U+FFFC,
/// which the word rules treat like a Han character outside the dictionary (a word boundary on each side
/// and none of the dictionary search), ICU breaks the masked text, and the boundaries inside each run
/// come from `cicu_cjk_breaks`. The result equals ICU's on the unmasked text (a test compares them).
int32_t cicu_wordbreak_run(cicu_wordbreak *wb, const uint16_t *text, int32_t length, int32_t *bounds,
                           int32_t *statuses, int32_t *status) {
  if (statuses || !wb->shortcut || length <= 0) return run_plain(wb, text, length, bounds, statuses, status);
  if (!reserve(wb, length)) return run_plain(wb, text, length, bounds, statuses, status);
  int32_t runCount = 0;
  // Whether every character outside the runs is `simple`, so every one is a word of its own.
  int all_simple = 1;
  for (int32_t i = 0; i < length;) {
    int32_t start = i;
    UChar32 c;
    U16_NEXT(text, i, length, c);
    if (!has_flag(c, FLAG_HAN)) {
      if (all_simple && !has_flag(c, FLAG_SIMPLE)) all_simple = 0;
      continue;
    }
    int32_t end = i;
    while (end < length) {
      int32_t k = end;
      U16_NEXT(text, k, length, c);
      if (!has_flag(c, FLAG_HAN)) break;
      end = k;
    }
    int alone = 1;
    if (start > 0) {
      int32_t k = start;
      U16_PREV(text, 0, k, c);
      alone = !has_flag(c, FLAG_JOINS);
    }
    if (alone && end < length) {
      int32_t k = end;
      U16_NEXT(text, k, length, c);
      alone = !has_flag(c, FLAG_JOINS);
    }
    if (alone) {
      wb->runs[runCount++] = start;
      wb->runs[runCount++] = end;
    } else {
      all_simple = 0;
    }
    i = end;
  }
  if (runCount == 0) return run_plain(wb, text, length, bounds, statuses, status);
  if (all_simple) {
    // The rules would put a boundary after every character and on both sides of every run.
    int32_t n = 0;
    int32_t r = 0;
    for (int32_t k = 0; k < length;) {
      if (r < runCount && k == wb->runs[r]) {
        if (!append_run_breaks(wb, text, wb->runs[r], wb->runs[r + 1], bounds, &n))
          return run_plain(wb, text, length, bounds, statuses, status);
        k = wb->runs[r + 1];
        r += 2;
      } else {
        U16_FWD_1(text, k, length);
      }
      bounds[n++] = k;
    }
    *status = 0;
    return n;
  }
  // Each run becomes one U+FFFC; origin[k] is where masked unit k (or the end, k == masked length) is in
  // `text`, so ICU steps over a run once instead of once per character.
  int32_t m = 0;
  int32_t from = 0;
  for (int32_t r = 0; r < runCount; r += 2) {
    for (int32_t k = from; k < wb->runs[r]; k++) {
      wb->origin[m] = k;
      wb->masked[m++] = text[k];
    }
    wb->origin[m] = wb->runs[r];
    wb->masked[m++] = 0xFFFC;
    from = wb->runs[r + 1];
  }
  for (int32_t k = from; k < length; k++) {
    wb->origin[m] = k;
    wb->masked[m++] = text[k];
  }
  wb->origin[m] = length;
  UErrorCode e = U_ZERO_ERROR;
  ubrk_setText(wb->bi, (const UChar *)wb->masked, m, &e);
  if (U_FAILURE(e)) {
    *status = e;
    return -1;
  }
  int32_t n = 0;
  int32_t r = 0;
  ubrk_first(wb->bi);
  for (int32_t mb = ubrk_next(wb->bi); mb != UBRK_DONE && n < length; mb = ubrk_next(wb->bi)) {
    int32_t b = wb->origin[mb];
    // A boundary after a run's placeholder is the run's end: the run's own boundaries come first.
    while (r < runCount && wb->runs[r + 1] <= b) {
      if (!append_run_breaks(wb, text, wb->runs[r], wb->runs[r + 1], bounds, &n))
        return run_plain(wb, text, length, bounds, statuses, status);
      r += 2;
    }
    bounds[n++] = b;
  }
  *status = 0;
  return n;
}

/// Lower-cases the letter at dst[i] (length `len` units) in place when the lower-case form keeps the length.
static void lower_in_place(uint16_t *dst, int32_t i, int32_t len) {
  UChar32 c;
  int32_t j = i;
  U16_NEXT(dst, j, i + len, c);
  if (c < 0x80) {
    if (c >= 'A' && c <= 'Z') dst[i] = (uint16_t)(c + 32);
    return;
  }
  if (!u_isupper(c) && !u_istitle(c)) return;
  UChar32 l = u_tolower(c);
  if (U16_LENGTH(l) != j - i) return;
  int32_t k = i;
  UBool err = 0;
  U16_APPEND(dst, k, i + len, l, err);
}

int32_t cicu_normalize(const uint16_t *src, int32_t srcLength, uint16_t *dst, int32_t dstCapacity,
                       int32_t *map, int32_t lowercase, int32_t *status) {
  UErrorCode e = U_ZERO_ERROR;
  const UNormalizer2 *nfkc = unorm2_getNFKCInstance(&e);
  if (U_FAILURE(e)) {
    *status = e;
    return -1;
  }
  const UChar *s = (const UChar *)src;
  int32_t i = 0, out = 0;
  int fits = 1;
  while (i < srcLength) {
    int32_t span = unorm2_spanQuickCheckYes(nfkc, s + i, srcLength - i, &e);
    if (U_FAILURE(e)) {
      *status = e;
      return -1;
    }
    if (fits && out + span <= dstCapacity) {
      for (int32_t k = 0; k < span; k++) {
        uint16_t u = src[i + k];
        dst[out + k] = u;
        map[out + k] = U16_IS_TRAIL(u) && k > 0 && U16_IS_LEAD(src[i + k - 1]) ? -1 : i + k;
      }
      if (lowercase) {
        for (int32_t k = 0; k < span; k++) {
          uint16_t u = dst[out + k];
          if (u < 0x80) {
            if (u >= 'A' && u <= 'Z') dst[out + k] = (uint16_t)(u + 32);
          } else if (!(u >= 0x2E80 && u < 0xA000) && map[out + k] >= 0) {
            int32_t cl = (U16_IS_LEAD(u) && k + 1 < span && U16_IS_TRAIL(dst[out + k + 1])) ? 2 : 1;
            lower_in_place(dst, out + k, cl);
          }
        }
      }
    } else {
      fits = 0;
    }
    i += span;
    out += span;
    if (i >= srcLength) break;
    // The chunk runs from i to the next normalization boundary.
    int32_t j = i;
    UChar32 c;
    U16_NEXT(s, j, srcLength, c);
    while (j < srcLength) {
      int32_t k = j;
      U16_NEXT(s, k, srcLength, c);
      if (unorm2_hasBoundaryBefore(nfkc, c)) break;
      j = k;
    }
    UChar buf[256];
    UChar *chunk = buf;
    int32_t cap = (int32_t)(sizeof buf / sizeof buf[0]);
    UChar *heap = NULL;
    int32_t n = unorm2_normalize(nfkc, s + i, j - i, chunk, cap, &e);
    if (e == U_BUFFER_OVERFLOW_ERROR) {
      e = U_ZERO_ERROR;
      heap = malloc(sizeof(UChar) * (size_t)(n + 1));
      if (!heap) {
        *status = U_MEMORY_ALLOCATION_ERROR;
        return -1;
      }
      chunk = heap;
      n = unorm2_normalize(nfkc, s + i, j - i, chunk, n + 1, &e);
    }
    if (U_FAILURE(e)) {
      free(heap);
      *status = e;
      return -1;
    }
    if (fits && out + n <= dstCapacity) {
      memcpy(dst + out, chunk, sizeof(UChar) * (size_t)n);
      for (int32_t k = 0; k < n; k++) map[out + k] = k == 0 ? i : -1;
      if (lowercase) {
        for (int32_t k = 0; k < n;) {
          int32_t cl = (U16_IS_LEAD(dst[out + k]) && k + 1 < n && U16_IS_TRAIL(dst[out + k + 1])) ? 2 : 1;
          lower_in_place(dst, out + k, cl);
          k += cl;
        }
      }
    } else {
      fits = 0;
    }
    free(heap);
    out += n;
    i = j;
  }
  if (fits && out <= dstCapacity) map[out] = srcLength;
  *status = 0;
  return out;
}

struct cicu_translit {
  UTransliterator *t;
};

cicu_translit *cicu_translit_open(const char *id, int32_t *status) {
  UChar uid[64];
  int32_t n = 0;
  for (; id[n] && n < 63; n++) uid[n] = (UChar)(unsigned char)id[n];
  uid[n] = 0;
  UErrorCode e = U_ZERO_ERROR;
  UTransliterator *t = utrans_openU(uid, n, UTRANS_FORWARD, NULL, 0, NULL, &e);
  *status = e;
  if (U_FAILURE(e)) return NULL;
  cicu_translit *r = malloc(sizeof *r);
  if (!r) {
    utrans_close(t);
    return NULL;
  }
  r->t = t;
  return r;
}

void cicu_translit_close(cicu_translit *t) {
  if (!t) return;
  utrans_close(t->t);
  free(t);
}

int32_t cicu_translit_run(cicu_translit *t, uint16_t *buffer, int32_t length, int32_t capacity,
                          int32_t *status) {
  UErrorCode e = U_ZERO_ERROR;
  int32_t len = length, limit = length;
  utrans_transUChars(t->t, (UChar *)buffer, &len, capacity, 0, &limit, &e);
  *status = e;
  if (U_FAILURE(e)) return -1;
  return len;
}

int32_t cicu_char_class(uint32_t c) {
  UChar32 cp = (UChar32)c;
  if (c >= 0x1F1E6 && c <= 0x1F1FF) return CICU_CLASS_EMOJI;
  if (c >= 0x80 && u_hasBinaryProperty(cp, UCHAR_EXTENDED_PICTOGRAPHIC)) return CICU_CLASS_EMOJI;
  switch (u_charType(cp)) {
    case U_SPACE_SEPARATOR:
    case U_LINE_SEPARATOR:
    case U_PARAGRAPH_SEPARATOR:
      return CICU_CLASS_SPACE;
    case U_CONTROL_CHAR:
      return u_isspace(cp) ? CICU_CLASS_SPACE : CICU_CLASS_OTHER;
    case U_FORMAT_CHAR:
      return CICU_CLASS_OTHER;
    case U_DASH_PUNCTUATION:
    case U_START_PUNCTUATION:
    case U_END_PUNCTUATION:
    case U_CONNECTOR_PUNCTUATION:
    case U_OTHER_PUNCTUATION:
    case U_INITIAL_PUNCTUATION:
    case U_FINAL_PUNCTUATION:
      return CICU_CLASS_PUNCT;
    case U_MATH_SYMBOL:
    case U_CURRENCY_SYMBOL:
    case U_MODIFIER_SYMBOL:
    case U_OTHER_SYMBOL:
      return CICU_CLASS_SYMBOL;
    case U_DECIMAL_DIGIT_NUMBER:
      return CICU_CLASS_DIGIT;
    case U_OTHER_LETTER:
      return u_hasBinaryProperty(cp, UCHAR_IDEOGRAPHIC) ? CICU_CLASS_IDEO : CICU_CLASS_LETTER;
    case U_UPPERCASE_LETTER:
    case U_LOWERCASE_LETTER:
    case U_TITLECASE_LETTER:
    case U_MODIFIER_LETTER:
    case U_LETTER_NUMBER:
    case U_OTHER_NUMBER:
      return u_hasBinaryProperty(cp, UCHAR_IDEOGRAPHIC) ? CICU_CLASS_IDEO : CICU_CLASS_LETTER;
    default:
      return CICU_CLASS_OTHER;
  }
}

int32_t cicu_decode(const char *charset, const uint8_t *src, int32_t length, uint16_t *dst,
                    int32_t capacity, int32_t *errorOffset, int32_t *status) {
  UErrorCode e = U_ZERO_ERROR;
  UConverter *cv = ucnv_open(charset, &e);
  if (U_FAILURE(e)) {
    *status = e;
    return -1;
  }
  ucnv_setToUCallBack(cv, UCNV_TO_U_CALLBACK_STOP, NULL, NULL, NULL, &e);
  const char *source = (const char *)src;
  const char *sourceLimit = source + length;
  int32_t total = 0;
  UChar buf[4096];
  while (1) {
    UChar *target = buf;
    UErrorCode ce = U_ZERO_ERROR;
    ucnv_toUnicode(cv, &target, buf + 4096, &source, sourceLimit, NULL, 1, &ce);
    int32_t n = (int32_t)(target - buf);
    if (total + n <= capacity) memcpy(dst + total, buf, sizeof(UChar) * (size_t)n);
    total += n;
    if (ce == U_BUFFER_OVERFLOW_ERROR) continue;
    if (U_FAILURE(ce)) {
      char bad[32];
      int8_t badLen = sizeof bad;
      UErrorCode ie = U_ZERO_ERROR;
      ucnv_getInvalidChars(cv, bad, &badLen, &ie);
      *errorOffset = (int32_t)(source - (const char *)src) - (U_SUCCESS(ie) ? badLen : 0);
      *status = ce;
      ucnv_close(cv);
      return -1;
    }
    break;
  }
  ucnv_close(cv);
  *status = 0;
  return total;
}

struct cicu_regex {
  URegularExpression *re;
};

cicu_regex *cicu_regex_open(const uint16_t *pattern, int32_t length, uint32_t flags, int32_t *errorOffset,
                            int32_t *status) {
  UErrorCode e = U_ZERO_ERROR;
  UParseError pe;
  memset(&pe, 0, sizeof pe);
  pe.offset = -1;
  *errorOffset = -1;
  URegularExpression *re = uregex_open((const UChar *)pattern, length, flags, &pe, &e);
  *status = e;
  if (U_FAILURE(e)) {
    *errorOffset = pe.offset;
    if (re) uregex_close(re);
    return NULL;
  }
  uregex_setTimeLimit(re, CICU_REGEX_DEFAULT_TIME_LIMIT, &e);
  cicu_regex *r = malloc(sizeof *r);
  if (!r) {
    uregex_close(re);
    *status = U_MEMORY_ALLOCATION_ERROR;
    return NULL;
  }
  r->re = re;
  return r;
}

void cicu_regex_close(cicu_regex *r) {
  if (!r) return;
  uregex_close(r->re);
  free(r);
}

int32_t cicu_regex_set_time_limit(cicu_regex *r, int32_t limit) {
  UErrorCode e = U_ZERO_ERROR;
  uregex_setTimeLimit(r->re, limit, &e);
  return U_FAILURE(e) ? -1 : 0;
}

int32_t cicu_regex_find_all(cicu_regex *r, const uint16_t *text, int32_t length, int32_t *pairs,
                            int32_t capacity, int32_t *status) {
  static const UChar empty[1] = {0};
  UErrorCode e = U_ZERO_ERROR;
  uregex_setText(r->re, text && length > 0 ? (const UChar *)text : empty, length > 0 ? length : 0, &e);
  int32_t n = 0;
  while (U_SUCCESS(e) && uregex_findNext(r->re, &e)) {
    int32_t start = uregex_start(r->re, 0, &e);
    int32_t end = uregex_end(r->re, 0, &e);
    if (U_FAILURE(e)) break;
    if (n < capacity) {
      pairs[2 * n] = start;
      pairs[2 * n + 1] = end;
    }
    n++;
  }
  // Drop the reference to the caller's buffer.
  UErrorCode ignored = U_ZERO_ERROR;
  uregex_setText(r->re, empty, 0, &ignored);
  *status = e;
  if (e == U_REGEX_TIME_OUT) return CICU_REGEX_TIMEOUT;
  if (U_FAILURE(e)) return CICU_REGEX_ERROR;
  return n;
}

const char *cicu_error_name(int32_t status) { return u_errorName((UErrorCode)status); }

const char *cicu_version(void) { return U_ICU_VERSION; }
