// ICU's Chinese/Japanese word segmentation for runs of Han characters, without ICU's per-range overhead.
//
// ICU's word break iterator hands every run of dictionary characters to its CJK engine, which finds the
// segmentation with the lowest total cost: each dictionary word costs the value stored with it in
// `cjdict`, a character that starts no one-character word costs 255, and ties go to the segmentation
// found first (positions left to right, shorter words first). This file computes the same minimum over
// the same dictionary, walked with ICU's own `UCharsTrie`, for runs of Han characters only (no kana,
// whose runs ICU scores with extra rules; the caller checks that). What it saves is ICU's bookkeeping
// around the search (a UText and a UnicodeString per range, normalization checks, vectors allocated per
// range) and, above all, the first step of every dictionary lookup: the trie's root branches over all
// ~16,000 first characters, so the state after each first character is computed once and reused.
#define U_SHOW_CPLUSPLUS_API 1
#include "cjk_dictionary.h"

#include <new>
#include <stdlib.h>
#include <string.h>
#include <unicode/ucharstrie.h>
#include <unicode/udata.h>
#include <unicode/utf16.h>

using icu::UCharsTrie;

namespace {

/// Longest dictionary word tried, in UTF-16 units (ICU's CJK engine uses 20).
constexpr int32_t kMaxWordUnits = 20;
/// Cost of a character that starts no one-character word (ICU: 255).
constexpr uint32_t kUnknownCost = 255;
constexpr uint32_t kUnreachable = 0xFFFFFFFFu;
/// First characters whose trie state is cached: CJK Extension A and the Unified Ideographs block.
constexpr int32_t kCacheFirst = 0x3400;
constexpr int32_t kCacheLimit = 0xA000;
constexpr int8_t kNotCached = -1;

/// The trie after one first character, with the value there: one cache line to read instead of three
/// places (a result table, a state table and the trie itself), which is what most lookups cost.
struct FirstStep {
  UCharsTrie::State state;
  int32_t value = 0;
  int8_t result = kNotCached;
};

/// A pair of characters after which no dictionary word goes on (the trie's answer to the second is "no
/// match" or "final value"), in a direct-mapped table of kPairSlots: most positions in Chinese text end
/// there, and the second step otherwise searches the first character's branch, often hundreds of
/// entries wide. 8 bytes an entry, so the table stays in cache.
struct PairEnd {
  uint32_t pair = 0;  // first << 16 | second; 0 (two NULs, never Han) marks an empty entry
  uint8_t result = 0;
  uint8_t cost = 0;
};
constexpr int kPairBits = 14;
constexpr uint32_t kPairSlots = 1u << kPairBits;

}  // namespace

struct cicu_cjk {
  UDataMemory *data = nullptr;
  const char16_t *trie = nullptr;
  /// `first(c)` for c in kCacheFirst..<kCacheLimit, filled as characters are met.
  FirstStep *firstSteps = nullptr;
  PairEnd *pairEnds = nullptr;
  /// Scratch, `capacity` + 1 entries each.
  int32_t capacity = 0;
  int32_t *starts = nullptr;  // code point index -> UTF-16 offset
  uint32_t *best = nullptr;   // lowest cost of the first i code points
  int32_t *prev = nullptr;    // where the last word of that segmentation starts
};

extern "C" cicu_cjk *cicu_cjk_open(void) {
  UErrorCode status = U_ZERO_ERROR;
  UDataMemory *data = udata_open(U_ICUDATA_NAME "-brkitr", "dict", "cjdict", &status);
  if (U_FAILURE(status)) return nullptr;
  // DictionaryData layout: int32 indexes[8]; [0] = offset of the trie, [4] = trie type (bit 0: UTF-16
  // trie, bit 3: has values); [5] = transform (none for cjdict).
  const uint8_t *bytes = static_cast<const uint8_t *>(udata_getMemory(data));
  const int32_t *indexes = reinterpret_cast<const int32_t *>(bytes);
  if ((indexes[4] & 7) != 1 || (indexes[4] & 8) == 0 || indexes[5] != 0) {
    udata_close(data);
    return nullptr;
  }
  cicu_cjk *d = new (std::nothrow) cicu_cjk;
  if (!d) {
    udata_close(data);
    return nullptr;
  }
  d->data = data;
  d->trie = reinterpret_cast<const char16_t *>(bytes + indexes[0]);
  d->firstSteps = new (std::nothrow) FirstStep[kCacheLimit - kCacheFirst];
  d->pairEnds = new (std::nothrow) PairEnd[kPairSlots];
  if (!d->firstSteps || !d->pairEnds) {
    cicu_cjk_close(d);
    return nullptr;
  }
  return d;
}

extern "C" void cicu_cjk_close(cicu_cjk *d) {
  if (!d) return;
  delete[] d->firstSteps;
  delete[] d->pairEnds;
  free(d->starts);
  free(d->best);
  free(d->prev);
  udata_close(d->data);
  delete d;
}

/// Dictionary words starting at `text[0]` (at most kMaxWordUnits units, within `length`): their lengths
/// in code points and their costs, shortest first. Returns how many (at most kMaxWordUnits).
static int32_t wordsAt(cicu_cjk *d, const uint16_t *text, int32_t length, int32_t *lengths,
                       uint32_t *costs) {
  UCharsTrie trie(d->trie);
  int32_t count = 0;
  int32_t codePoints = 0;
  int32_t i = 0;
  // The first character when its step came from `firstSteps` (`pairEnds` keys on it), else 0.
  uint32_t first = 0;
  while (i < length) {
    UChar32 c;
    U16_NEXT(text, i, length, c);
    UStringTrieResult result;
    int32_t value = 0;
    if (codePoints == 1 && first != 0 && c < 0x10000) {
      uint32_t pair = first << 16 | static_cast<uint32_t>(c);
      PairEnd &end = d->pairEnds[(pair * 0x9E3779B1u) >> (32 - kPairBits)];
      if (end.pair == pair) {
        if (end.result == USTRINGTRIE_FINAL_VALUE) {
          lengths[count] = 2;
          costs[count] = end.cost;
          count++;
        }
        break;
      }
      result = trie.next(c);
      if (USTRINGTRIE_HAS_VALUE(result)) value = trie.getValue();
      if (result == USTRINGTRIE_NO_MATCH || (result == USTRINGTRIE_FINAL_VALUE && value <= 0xFF)) {
        end.pair = pair;
        end.result = static_cast<uint8_t>(result);
        end.cost = static_cast<uint8_t>(value);
      }
    } else if (codePoints == 0 && c >= kCacheFirst && c < kCacheLimit) {
      first = static_cast<uint32_t>(c);
      FirstStep &step = d->firstSteps[c - kCacheFirst];
      if (step.result == kNotCached) {
        result = trie.first(c);
        if (USTRINGTRIE_HAS_VALUE(result)) step.value = trie.getValue();
        trie.saveState(step.state);
        step.result = static_cast<int8_t>(result);
      } else {
        result = static_cast<UStringTrieResult>(step.result);
        if (result == USTRINGTRIE_NO_MATCH) break;
        trie.resetToState(step.state);
      }
      value = step.value;
    } else {
      // As ICU's matcher: a supplementary code point is passed whole and matches no UTF-16 unit.
      result = codePoints == 0 ? trie.first(c) : trie.next(c);
      if (USTRINGTRIE_HAS_VALUE(result)) value = trie.getValue();
    }
    codePoints++;
    if (USTRINGTRIE_HAS_VALUE(result)) {
      lengths[count] = codePoints;
      costs[count] = static_cast<uint32_t>(value);
      count++;
      if (result == USTRINGTRIE_FINAL_VALUE) break;
    } else if (result == USTRINGTRIE_NO_MATCH) {
      break;
    }
    if (i >= kMaxWordUnits) break;
  }
  return count;
}

static bool reserve(cicu_cjk *d, int32_t n) {
  if (n <= d->capacity) return true;
  int32_t capacity = n < 256 ? 256 : n;
  int32_t *starts = static_cast<int32_t *>(realloc(d->starts, sizeof(int32_t) * (capacity + 1)));
  if (starts) d->starts = starts;
  uint32_t *best = static_cast<uint32_t *>(realloc(d->best, sizeof(uint32_t) * (capacity + 1)));
  if (best) d->best = best;
  int32_t *prev = static_cast<int32_t *>(realloc(d->prev, sizeof(int32_t) * (capacity + 1)));
  if (prev) d->prev = prev;
  if (!starts || !best || !prev) return false;
  d->capacity = capacity;
  return true;
}

extern "C" int32_t cicu_cjk_breaks(cicu_cjk *d, const uint16_t *text, int32_t length, int32_t *bounds) {
  if (length <= 0) return 0;
  if (!reserve(d, length)) return -1;
  int32_t n = 0;
  for (int32_t i = 0; i < length;) {
    d->starts[n++] = i;
    U16_FWD_1(text, i, length);
  }
  d->starts[n] = length;
  uint32_t *best = d->best;
  int32_t *prev = d->prev;
  best[0] = 0;
  prev[0] = -1;
  for (int32_t i = 1; i <= n; i++) {
    best[i] = kUnreachable;
    prev[i] = -1;
  }
  int32_t lengths[kMaxWordUnits + 1];
  uint32_t costs[kMaxWordUnits + 1];
  // Every position is reached: each character is at least a word of its own (kUnknownCost).
  for (int32_t i = 0; i < n; i++) {
    int32_t at = d->starts[i];
    // The next position's first step is a cache miss more often than not: ask for it now, so it
    // arrives while this position's words are looked up.
    if (i + 1 < n) {
      uint16_t ahead = text[d->starts[i + 1]];
      if (ahead >= kCacheFirst && ahead < kCacheLimit) __builtin_prefetch(&d->firstSteps[ahead - kCacheFirst]);
    }
    int32_t count = wordsAt(d, text + at, length - at, lengths, costs);
    if (count == 0 || lengths[0] != 1) {
      lengths[count] = 1;
      costs[count] = kUnknownCost;
      count++;
    }
    for (int32_t j = 0; j < count; j++) {
      uint32_t cost = best[i] + costs[j];
      int32_t end = i + lengths[j];
      if (cost < best[end]) {
        best[end] = cost;
        prev[end] = i;
      }
    }
  }
  // Walk back from the end; the boundaries come out in reverse.
  int32_t found = 0;
  for (int32_t i = prev[n]; i > 0; i = prev[i]) bounds[found++] = d->starts[i];
  for (int32_t a = 0, b = found - 1; a < b; a++, b--) {
    int32_t t = bounds[a];
    bounds[a] = bounds[b];
    bounds[b] = t;
  }
  return found;
}
