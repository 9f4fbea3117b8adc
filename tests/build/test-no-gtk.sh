#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Issue 11.2: gestiona-cli and gestiona-server link no GTK and no libadwaita (ldd shows every
# shared library a program loads, also those its libraries pull in). gestiona itself is the
# control: it must show them, or the check would not see them either.
#   test-no-gtk.sh GESTIONA GESTIONA-CLI GESTIONA-SERVER      (TAP output)
set -u

if [ $# -ne 3 ]; then
  echo "usage: $0 GESTIONA GESTIONA-CLI GESTIONA-SERVER" >&2
  exit 2
fi

GTK_RE='libgtk-4\.so|libadwaita-1\.so'
n=0
failed=0

ok ()     { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); failed=1; echo "not ok $n - $1"; }

libraries_of () {
  # ldd fails on a program that is not there or not dynamic: the check must fail then too.
  if ! ldd "$1" 2>&1; then
    echo "ldd $1 failed" >&2
    return 1
  fi
}

echo "1..3"

if out=$(libraries_of "$1") && printf '%s\n' "$out" | grep -Eq "$GTK_RE"; then
  ok "gestiona links GTK 4 and libadwaita (control: ldd shows them)"
else
  printf '%s\n' "$out" | sed 's/^/# /'
  not_ok "gestiona links GTK 4 and libadwaita (control: ldd shows them)"
fi

for program in "$2" "$3"; do
  name=$(basename "$program")
  if out=$(libraries_of "$program") && ! printf '%s\n' "$out" | grep -Eq "$GTK_RE"; then
    ok "$name links no GTK and no libadwaita"
  else
    printf '%s\n' "$out" | grep -E "$GTK_RE|failed|not" | sed 's/^/# /'
    not_ok "$name links no GTK and no libadwaita"
  fi
done

exit $failed
