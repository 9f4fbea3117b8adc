#!/bin/sh
# Fails if a source file with translatable strings is missing from po/POTFILES.in,
# or if POTFILES.in names a file that does not exist.
status=0
for f in $(grep -lE '\b(_|N_|C_|g_dngettext|ngettext)\(' src/*/*.c src/*.c 2>/dev/null) \
         $(grep -l 'translatable="yes"' ui/*/*.ui ui/*.ui 2>/dev/null) \
         data/*.desktop.in data/*.metainfo.xml.in data/*.gschema.xml; do
  if ! grep -qxF "$f" po/POTFILES.in; then
    echo "po/POTFILES.in lacks $f"
    status=1
  fi
done
for f in $(grep -v '^#' po/POTFILES.in); do
  [ -e "$f" ] || { echo "po/POTFILES.in names $f, which does not exist"; status=1; }
done
exit $status
