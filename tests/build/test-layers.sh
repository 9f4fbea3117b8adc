#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Issue 11.2: the compiler enforces the layers (style.md, src/meson.build).
#
# Part 1 compiles small probe files with the very command line meson gives each library's own
# sources (compiler, include directories, dependencies' flags, defines), read from the build's
# meson-info/intro-targets.json, so nothing is copied by hand and nothing can drift; with
# -fsyntax-only. A probe that includes GTK into a GLib-only library, or a module's header into
# a shared layer, must fail because the header is not found; the control probes (what each
# layer may include) must compile, so a failure is never an accident of the command line.
#
# Part 2 reads the shared layers' sources: include directories cannot stop
# #include "../tramites/x.h" (C looks beside the including file first) nor
# #include "tramites/x.h" (src/ is on every library's path), so every #include "…" of a shared
# layer must name a bare file that is no module's, and no GLib-only folder includes GTK.
#
#   test-layers.sh BUILD-ROOT SOURCE-ROOT      (TAP output)
set -u

if [ $# -ne 2 ]; then
  echo "usage: $0 BUILD-ROOT SOURCE-ROOT" >&2
  exit 2
fi
build=$1
source=$2
targets="$build/meson-info/intro-targets.json"

# A module's header, and the shared folders: the GLib-only ones, then the UI ones.
module_header="gest-tramite.h"
glib_only="core store plans documents sync mail"
shared="$glib_only widgets app"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
n=0
failed=0
ok ()     { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); failed=1; echo "not ok $n - $1"; }
diag ()   { sed 's/^/# /' "$1" | head -n 20; }

# The compile command (shell-quoted, without ccache) of each target's C sources, in
# $work/cmd-TARGET: one read of the build's introspection for all of them.
python3 - "$targets" "$work" gestiona-base gestiona-domain gestiona-ui gestiona-cli gestiona-server \
  <<'PY' >"$work/introspection" 2>&1
import json, os, shlex, sys
path, work, names = sys.argv[1], sys.argv[2], sys.argv[3:]
for target in json.load(open(path)):
    if target["name"] not in names:
        continue
    for group in target["target_sources"]:
        if group.get("language") != "c":
            continue
        compiler = list(group["compiler"])
        if os.path.basename(compiler[0]) in ("ccache", "sccache"):
            compiler = compiler[1:]
        with open(os.path.join(work, "cmd-" + target["name"]), "w") as f:
            f.write(" ".join(shlex.quote(a) for a in compiler + group["parameters"]))
        break
PY

# probe TARGET EXPECT DESCRIPTION [HEADER]: compiles stdin with TARGET's command line.
# EXPECT "ok": it compiles. EXPECT "fail": it fails because HEADER is not found.
probe () {
  target=$1 expect=$2 description=$3 missing=${4:-}
  file="$work/probe-$n.c"
  cat > "$file"
  if [ ! -s "$work/cmd-$target" ]; then
    echo "# no compile command for $target in $targets"
    diag "$work/introspection"
    not_ok "$target: $description"
    return
  fi
  if eval "$(cat "$work/cmd-$target")" -fdiagnostics-color=never -fsyntax-only '"$file"' >"$work/err" 2>&1; then
    compiled=yes
  else
    compiled=no
  fi
  if [ "$expect" = ok ]; then
    if [ $compiled = yes ]; then
      ok "$target: $description"
    else
      diag "$work/err"
      not_ok "$target: $description"
    fi
  elif [ $compiled = no ] && grep -F "$missing" "$work/err" | grep -Eq "No such file|not found"; then
    ok "$target: $description"
  else
    echo "# compiled: $compiled; expected: $missing not found"
    diag "$work/err"
    not_ok "$target: $description"
  fi
}

control_body='int gest_layers_probe (void); int gest_layers_probe (void) { return 0; }'

echo "1..14"

# GLib-only shared layers (core, store, plans, documents, sync, mail).
probe gestiona-base fail "cannot include GTK" "gtk/gtk.h" <<EOF
#include <gtk/gtk.h>
EOF
probe gestiona-base fail "cannot include libadwaita" "adwaita.h" <<EOF
#include <adwaita.h>
EOF
probe gestiona-base fail "cannot include a module's header ($module_header)" "$module_header" <<EOF
#include "$module_header"
EOF
probe gestiona-base fail "cannot include the UI layer (gest-window.h)" "gest-window.h" <<EOF
#include "gest-window.h"
EOF
probe gestiona-base ok "control: includes GLib and the store (gest-store.h)" <<EOF
#include "config.h"
#include <glib.h>
#include "gest-store.h"
$control_body
EOF

# The modules' domain files: GLib only, but they see the modules.
probe gestiona-domain fail "cannot include GTK" "gtk/gtk.h" <<EOF
#include <gtk/gtk.h>
EOF
probe gestiona-domain ok "control: includes the store and a module's header ($module_header)" <<EOF
#include "config.h"
#include "gest-store.h"
#include "$module_header"
$control_body
EOF

# The shared UI layer (widgets, app): GTK, never a module.
probe gestiona-ui fail "cannot include a module's header ($module_header)" "$module_header" <<EOF
#include "$module_header"
EOF
probe gestiona-ui ok "control: includes GTK, libadwaita, the store and the window" <<EOF
#include "config.h"
#include <gtk/gtk.h>
#include <adwaita.h>
#include "gest-store.h"
#include "gest-window.h"
$control_body
EOF

# The command-line tool and the server: no GTK.
probe gestiona-cli fail "cannot include GTK" "gtk/gtk.h" <<EOF
#include <gtk/gtk.h>
EOF
probe gestiona-server fail "cannot include GTK" "gtk/gtk.h" <<EOF
#include <gtk/gtk.h>
EOF

# Part 2: the sources. Module folders: every folder of src/ that is no shared layer and neither
# the CLI nor the server.
modules=""
for dir in "$source"/src/*/; do
  name=$(basename "$dir")
  case " $shared cli server " in
    *" $name "*) ;;
    *) modules="$modules $name" ;;
  esac
done
: > "$work/module-headers"
for m in $modules; do
  for h in "$source/src/$m"/*.h; do
    [ -e "$h" ] && basename "$h" >> "$work/module-headers"
  done
done
if grep -qxF "$module_header" "$work/module-headers"; then
  ok "src/ has module folders:$modules ($module_header among their headers)"
else
  not_ok "src/ has module folders:$modules ($module_header among their headers)"
fi

: > "$work/bad"
for layer in $shared; do
  for f in "$source/src/$layer"/*.[ch]; do
    [ -e "$f" ] || continue
    sed -n 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*"\([^"]*\)".*/\1/p' "$f" | while read -r inc; do
      case "$inc" in
        */*) echo "src/$layer/$(basename "$f"): #include \"$inc\" names a path" >> "$work/bad" ;;
        *) if grep -qxF "$inc" "$work/module-headers"; then
             echo "src/$layer/$(basename "$f"): #include \"$inc\" is a module's header" >> "$work/bad"
           fi ;;
      esac
    done
  done
done
if [ -s "$work/bad" ]; then
  diag "$work/bad"
  not_ok "no shared layer ($shared) includes a module's header or a path"
else
  ok "no shared layer ($shared) includes a module's header or a path"
fi

: > "$work/bad"
for layer in $glib_only; do
  for f in "$source/src/$layer"/*.[ch]; do
    [ -e "$f" ] || continue
    grep -EHn '^[[:space:]]*#[[:space:]]*include[[:space:]]*<(gtk/|gdk/|gsk/|adwaita\.h)' "$f" >> "$work/bad"
  done
done
if [ -s "$work/bad" ]; then
  diag "$work/bad"
  not_ok "no GLib-only folder ($glib_only) includes GTK, GDK, GSK or libadwaita"
else
  ok "no GLib-only folder ($glib_only) includes GTK, GDK, GSK or libadwaita"
fi

exit $failed
