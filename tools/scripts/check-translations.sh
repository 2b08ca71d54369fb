#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Fails when a string is missing (new or changed source text without a translation) or
# stale (a translation whose source text is gone). Runs lupdate on a copy, so the committed
# translations/floorline_de.ts is not touched; `cmake --build <dir> --target update_translations`
# updates it for real.
#   check-translations.sh [--plural-only] <lupdate> <ts-file> <source files...>
# --plural-only: the file holds plural forms only (English: "1 unit", "6 units").
set -euo pipefail
only=()
if [ "$1" = "--plural-only" ]; then only=(-pluralonly); shift; fi
lupdate="$1"
ts="$2"
shift 2
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$ts" "$work/check.ts"
printf '%s\n' "$@" > "$work/sources.lst"
"$lupdate" "${only[@]}" -locations none "@$work/sources.lst" -ts "$work/check.ts" > "$work/lupdate.log" 2>&1 \
  || { cat "$work/lupdate.log"; exit 1; }
python3 - "$work/check.ts" <<'PY'
import sys
import xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
missing, stale, total = [], [], 0
for context in root.iter('context'):
    name = context.findtext('name')
    for message in context.iter('message'):
        total += 1
        source = message.findtext('source')
        tr = message.find('translation')
        kind = tr.get('type') if tr is not None else 'unfinished'
        texts = [tr.text] if tr is not None and tr.find('numerusform') is None else \
                [n.text for n in tr.iter('numerusform')] if tr is not None else []
        if kind in ('vanished', 'obsolete'):
            stale.append(f'{name}: {source!r}')
        elif kind == 'unfinished' or not all(t and t.strip() for t in texts):
            missing.append(f'{name}: {source!r}')
for line in missing:
    print('missing translation:', line)
for line in stale:
    print('stale translation (source text gone):', line)
print(f'{total} strings, {len(missing)} missing, {len(stale)} stale')
sys.exit(1 if missing or stale else 0)
PY
