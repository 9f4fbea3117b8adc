/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-permissions"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-error.h"
#include "gest-permissions.h"

#define R(role) GEST_ROLE_BIT (GEST_ROLE_##role)

/* Who may do what, for the actions every module shares. Managers of an area administer its
 * data; only the general manager manages users and the dealer's settings. */
static const GestPermission shared_rows[] = {
  { GEST_PERMISSION_MANAGE_USERS, N_("manage users"), R (GENERAL_MANAGER) },
  { GEST_PERMISSION_ROUTING_SETTINGS, N_("change the routing thresholds"),
    R (GENERAL_MANAGER) | R (FINANCE_MANAGER) },
  { GEST_PERMISSION_DEALER_SETTINGS, N_("change the dealer’s settings"), R (GENERAL_MANAGER) },
  { GEST_PERMISSION_EDIT_CUSTOMERS, N_("create and edit customers and vehicles"), GEST_ROLES_ALL_DEALER },
  { GEST_PERMISSION_EDIT_PLANS, N_("create and edit plans"),
    R (GENERAL_MANAGER) | R (FINANCE_MANAGER) | R (COLLECTIONS_SUPERVISOR) },
  { GEST_PERMISSION_MERGE_CUSTOMERS, N_("merge customers"),
    R (GENERAL_MANAGER) | R (FINANCE_MANAGER) | R (CS_HEAD) | R (SERVICE_MANAGER) | R (COLLECTIONS_SUPERVISOR) },
  { GEST_PERMISSION_IMPORT, N_("import customers, vehicles and plans"),
    R (GENERAL_MANAGER) | R (FINANCE_MANAGER) | R (SERVICE_MANAGER) | R (CS_HEAD) | R (COLLECTIONS_SUPERVISOR) },
  { GEST_PERMISSION_IMPORT_CONAUTO, N_("import Conauto’s update file"),
    R (GENERAL_MANAGER) | R (FINANCE_MANAGER) },
  /* The texts sent to customers speak for the dealer: the heads of the areas that send them. */
  { GEST_PERMISSION_EDIT_TEMPLATES, N_("edit the templates of letters and messages"),
    R (GENERAL_MANAGER) | R (CS_HEAD) | R (CS_COORDINATOR) | R (SERVICE_MANAGER) | R (FINANCE_MANAGER) |
    R (COLLECTIONS_SUPERVISOR) },
};

static GMutex lock;
static GPtrArray *rows;        /* const GestPermission *, in the order added */
static GHashTable *rows_by_id; /* id → const GestPermission * */

static void
ensure_rows_locked (void)
{
  if (rows != NULL)
    return;
  rows = g_ptr_array_new ();
  rows_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < G_N_ELEMENTS (shared_rows); i++)
    {
      g_ptr_array_add (rows, (gpointer) &shared_rows[i]);
      g_hash_table_insert (rows_by_id, (gpointer) shared_rows[i].id, (gpointer) &shared_rows[i]);
    }
}

void
gest_permissions_add (const GestPermission *add,
                      guint                 n_rows)
{
  g_return_if_fail (add != NULL || n_rows == 0);

  g_mutex_lock (&lock);
  ensure_rows_locked ();
  for (guint i = 0; i < n_rows; i++)
    {
      const GestPermission *known = g_hash_table_lookup (rows_by_id, add[i].id);

      /* A module registered twice (tests register again) adds the same static rows. */
      if (known == &add[i])
        continue;
      if (known != NULL)
        {
          g_critical ("Permission “%s” defined twice", add[i].id);
          continue;
        }
      g_ptr_array_add (rows, (gpointer) &add[i]);
      g_hash_table_insert (rows_by_id, (gpointer) add[i].id, (gpointer) &add[i]);
    }
  g_mutex_unlock (&lock);
}

const GestPermission *
gest_permissions_find (const char *id)
{
  const GestPermission *row;

  g_return_val_if_fail (id != NULL, NULL);

  g_mutex_lock (&lock);
  ensure_rows_locked ();
  row = g_hash_table_lookup (rows_by_id, id);
  g_mutex_unlock (&lock);
  return row;
}

GPtrArray *
gest_permissions_list (void)
{
  GPtrArray *copy;

  g_mutex_lock (&lock);
  ensure_rows_locked ();
  copy = g_ptr_array_copy (rows, NULL, NULL);
  g_mutex_unlock (&lock);
  return copy;
}

gboolean
gest_permission_allows (GestRole    role,
                        const char *id)
{
  const GestPermission *row;

  g_return_val_if_fail (id != NULL, FALSE);

  if (role >= GEST_N_ROLES)
    return FALSE;
  row = gest_permissions_find (id);
  return row != NULL && (row->roles & GEST_ROLE_BIT (role)) != 0;
}

gboolean
gest_permission_check (GestRole     role,
                       const char  *user_name,
                       const char  *id,
                       GError     **error)
{
  const GestPermission *row;
  g_autoptr(GString) allowed = NULL;

  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (gest_permission_allows (role, id))
    return TRUE;

  row = gest_permissions_find (id);
  if (row == NULL)
    {
      g_critical ("Unknown permission “%s”", id);
      g_set_error (error, GEST_ERROR, GEST_ERROR_PERMISSION,
                   _("This action is not in the permissions table, so nobody may do it. Report it "
                     "to Gestiona’s developers."));
      return FALSE;
    }

  allowed = g_string_new (NULL);
  for (guint r = 0; r < GEST_N_ROLES; r++)
    {
      if ((row->roles & GEST_ROLE_BIT (r)) == 0)
        continue;
      if (allowed->len > 0)
        g_string_append (allowed, _(", "));
      g_string_append (allowed, gest_role_label ((GestRole) r));
    }
  if (allowed->len == 0)
    g_set_error (error, GEST_ERROR, GEST_ERROR_PERMISSION,
                 /* Translators: "%s (%s) cannot %s": user name, role, action ("merge customers") */
                 _("%s (%s) cannot %s: no dealer role can; it comes only from Conauto."),
                 user_name, gest_role_label (role), _(row->label));
  else
    g_set_error (error, GEST_ERROR, GEST_ERROR_PERMISSION,
                 /* Translators: user name, role, action ("merge customers"), the roles that may */
                 _("%s (%s) cannot %s: it is for %s. Ask one of them, or sign in as one."),
                 user_name, gest_role_label (role), _(row->label), allowed->str);
  return FALSE;
}
