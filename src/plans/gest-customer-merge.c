/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-customer-merge"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-activity-log.h"
#include "gest-customer-merge.h"
#include "gest-domain-module.h"
#include "gest-error.h"
#include "gest-permissions.h"
#include "gest-plan-edit-common.h"

typedef struct
{
  char *from_uuid;
  char *into_uuid;
  char *reason;
} MergeData;

static void
merge_data_free (gpointer data)
{
  MergeData *merge = data;

  g_free (merge->from_uuid);
  g_free (merge->into_uuid);
  g_free (merge->reason);
  g_free (merge);
}

/* The name and RFC of an active customer; FALSE with @error if it is not. */
static gboolean
load_active (GestStore   *store,
             const char  *uuid,
             char       **out_name,
             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = gest_store_prepare (store,
                             "SELECT name || CASE rfc WHEN '' THEN '' ELSE ' (' || rfc || ')' END"
                             " FROM customers WHERE uuid = ?1 AND deleted = 0", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *out_name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      return TRUE;
    }
  if (rc != SQLITE_DONE)
    return gest_store_set_error (store, error);
  g_set_error_literal (error, GEST_ERROR, GEST_ERROR_REFUSED,
                       _("One of the two customers is no longer there: it was merged into another or deleted. Search for the customer again."));
  return FALSE;
}

/* Runs @sql with :from, :into and :now bound; adds the rows it changed to @count. */
static gboolean
move (GestStore   *store,
      const char  *sql,
      const char  *from_uuid,
      const char  *into_uuid,
      gint64       now,
      guint       *count,
      GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = gest_store_prepare (store, sql, error);
  int index;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":from"), from_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":into"), into_uuid, -1, SQLITE_STATIC);
  index = sqlite3_bind_parameter_index (stmt, ":now");
  if (index > 0)
    sqlite3_bind_int64 (stmt, index, now);
  if (!gest_plan_edit_step (store, stmt, error))
    return FALSE;
  *count += (guint) sqlite3_changes (gest_store_get_db (store));
  return TRUE;
}

/* Every module's records that name the customer directly. */
static gboolean
move_module_records (GestStore   *store,
                     const char  *from_uuid,
                     const char  *into_uuid,
                     gint64       now,
                     guint       *count,
                     GError     **error)
{
  GPtrArray *modules = gest_domain_modules_get ();

  for (guint i = 0; i < modules->len; i++)
    {
      guint n_links = 0;
      const GestCustomerLink *links =
        gest_domain_module_get_customer_links (g_ptr_array_index (modules, i), &n_links);

      for (guint j = 0; j < n_links; j++)
        if (links[j].merge_sql != NULL &&
            !move (store, links[j].merge_sql, from_uuid, into_uuid, now, count, error))
          return FALSE;
    }
  return TRUE;
}

static char *
describe_moved (guint n_vehicles,
                guint n_plans,
                guint n_records)
{
  g_autofree char *vehicles = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u vehicle", "%u vehicles", n_vehicles),
                                               n_vehicles);
  g_autofree char *plans = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u plan", "%u plans", n_plans), n_plans);
  g_autofree char *records = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u other record", "%u other records",
                                                           n_records), n_records);

  /* TRANSLATORS: "2 vehicles, 1 plan and 3 other records" */
  return g_strdup_printf (_("%s, %s and %s"), vehicles, plans, records);
}

static gboolean
merge_cb (GestStore  *store,
          gpointer    data,
          GError    **error)
{
  MergeData *merge = data;

  return gest_customers_merge (store, merge->from_uuid, merge->into_uuid, merge->reason, error);
}

gboolean
gest_customers_merge (GestStore   *store,
                      const char  *from_uuid,
                      const char  *into_uuid,
                      const char  *reason,
                      GError     **error)
{
  g_autofree char *from_name = NULL;
  g_autofree char *into_name = NULL;
  g_autofree char *why = NULL;
  g_autofree char *moved = NULL;
  g_autofree char *from_text = NULL;
  g_autofree char *into_text = NULL;
  guint n_vehicles = 0, n_plans = 0, n_records = 0, n_customers = 0;
  gint64 now = gest_plan_edit_now (0);
  gboolean own = FALSE;
  gboolean ok;

  g_return_val_if_fail (GEST_IS_STORE (store), FALSE);
  g_return_val_if_fail (from_uuid != NULL && into_uuid != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  why = g_strstrip (g_strdup (reason != NULL ? reason : ""));
  if (!gest_store_begin_change (store, "customers_merge", &own, error))
    return FALSE;
  ok = gest_store_check_permission (store, GEST_PERMISSION_MERGE_CUSTOMERS, error);
  if (ok && g_str_equal (from_uuid, into_uuid))
    {
      g_set_error_literal (error, GEST_ERROR, GEST_ERROR_REFUSED,
                           _("A customer cannot be merged into itself. Choose the other customer, the one with the same person’s records."));
      ok = FALSE;
    }
  if (ok && *why == '\0')
    {
      g_set_error_literal (error, GEST_ERROR, GEST_ERROR_REFUSED,
                           _("Write why the two customers are the same person (same RFC, same phone…): the reason stays in both customers’ logs."));
      ok = FALSE;
    }
  ok = ok && load_active (store, from_uuid, &from_name, error) && load_active (store, into_uuid, &into_name, error);
  ok = ok &&
       move (store, "UPDATE vehicles SET customer_uuid = :into, updated_at = MAX(updated_at + 1, :now)"
                    " WHERE customer_uuid = :from AND deleted = 0",
             from_uuid, into_uuid, now, &n_vehicles, error) &&
       move (store, "UPDATE plans SET customer_uuid = :into, updated_at = MAX(updated_at + 1, :now)"
                    " WHERE customer_uuid = :from AND deleted = 0",
             from_uuid, into_uuid, now, &n_plans, error) &&
       move_module_records (store, from_uuid, into_uuid, now, &n_records, error) &&
       move (store, "UPDATE customers SET deleted = 1, updated_at = MAX(updated_at + 1, :now)"
                    " WHERE uuid = :from AND deleted = 0 AND :into IS NOT NULL",
             from_uuid, into_uuid, now, &n_customers, error);
  if (ok)
    {
      moved = describe_moved (n_vehicles, n_plans, n_records);
      from_text = g_strdup_printf (_("Merged into %s: %s moved there. Reason: %s"), into_name, moved, why);
      into_text = g_strdup_printf (_("%s merged into this customer: %s moved here. Reason: %s"), from_name, moved, why);
      ok = gest_activity_log_append (store, from_uuid, GEST_ACTIVITY_STATUS, from_text, NULL, NULL, error) > 0 &&
           gest_activity_log_append (store, into_uuid, GEST_ACTIVITY_STATUS, into_text, NULL, NULL, error) > 0;
    }
  return gest_store_end_change (store, "customers_merge", own, ok, ok ? error : NULL) && ok;
}

void
gest_customers_merge_async (GestStore           *store,
                            const char          *from_uuid,
                            const char          *into_uuid,
                            const char          *reason,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  MergeData *merge;

  g_return_if_fail (GEST_IS_STORE (store));
  g_return_if_fail (from_uuid != NULL && into_uuid != NULL);

  merge = g_new0 (MergeData, 1);
  merge->from_uuid = g_strdup (from_uuid);
  merge->into_uuid = g_strdup (into_uuid);
  merge->reason = g_strdup (reason);
  gest_store_write_async (store, merge_cb, merge, merge_data_free, cancellable, callback, user_data);
}

gboolean
gest_customers_merge_finish (GestStore     *store,
                             GAsyncResult  *result,
                             GError       **error)
{
  return gest_store_write_finish (store, result, error);
}
