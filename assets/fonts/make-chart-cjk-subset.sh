#!/usr/bin/env bash
# Rebuilds NotoSansCJKsc-ChartLabels.otf, the few Chinese glyphs the weekly report's chart draws,
# cut from Noto Sans CJK SC Regular (SIL OFL 1.1). Run it after a chart label gains a Chinese
# character: src/reports/weekly-report/render/chart-png.spec.ts fails until the subset covers it.
#   apt-get install fonts-noto-cjk python3-fonttools   # Debian's packages; nothing else is needed
#   bash assets/fonts/make-chart-cjk-subset.sh
set -euo pipefail
cd "$(dirname "$0")"

# Every Chinese character a chart label may use: 万 and 亿 (axis scales) and 月 (months).
TEXT='万亿月'
SOURCE=/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc
# The collection's faces are JP, KR, SC, TC, HK, then the Mono ones: number 2 is Simplified Chinese.
FACE=2

/usr/bin/python3 -m fontTools.subset "$SOURCE" --font-number="$FACE" --text="$TEXT" \
  --layout-features='' --name-IDs='*' --output-file=NotoSansCJKsc-ChartLabels.otf
/usr/bin/python3 - <<'PY'
from fontTools.ttLib import TTFont
font = TTFont('NotoSansCJKsc-ChartLabels.otf')
assert font['name'].getDebugName(1) == 'Noto Sans CJK SC', font['name'].getDebugName(1)
print('NotoSansCJKsc-ChartLabels.otf:', ''.join(sorted(map(chr, font.getBestCmap()))))
PY
