/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-modules"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-domain-module.h"

/* The domain class of every module (declared in its gest-<name>-domain.h). */
#define GEST_MODULE(name) GType gest_##name##_domain_get_type (void);
#include "gest-module-list.h"

/* The domain half of every module of src/gest-module-list.h, for programs without GTK (the
 * CLI) and for everything GLib-only in the app (sync, mail, demo, search). */
void
gest_domain_modules_init (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
#define GEST_MODULE(name)                                                        \
      {                                                                          \
        g_autoptr(GObject) module = g_object_new (gest_##name##_domain_get_type (), NULL); \
        gest_domain_modules_add (GEST_DOMAIN_MODULE (module));                   \
      }
#include "gest-module-list.h"
      g_once_init_leave (&initialized, 1);
    }
}
