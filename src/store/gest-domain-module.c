/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-domain-module"

#include "config.h"

#include "gest-error.h"

#include "gest-domain-module.h"

G_DEFINE_INTERFACE (GestDomainModule, gest_domain_module, G_TYPE_OBJECT)

/* Element type GestDomainModule, owned. Written only by gest_domain_modules_add() at start. */
static GPtrArray *modules;
static GMutex modules_lock;

static void
gest_domain_module_default_init (GestDomainModuleInterface *iface)
{
}

const char *
gest_domain_module_get_id (GestDomainModule *self)
{
  GestDomainModuleInterface *iface;

  g_return_val_if_fail (GEST_IS_DOMAIN_MODULE (self), NULL);

  iface = GEST_DOMAIN_MODULE_GET_IFACE (self);
  g_return_val_if_fail (iface->get_id != NULL, NULL);
  return iface->get_id (self);
}

/* The optional tables: NULL and 0 when the module has none. */
#define TABLE_GETTER(name, type, vfunc)                                   \
  const type *                                                            \
  name (GestDomainModule *self,                                           \
        guint            *n)                                              \
  {                                                                       \
    GestDomainModuleInterface *iface;                                     \
    guint ignored;                                                        \
                                                                          \
    if (n == NULL)                                                        \
      n = &ignored;                                                       \
    *n = 0;                                                               \
    g_return_val_if_fail (GEST_IS_DOMAIN_MODULE (self), NULL);            \
    iface = GEST_DOMAIN_MODULE_GET_IFACE (self);                          \
    if (iface->vfunc == NULL)                                             \
      return NULL;                                                        \
    return iface->vfunc (self, n);                                        \
  }

TABLE_GETTER (gest_domain_module_get_entities, GestEntityInfo, get_entities)
TABLE_GETTER (gest_domain_module_get_search_kinds, GestSearchKind, get_search_kinds)
TABLE_GETTER (gest_domain_module_get_cli_verbs, GestCliVerb, get_cli_verbs)
TABLE_GETTER (gest_domain_module_get_reports, GestReportInfo, get_reports)
TABLE_GETTER (gest_domain_module_get_permissions, GestPermission, get_permissions)
TABLE_GETTER (gest_domain_module_get_customer_links, GestCustomerLink, get_customer_links)

gboolean
gest_domain_module_fill_demo (GestDomainModule  *self,
                              GestStore         *store,
                              guint              n,
                              GRand             *rand,
                              GError           **error)
{
  GestDomainModuleInterface *iface;

  g_return_val_if_fail (GEST_IS_DOMAIN_MODULE (self), FALSE);
  g_return_val_if_fail (GEST_IS_STORE (store), FALSE);

  iface = GEST_DOMAIN_MODULE_GET_IFACE (self);
  return iface->fill_demo == NULL || iface->fill_demo (self, store, n, rand, error);
}

gboolean
gest_domain_module_mail_sent (GestDomainModule  *self,
                              GestStore         *store,
                              const char        *purpose,
                              const char        *record_uuid,
                              gint64             sent_at,
                              GError           **error)
{
  GestDomainModuleInterface *iface;

  g_return_val_if_fail (GEST_IS_DOMAIN_MODULE (self), FALSE);
  g_return_val_if_fail (GEST_IS_STORE (store), FALSE);

  iface = GEST_DOMAIN_MODULE_GET_IFACE (self);
  return iface->mail_sent == NULL || iface->mail_sent (self, store, purpose, record_uuid, sent_at, error);
}

gboolean
gest_domain_module_change_rejected (GestDomainModule  *self,
                                    GestStore         *store,
                                    const char        *entity,
                                    const char        *uuid,
                                    const char        *message,
                                    GError           **error)
{
  GestDomainModuleInterface *iface;

  g_return_val_if_fail (GEST_IS_DOMAIN_MODULE (self), FALSE);
  g_return_val_if_fail (GEST_IS_STORE (store), FALSE);

  iface = GEST_DOMAIN_MODULE_GET_IFACE (self);
  return iface->change_rejected == NULL ||
         iface->change_rejected (self, store, entity, uuid, message, error);
}

gboolean
gest_domain_module_queue_due_mail (GestDomainModule  *self,
                                   GestStore         *store,
                                   gint64             now,
                                   GError           **error)
{
  GestDomainModuleInterface *iface;

  g_return_val_if_fail (GEST_IS_DOMAIN_MODULE (self), FALSE);
  g_return_val_if_fail (GEST_IS_STORE (store), FALSE);

  iface = GEST_DOMAIN_MODULE_GET_IFACE (self);
  return iface->queue_due_mail == NULL || iface->queue_due_mail (self, store, now, error);
}

const GestContactSource *
gest_domain_module_get_contact_sources (GestDomainModule *self,
                                        guint            *n_sources)
{
  GestDomainModuleInterface *iface;

  g_return_val_if_fail (GEST_IS_DOMAIN_MODULE (self), NULL);
  g_return_val_if_fail (n_sources != NULL, NULL);

  *n_sources = 0;
  iface = GEST_DOMAIN_MODULE_GET_IFACE (self);
  return iface->get_contact_sources != NULL ? iface->get_contact_sources (self, n_sources) : NULL;
}

gboolean
gest_domain_module_contact_outcome (GestDomainModule  *self,
                                    GestStore         *store,
                                    const char        *source_id,
                                    const char        *record_uuid,
                                    GestContactOutcome outcome,
                                    GError           **error)
{
  GestDomainModuleInterface *iface;

  g_return_val_if_fail (GEST_IS_DOMAIN_MODULE (self), FALSE);
  g_return_val_if_fail (GEST_IS_STORE (store), FALSE);

  iface = GEST_DOMAIN_MODULE_GET_IFACE (self);
  return iface->contact_outcome == NULL ||
         iface->contact_outcome (self, store, source_id, record_uuid, outcome, error);
}

GestDomainModule *
gest_domain_modules_find_contact_source (const char               *source_id,
                                         const GestContactSource **out_source)
{
  GPtrArray *all = gest_domain_modules_get ();

  for (guint i = 0; i < all->len; i++)
    {
      GestDomainModule *module = g_ptr_array_index (all, i);
      guint n = 0;
      const GestContactSource *sources = gest_domain_module_get_contact_sources (module, &n);

      for (guint j = 0; j < n; j++)
        if (g_strcmp0 (sources[j].id, source_id) == 0)
          {
            if (out_source != NULL)
              *out_source = &sources[j];
            return module;
          }
    }
  return NULL;
}

void
gest_domain_modules_add (GestDomainModule *module)
{
  const char *id;

  g_return_if_fail (GEST_IS_DOMAIN_MODULE (module));
  id = gest_domain_module_get_id (module);
  g_return_if_fail (id != NULL && id[0] != '\0');

  g_mutex_lock (&modules_lock);
  if (modules == NULL)
    modules = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < modules->len; i++)
    {
      GestDomainModule *old = g_ptr_array_index (modules, i);
      GType old_type = G_OBJECT_TYPE (old);
      GType new_type = G_OBJECT_TYPE (module);

      if (g_strcmp0 (gest_domain_module_get_id (old), id) != 0)
        continue;
      if (old_type != new_type && g_type_is_a (new_type, old_type))
        {
          /* The UI class of a module whose domain class came first: it answers both. */
          g_ptr_array_index (modules, i) = g_object_ref (module);
          g_object_unref (old);
        }
      else if (!g_type_is_a (old_type, new_type))
        g_critical ("Two modules say they are “%s”: %s and %s", id,
                    G_OBJECT_TYPE_NAME (old), G_OBJECT_TYPE_NAME (module));
      g_mutex_unlock (&modules_lock);
      return;
    }
  g_ptr_array_add (modules, g_object_ref (module));
  g_mutex_unlock (&modules_lock);

  {
    guint n_permissions;
    const GestPermission *permissions = gest_domain_module_get_permissions (module, &n_permissions);

    gest_permissions_add (permissions, n_permissions);
  }
}

GPtrArray *
gest_domain_modules_get (void)
{
  gest_domain_modules_init ();
  return modules;
}

GestDomainModule *
gest_domain_modules_find (const char *id)
{
  GPtrArray *all = gest_domain_modules_get ();

  g_return_val_if_fail (id != NULL, NULL);

  for (guint i = 0; all != NULL && i < all->len; i++)
    if (g_str_equal (gest_domain_module_get_id (g_ptr_array_index (all, i)), id))
      return g_ptr_array_index (all, i);
  return NULL;
}

GestDomainModule *
gest_domain_modules_find_entity (const char            *entity,
                                 const GestEntityInfo **out_info)
{
  GPtrArray *all = gest_domain_modules_get ();

  if (out_info != NULL)
    *out_info = NULL;
  g_return_val_if_fail (entity != NULL, NULL);

  for (guint i = 0; all != NULL && i < all->len; i++)
    {
      GestDomainModule *module = g_ptr_array_index (all, i);
      guint n;
      const GestEntityInfo *infos = gest_domain_module_get_entities (module, &n);

      for (guint j = 0; j < n; j++)
        if (g_str_equal (infos[j].entity, entity))
          {
            if (out_info != NULL)
              *out_info = &infos[j];
            return module;
          }
    }
  return NULL;
}

GestDomainModule *
gest_domain_modules_find_search_kind (const char            *kind,
                                      const GestSearchKind **out_kind)
{
  GPtrArray *all = gest_domain_modules_get ();

  if (out_kind != NULL)
    *out_kind = NULL;
  g_return_val_if_fail (kind != NULL, NULL);

  for (guint i = 0; all != NULL && i < all->len; i++)
    {
      GestDomainModule *module = g_ptr_array_index (all, i);
      guint n;
      const GestSearchKind *kinds = gest_domain_module_get_search_kinds (module, &n);

      for (guint j = 0; j < n; j++)
        if (g_str_equal (kinds[j].kind, kind))
          {
            if (out_kind != NULL)
              *out_kind = &kinds[j];
            return module;
          }
    }
  return NULL;
}

GestDomainModule *
gest_domain_modules_find_cli_verb (const char         *verb,
                                   const GestCliVerb **out_verb)
{
  GPtrArray *all = gest_domain_modules_get ();

  if (out_verb != NULL)
    *out_verb = NULL;
  g_return_val_if_fail (verb != NULL, NULL);

  for (guint i = 0; all != NULL && i < all->len; i++)
    {
      GestDomainModule *module = g_ptr_array_index (all, i);
      guint n;
      const GestCliVerb *verbs = gest_domain_module_get_cli_verbs (module, &n);

      for (guint j = 0; j < n; j++)
        if (g_str_equal (verbs[j].verb, verb))
          {
            if (out_verb != NULL)
              *out_verb = &verbs[j];
            return module;
          }
    }
  return NULL;
}

int
gest_cli_fail (const GError *error)
{
  int status = GEST_CLI_EXIT_STORE;

  g_printerr ("gestiona-cli: %s\n", error->message);
  if (error->domain == GEST_ERROR)
    {
      switch ((GestError) error->code)
        {
        case GEST_ERROR_REFUSED:
        case GEST_ERROR_PERMISSION:
        case GEST_ERROR_TAMPERED:
          status = GEST_CLI_EXIT_REFUSED;
          break;
        case GEST_ERROR_INVALID:
        case GEST_ERROR_NOT_FOUND:
          status = GEST_CLI_EXIT_USAGE;
          break;
        case GEST_ERROR_NEWER_SCHEMA:
        case GEST_ERROR_CONFLICT:
        case GEST_ERROR_STORE:
        case GEST_ERROR_NETWORK:
        default:
          status = GEST_CLI_EXIT_STORE;
          break;
        }
    }
  else if (error->domain == G_OPTION_ERROR || error->domain == G_CONVERT_ERROR)
    {
      /* G_CONVERT_ERROR: an argument that is not text in the locale's encoding (16.9). */
      status = GEST_CLI_EXIT_USAGE;
    }
  return status;
}
