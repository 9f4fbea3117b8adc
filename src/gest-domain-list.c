/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-modules"

#include "config.h"

#include "gest-i18n.h"
#include "gest-tramites-demo.h"

void
gest_modules_init (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      /* Modules register their demo fillers here, in dependency order. */
      gest_tramites_demo_register ();
      g_once_init_leave (&initialized, 1);
    }
}
