#!/bin/sh
# Writes OUTPUT_DIR/EmbeddedModel.swift: the model file MODEL as base64 in one Swift raw string literal
# (76 characters a line), so the siyu binary carries its default model. A missing MODEL gives an empty
# literal (the built-in model is then reported as missing). Run by the EmbedModel build-tool plugin; the
# output is only replaced when its content changes.
# Usage: embed-model.sh MODEL OUTPUT_DIR
set -eu
model=$1
out=$2
mkdir -p "$out"
tmp="$out/EmbeddedModel.swift.tmp.$$"
{
  echo '// Generated from models/default.siyumodel at build time by scripts/embed-model.sh. Do not edit.'
  echo 'enum EmbeddedModel {'
  echo '  static let base64: String = """'
  if [ -f "$model" ]; then
    base64 -w 76 "$model" | sed -e 's/^/  /'
  fi
  echo '  """'
  echo '}'
} > "$tmp"
if cmp -s "$tmp" "$out/EmbeddedModel.swift"; then
  rm -f "$tmp"
else
  mv "$tmp" "$out/EmbeddedModel.swift"
fi
