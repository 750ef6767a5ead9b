#!/bin/sh
# Writes OUTPUT_DIR/EmbeddedLexicons.swift: every *.txt file under LEXICONS_DIR as one Swift raw string
# literal, so the siyu binary needs no resource bundle. Run by the EmbedLexicons prebuild plugin on every
# build; the file is only replaced when its content changes, so unchanged lexicons cost no recompile.
# Usage: embed-lexicons.sh LEXICONS_DIR OUTPUT_DIR
set -eu
lexicons=$1
out=$2
mkdir -p "$out"
tmp="$out/EmbeddedLexicons.swift.tmp.$$"
{
  echo '// Generated from lexicons/ at build time by scripts/embed-lexicons.sh. Do not edit.'
  echo '// Files are separated by a line starting with U+0001 followed by the path.'
  echo 'enum EmbeddedLexicons {'
  echo '  static let blob: String = ##"""'
  (cd "$lexicons" && find . -type f -name '*.txt' | LC_ALL=C sort) | while IFS= read -r file; do
    path=${file#./}
    if grep -q -e '"""##' -e '\\##' "$lexicons/$path"; then
      echo "embed-lexicons: $path contains the literal delimiter" >&2
      exit 1
    fi
    printf '  \\##u{1}%s\n' "$path"
    sed -e 's/\r$//' -e 's/^/  /' "$lexicons/$path"
    # A file without a final newline still ends its last line.
    [ -z "$(tail -c 1 "$lexicons/$path")" ] || echo
  done
  echo '  """##'
  echo '}'
} > "$tmp"
if cmp -s "$tmp" "$out/EmbeddedLexicons.swift"; then
  rm -f "$tmp"
else
  mv "$tmp" "$out/EmbeddedLexicons.swift"
fi
