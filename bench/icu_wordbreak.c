/*
 * icu_wordbreak: raw ICU word-break baseline for bench/segment.
 *
 * usage: icu_wordbreak [--print] FILE
 *
 * Reads FILE line by line (one post a line, UTF-8; a trailing "\n" or "\r\n"
 * is dropped), converts each line to UTF-16 and runs one reused UBRK_WORD
 * break iterator (locale "zh") over it with ubrk_setText.
 *
 *   default  count the non-whitespace tokens and print only the total
 *            (so the work cannot be optimised away)
 *   --print  write each line's non-whitespace tokens separated by single
 *            spaces, one output line per input line (SIGHAN layout)
 *
 * Invalid UTF-8 is replaced by U+FFFD rather than aborting.
 *
 * build: gcc -O2 icu_wordbreak.c -o icu_wordbreak \
 *            $(pkg-config --cflags --libs icu-uc icu-i18n)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>

static void die(const char *what, UErrorCode st) {
  fprintf(stderr, "icu_wordbreak: %s: %s\n", what, u_errorName(st));
  exit(2);
}

static void *xrealloc(void *p, size_t n) {
  void *q = realloc(p, n);
  if (!q) {
    fprintf(stderr, "icu_wordbreak: out of memory (%zu bytes)\n", n);
    exit(2);
  }
  return q;
}

/* Whitespace as Python's str.split() sees it (the scorer splits that way):
 * the Unicode White_Space property plus U+001C..U+001F. */
static int is_space_cp(UChar32 c) {
  return u_isUWhiteSpace(c) || (c >= 0x1C && c <= 0x1F);
}

static int all_space(const UChar *s, int32_t start, int32_t end) {
  int32_t i = start;
  while (i < end) {
    UChar32 c;
    U16_NEXT(s, i, end, c);
    if (!is_space_cp(c)) return 0;
  }
  return 1;
}

int main(int argc, char **argv) {
  int print = 0;
  const char *path = NULL;
  for (int i = 1; i < argc; i++) {
    if (strcmp(argv[i], "--print") == 0) {
      print = 1;
    } else if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
      printf("usage: icu_wordbreak [--print] FILE\n");
      return 0;
    } else if (!path) {
      path = argv[i];
    } else {
      fprintf(stderr, "usage: icu_wordbreak [--print] FILE\n");
      return 2;
    }
  }
  if (!path) {
    fprintf(stderr, "usage: icu_wordbreak [--print] FILE\n");
    return 2;
  }

  FILE *in = fopen(path, "rb");
  if (!in) {
    perror(path);
    return 2;
  }

  UErrorCode st = U_ZERO_ERROR;
  UBreakIterator *bi = ubrk_open(UBRK_WORD, "zh", NULL, 0, &st);
  if (U_FAILURE(st)) die("ubrk_open", st);

  char *line = NULL;
  size_t linecap = 0;
  ssize_t len;
  UChar *u16 = NULL;
  int32_t u16cap = 0;
  char *tok8 = NULL;
  int32_t tok8cap = 0;
  unsigned long long tokens = 0;

  while ((len = getline(&line, &linecap, in)) != -1) {
    if (len > 0 && line[len - 1] == '\n') len--;
    if (len > 0 && line[len - 1] == '\r') len--;
    if (len > INT32_MAX / 2) {
      fprintf(stderr, "icu_wordbreak: line too long (%zd bytes)\n", len);
      return 2;
    }
    /* A UTF-8 line of n bytes needs at most n UTF-16 units. */
    if (u16cap < (int32_t)len + 1) {
      u16cap = (int32_t)len + 1;
      u16 = xrealloc(u16, (size_t)u16cap * sizeof(UChar));
    }
    int32_t ulen = 0;
    st = U_ZERO_ERROR;
    u_strFromUTF8WithSub(u16, u16cap, &ulen, line, (int32_t)len, 0xFFFD, NULL, &st);
    if (U_FAILURE(st)) die("u_strFromUTF8", st);

    st = U_ZERO_ERROR;
    ubrk_setText(bi, u16, ulen, &st);
    if (U_FAILURE(st)) die("ubrk_setText", st);

    int first_out = 1;
    int32_t start = ubrk_first(bi);
    for (int32_t end = ubrk_next(bi); end != UBRK_DONE; start = end, end = ubrk_next(bi)) {
      if (all_space(u16, start, end)) continue;
      tokens++;
      if (print) {
        int32_t need = (end - start) * 3 + 1;
        if (tok8cap < need) {
          tok8cap = need;
          tok8 = xrealloc(tok8, (size_t)tok8cap);
        }
        int32_t n8 = 0;
        st = U_ZERO_ERROR;
        u_strToUTF8(tok8, tok8cap, &n8, u16 + start, end - start, &st);
        if (U_FAILURE(st)) die("u_strToUTF8", st);
        if (!first_out) putchar(' ');
        fwrite(tok8, 1, (size_t)n8, stdout);
        first_out = 0;
      }
    }
    if (print) putchar('\n');
  }
  if (ferror(in)) {
    perror(path);
    return 2;
  }
  fclose(in);
  ubrk_close(bi);
  free(line);
  free(u16);
  free(tok8);

  if (!print) printf("%llu\n", tokens);
  if (fflush(stdout) != 0 || ferror(stdout)) {
    perror("stdout");
    return 2;
  }
  return 0;
}
