/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TEMPORARY until src/gest-modules.c defines gest_modules_add_pages(): a weak definition, so
 * the lead's real one replaces it at link time without a clash. Delete this file (and its line
 * in src/app/meson.build) once gest-modules.c has it. */
#include "config.h"

#include "gest-window.h"

__attribute__((weak)) void
gest_modules_add_pages (GestWindow *window,
                        GestStore  *store)
{
  /* No module has pages yet: every section keeps its "not built yet" status page. */
}
