/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-module"

#include "config.h"

#include "gest-module.h"

G_DEFINE_INTERFACE (GestModule, gest_module, GEST_TYPE_DOMAIN_MODULE)

static void
gest_module_default_init (GestModuleInterface *iface)
{
}

const char *
gest_module_get_title (GestModule *self)
{
  g_return_val_if_fail (GEST_IS_MODULE (self), NULL);
  g_return_val_if_fail (GEST_MODULE_GET_IFACE (self)->get_title != NULL, NULL);

  return GEST_MODULE_GET_IFACE (self)->get_title (self);
}

const char *
gest_module_get_icon_name (GestModule *self)
{
  g_return_val_if_fail (GEST_IS_MODULE (self), NULL);

  if (GEST_MODULE_GET_IFACE (self)->get_icon_name == NULL)
    return "application-x-addon-symbolic";
  return GEST_MODULE_GET_IFACE (self)->get_icon_name (self);
}

int
gest_module_get_position (GestModule *self)
{
  g_return_val_if_fail (GEST_IS_MODULE (self), 0);

  if (GEST_MODULE_GET_IFACE (self)->get_position == NULL)
    return G_MAXINT;
  return GEST_MODULE_GET_IFACE (self)->get_position (self);
}

GtkWidget *
gest_module_create_page (GestModule  *self,
                         GestContext *context)
{
  g_return_val_if_fail (GEST_IS_MODULE (self), NULL);
  g_return_val_if_fail (GEST_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (GEST_MODULE_GET_IFACE (self)->create_page != NULL, NULL);

  return GEST_MODULE_GET_IFACE (self)->create_page (self, context);
}

gboolean
gest_module_open_hit (GestModule  *self,
                      GestContext *context,
                      GtkWidget   *page,
                      const char  *kind,
                      const char  *uuid)
{
  GestModuleInterface *iface;

  g_return_val_if_fail (GEST_IS_MODULE (self), FALSE);
  g_return_val_if_fail (GEST_IS_CONTEXT (context), FALSE);
  g_return_val_if_fail (kind != NULL && uuid != NULL, FALSE);

  iface = GEST_MODULE_GET_IFACE (self);
  return iface->open_hit != NULL && iface->open_hit (self, context, page, kind, uuid);
}

GPtrArray *
gest_module_create_preferences_pages (GestModule  *self,
                                      GestContext *context)
{
  GestModuleInterface *iface;
  GPtrArray *pages = NULL;

  g_return_val_if_fail (GEST_IS_MODULE (self), NULL);
  g_return_val_if_fail (GEST_IS_CONTEXT (context), NULL);

  iface = GEST_MODULE_GET_IFACE (self);
  if (iface->create_preferences_pages != NULL)
    pages = iface->create_preferences_pages (self, context);
  return pages != NULL ? pages : g_ptr_array_new ();
}

GtkWindow *
gest_module_create_welcome_panel (GestModule     *self,
                                  GtkApplication *app,
                                  const char     *db_path)
{
  GestModuleInterface *iface;

  g_return_val_if_fail (GEST_IS_MODULE (self), NULL);
  g_return_val_if_fail (GTK_IS_APPLICATION (app), NULL);
  g_return_val_if_fail (db_path != NULL, NULL);

  iface = GEST_MODULE_GET_IFACE (self);
  return iface->create_welcome_panel != NULL ? iface->create_welcome_panel (self, app, db_path) : NULL;
}

static int
compare_positions (gconstpointer a,
                   gconstpointer b)
{
  GestModule *ma = *(GestModule * const *) a;
  GestModule *mb = *(GestModule * const *) b;
  int pa = gest_module_get_position (ma), pb = gest_module_get_position (mb);

  return pa < pb ? -1 : pa > pb;
}

GPtrArray *
gest_modules_get_ui (void)
{
  GPtrArray *all = gest_domain_modules_get ();
  GPtrArray *ui = g_ptr_array_new ();

  for (guint i = 0; all != NULL && i < all->len; i++)
    if (GEST_IS_MODULE (g_ptr_array_index (all, i)))
      g_ptr_array_add (ui, g_ptr_array_index (all, i));
  /* Stable: modules at the same position keep their registration order. */
  g_ptr_array_sort (ui, compare_positions);
  return ui;
}

GestModule *
gest_modules_find_ui (const char *id)
{
  GestDomainModule *module;

  g_return_val_if_fail (id != NULL, NULL);

  module = gest_domain_modules_find (id);
  return GEST_IS_MODULE (module) ? GEST_MODULE (module) : NULL;
}
