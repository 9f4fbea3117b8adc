#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Issue 11, "done when": the shared layers know modules only through the contract
# (GestDomainModule, GestModule), so no file of theirs names a module, not even in a comment.
# The modules are the GEST_MODULE (name) lines of src/gest-module-list.h; a module "tramites"
# is looked for as "tramite" (its records), case-insensitive, accents ignored as written in C.
#
#   test-shared-names.sh SOURCE-ROOT      (TAP output)
set -u

if [ $# -ne 1 ]; then
  echo "usage: $0 SOURCE-ROOT" >&2
  exit 2
fi
source=$1
list="$source/src/gest-module-list.h"
shared="app core store plans sync mail widgets documents"

modules=$(sed -n 's/^GEST_MODULE (\([a-z_]*\)).*/\1/p' "$list")
n=0
failed=0
if [ -z "$modules" ]; then
  echo "not ok 1 - no GEST_MODULE line in $list"
  echo "1..1"
  exit 1
fi
for module in $modules; do
  stem=${module%s}
  for folder in $shared; do
    n=$((n + 1))
    hits=$(grep -ril -- "$stem" "$source/src/$folder" 2>/dev/null)
    if [ -z "$hits" ]; then
      echo "ok $n - src/$folder names no \"$stem\""
    else
      failed=1
      echo "not ok $n - src/$folder names the module \"$module\":"
      echo "$hits" | sed 's/^/#   /'
    fi
  done
done
echo "1..$n"
exit $failed
