#!/usr/bin/env bash
# Installs what the tests need beyond the .NET SDK, once per machine: Debian's Chromium and Japanese fonts
# (end-to-end tests in the Agents Playground), MeCab with the IPA dictionary (knowledge), and the Node packages in tests/tools (Teams manifest schema,
# Adaptive Cards parser, the Playground itself). Safe to run again: it skips what is already there.
set -euo pipefail
cd "$(dirname "$0")"

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || missing+=(fonts-noto-cjk)
# MeCab and its IPA dictionary: the knowledge library reads dictionary forms of words with them (optional at run time).
[ -e /usr/lib/x86_64-linux-gnu/libmecab.so.2 ] || [ -e /usr/lib/aarch64-linux-gnu/libmecab.so.2 ] || missing+=(libmecab2)
[ -f /var/lib/mecab/dic/ipadic-utf8/sys.dic ] || missing+=(mecab-ipadic-utf8)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} ..."
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if [ ! -f tools/node_modules/.package-lock.json ] || [ tools/package-lock.json -nt tools/node_modules/.package-lock.json ]; then
  echo "Installing Node test tools ..."
  (cd tools && npm ci --no-audit --no-fund --loglevel=error)
fi
echo "Test prerequisites are in place."
