#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Issue 11.6: `meson install` installs a working application. Installs the build into a
# temporary DESTDIR, checks that every file is there and valid, compiles the schemas there (the
# post-install script does not run under DESTDIR), then starts the installed programs as a
# user would: a fresh HOME, the installed data first in XDG_DATA_DIRS (schema, icons), the
# installed translations, LANGUAGE=es, under Xvfb with a session bus and GSK_RENDERER=cairo.
# gestiona runs with GESTIONA_EXIT_AFTER_FIRST_FRAME=1 (src/app/gest-application.c): it prints
# "first-frame" and the labels it shows once its window painted, then quits.
#
#   test-install.sh MESON BUILD-ROOT APP-ID PREFIX BINDIR DATADIR LOCALEDIR      (TAP output)
# (BINDIR, DATADIR and LOCALEDIR absolute, as configured: prefix / get_option(...)).
set -u

if [ $# -ne 7 ]; then
  echo "usage: $0 MESON BUILD-ROOT APP-ID PREFIX BINDIR DATADIR LOCALEDIR" >&2
  exit 2
fi
meson=$1 build=$2 app_id=$3 prefix=$4

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
root="$work/root"
bindir="$root$5"
datadir="$root$6"
localedir="$root$7"

n=0
failed=0
ok ()     { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); failed=1; echo "not ok $n - $1"; }
diag ()   { sed 's/^/# /' "$1" | tail -n 30; }
# check DESCRIPTION LOG COMMAND...: ok when COMMAND succeeds; else its output as diagnostics.
check () {
  description=$1 log=$2
  shift 2
  if "$@" >"$log" 2>&1; then ok "$description"; else diag "$log"; not_ok "$description"; fi
}

echo "1..19"

# --no-rebuild: meson test has built everything; a second ninja must not run under the tests.
check "meson install --destdir installs the build (prefix $prefix)" "$work/install.log" \
  "$meson" install -C "$build" --no-rebuild --quiet --destdir "$root"

for file in \
  "$bindir/gestiona" \
  "$bindir/gestiona-cli" \
  "$bindir/gestiona-server"; do
  if [ -x "$file" ] && [ -f "$file" ]; then
    ok "installed, executable: ${file#"$root"}"
  else
    not_ok "installed, executable: ${file#"$root"}"
  fi
done

desktop="$datadir/applications/$app_id.desktop"
metainfo="$datadir/metainfo/$app_id.metainfo.xml"
schemas="$datadir/glib-2.0/schemas"
for file in \
  "$desktop" \
  "$metainfo" \
  "$schemas/$app_id.gschema.xml" \
  "$datadir/icons/hicolor/scalable/apps/$app_id.svg" \
  "$datadir/icons/hicolor/symbolic/apps/$app_id-symbolic.svg" \
  "$localedir/es/LC_MESSAGES/gestiona.mo"; do
  if [ -s "$file" ]; then
    ok "installed: ${file#"$root"}"
  else
    not_ok "installed: ${file#"$root"}"
  fi
done

check "the installed desktop file is valid" "$work/desktop.log" desktop-file-validate "$desktop"
exec_line=$(sed -n 's/^Exec=//p' "$desktop" | head -n 1)
icon_line=$(sed -n 's/^Icon=//p' "$desktop" | head -n 1)
if [ -x "$bindir/${exec_line%% *}" ] && [ "$icon_line" = "$app_id" ] \
   && grep -q "^Name\[es\]=" "$desktop"; then
  ok "the desktop file starts an installed program ($exec_line), shows the installed icon and speaks Spanish"
else
  echo "# Exec=$exec_line Icon=$icon_line"
  not_ok "the desktop file starts an installed program ($exec_line), shows the installed icon and speaks Spanish"
fi
check "the installed metainfo is valid" "$work/metainfo.log" \
  appstreamcli validate --no-net "$metainfo"
check "the installed schemas compile (glib-compile-schemas --strict)" "$work/schemas.log" \
  glib-compile-schemas --strict "$schemas"

# The user's environment: nothing of the build folder (the test environment points the schema
# and the translations there), a fresh home, Spanish.
home="$work/home"
mkdir -p "$home"
if ! locale -a 2>/dev/null | grep -qi '^es_MX\.utf-\?8$'; then
  echo "# the es_MX.UTF-8 locale is missing: build-aux/deps generates it"
fi
run_installed () {
  # The sanitizers' settings pass (build-aux/test --sanitize turns leak detection off).
  env -i ${ASAN_OPTIONS+ASAN_OPTIONS="$ASAN_OPTIONS"} ${UBSAN_OPTIONS+UBSAN_OPTIONS="$UBSAN_OPTIONS"} \
    PATH="$PATH" HOME="$home" USER="${USER:-gestiona}" TZ=America/Mexico_City \
    XDG_DATA_HOME="$home/.local/share" XDG_CONFIG_HOME="$home/.config" \
    XDG_CACHE_HOME="$home/.cache" XDG_STATE_HOME="$home/.local/state" \
    XDG_DATA_DIRS="$datadir:/usr/local/share:/usr/share" \
    GESTIONA_LOCALEDIR="$localedir" LANGUAGE=es LANG=es_MX.UTF-8 LC_ALL=es_MX.UTF-8 \
    GSETTINGS_BACKEND=memory G_DEBUG=fatal-warnings GSK_RENDERER=cairo \
    NO_AT_BRIDGE=1 GTK_A11Y=none GESTIONA_EXIT_AFTER_FIRST_FRAME=1 \
    "$@"
}
# show_window DATABASE LOG: the installed gestiona under Xvfb until its first frame.
show_window () {
  run_installed timeout 120 xvfb-run -a -s "-screen 0 1280x800x24" \
    dbus-run-session -- "$bindir/gestiona" --db "$1" >"$2" 2>"$2.err"
}

if show_window "$work/fresh.db" "$work/fresh.log" && grep -qx "first-frame" "$work/fresh.log"; then
  ok "the installed gestiona shows its window on a new database"
else
  diag "$work/fresh.log"; diag "$work/fresh.log.err"
  not_ok "the installed gestiona shows its window on a new database"
fi
if grep -qxF "label: Le damos la bienvenida a Gestiona" "$work/fresh.log"; then
  ok "...in Spanish, from the installed translations (its welcome page)"
else
  diag "$work/fresh.log"
  not_ok "...in Spanish, from the installed translations (its welcome page)"
fi

if run_installed "$bindir/gestiona-server" --version >"$work/server.log" 2>&1 \
   && grep -q "^gestiona-server " "$work/server.log"; then
  ok "the installed gestiona-server starts (--version)"
else
  diag "$work/server.log"
  not_ok "the installed gestiona-server starts (--version)"
fi
check "the installed gestiona-cli fills a demonstration database" "$work/demo.log" \
  run_installed "$bindir/gestiona-cli" --db "$work/demo.db" demo --scale 30
if show_window "$work/demo.db" "$work/demo-window.log" && grep -qx "first-frame" "$work/demo-window.log" \
   && grep -qxF "label: Iniciar sesión en Gestiona" "$work/demo-window.log"; then
  ok "the installed gestiona shows the demonstration database's sign-in page in Spanish"
else
  diag "$work/demo-window.log"; diag "$work/demo-window.log.err"
  not_ok "the installed gestiona shows the demonstration database's sign-in page in Spanish"
fi

exit $failed
