#!/usr/bin/env bash
# Teams アプリパッケージを作る: manifest/build/manifest.json と manifest/build/isms-bot.zip
# 使い方: manifest/package.sh <ボットのアプリID(GUID)>   または   BOT_APP_ID=<GUID> manifest/package.sh
# 必要なもの: bash と python3 のみ (zip コマンドは不要)
# 出力先は環境変数 MANIFEST_OUT_DIR で変えられる (既定: manifest/build)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
app_id="${1:-${BOT_APP_ID:-}}"
guid='^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$'

if [[ -z "$app_id" ]]; then
  echo "エラー: ボットのアプリIDを引数か環境変数 BOT_APP_ID で指定してください。" >&2
  echo "例: manifest/package.sh 00000000-0000-0000-0000-000000000000" >&2
  exit 2
fi
if [[ ! "$app_id" =~ $guid ]]; then
  echo "エラー: アプリID '$app_id' は GUID の形式ではありません (例: 00000000-0000-0000-0000-000000000000)。" >&2
  exit 2
fi

app_id="${app_id,,}"             # Azure のアプリIDは小文字で表示されるので揃える
out="${MANIFEST_OUT_DIR:-$here/build}"   # 出力先 (テストでは一時ディレクトリを指定する)
mkdir -p "$out"

python3 - "$here" "$out" "$app_id" <<'PY'
import os, sys, zipfile
src, out, app_id = sys.argv[1:4]
with open(os.path.join(src, "manifest.template.json"), encoding="utf-8") as f:
    text = f.read().replace("${{BOT_APP_ID}}", app_id)
if "${{" in text:
    sys.exit("エラー: manifest.template.json に置き換えていないプレースホルダーが残っています。")
manifest = os.path.join(out, "manifest.json")
with open(manifest, "w", encoding="utf-8", newline="\n") as f:
    f.write(text)
package = os.path.join(out, "isms-bot.zip")
with zipfile.ZipFile(package, "w", zipfile.ZIP_DEFLATED) as z:
    z.write(manifest, "manifest.json")   # flat: Teams wants the files at the root of the zip
    z.write(os.path.join(src, "color.png"), "color.png")
    z.write(os.path.join(src, "outline.png"), "outline.png")
PY

validator="$here/../tests/tools/validate-manifest.mjs"
if command -v node >/dev/null && [[ -d "$here/../tests/tools/node_modules" ]]; then
  node "$validator" "$out/manifest.json"
else
  echo "注意: node または tests/tools/node_modules がないため、スキーマ検証を省略しました。"
fi
echo "作成しました: $out/isms-bot.zip"
