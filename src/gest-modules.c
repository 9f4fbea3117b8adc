/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-modules"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-customers-section.h"
#include "gest-module.h"
#include "gest-reports-section.h"

/* The UI class of every module (declared in its gest-<name>-module.h). */
#define GEST_MODULE(name) GType gest_##name##_module_get_type (void);
#include "gest-module-list.h"

static const GestPlannedModule planned[] = {
#define GEST_PLANNED_MODULE(id, title, icon, position, missing) { #id, title, icon, position, missing },
#include "gest-module-list.h"
};

/* The UI half of every module of src/gest-module-list.h: each one's class derives from its
 * domain class, so it replaces that one in the registry and answers for both. */
void
gest_modules_init (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
#define GEST_MODULE(name)                                                        \
      {                                                                          \
        g_autoptr(GObject) module = g_object_new (gest_##name##_module_get_type (), NULL); \
        gest_domain_modules_add (GEST_DOMAIN_MODULE (module));                   \
      }
#include "gest-module-list.h"
      gest_customers_section_register ();
      gest_reports_section_register ();
      g_once_init_leave (&initialized, 1);
    }
}

const GestPlannedModule *
gest_modules_get_planned (guint *n_planned)
{
  if (n_planned != NULL)
    *n_planned = G_N_ELEMENTS (planned);
  return planned;
}
