/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-complaint-catalog"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-activity-log.h"
#include "gest-complaint-private.h"
#include "gest-date.h"
#include "gest-error.h"

/* Q10: the catalogs of causes, errors and responsible areas the head maintains. */

static const char *
kind_noun (const char *kind)
{
  if (g_strcmp0 (kind, "cause") == 0)
    return _("cause");
  if (g_strcmp0 (kind, "error") == 0)
    return _("error");
  return _("responsible area");
}

static gboolean
check_kind (const char  *kind,
            GError     **error)
{
  if (g_strcmp0 (kind, "cause") == 0 || g_strcmp0 (kind, "error") == 0 || g_strcmp0 (kind, "area") == 0)
    return TRUE;
  g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
               _("“%s” is no catalog of complaints: the catalogs are cause, error and area."),
               kind != NULL ? kind : "");
  return FALSE;
}

void
gest_complaint_catalog_entry_free (GestComplaintCatalogEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->uuid);
  g_free (entry->kind);
  g_free (entry->label);
  g_free (entry);
}

GPtrArray *
gest_complaint_catalog_list (GestStore   *store,
                             const char  *kind,
                             gboolean     with_inactive,
                             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  int rc;

  g_return_val_if_fail (GEST_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_kind (kind, error))
    return NULL;
  stmt = gest_store_prepare (store,
                             "SELECT uuid, kind, label, active FROM complaint_catalog"
                             " WHERE kind = ?1 AND deleted = 0 AND (active OR ?2)"
                             " ORDER BY position, label COLLATE NOCASE",
                             error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, with_inactive);
  entries = g_ptr_array_new_with_free_func ((GDestroyNotify) gest_complaint_catalog_entry_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GestComplaintCatalogEntry *entry = g_new0 (GestComplaintCatalogEntry, 1);

      entry->uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      entry->kind = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      entry->label = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      entry->active = sqlite3_column_int (stmt, 3) != 0;
      g_ptr_array_add (entries, entry);
    }
  if (rc != SQLITE_DONE)
    {
      gest_store_set_error (store, error);
      return NULL;
    }
  return g_steal_pointer (&entries);
}

/* The same label twice in a catalog is refused with the catalog's word. */
static gboolean
check_label (GestStore   *store,
             const char  *kind,
             const char  *label,
             const char  *except_uuid,
             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (*label == '\0')
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                   _("Write the name of the %s."), kind_noun (kind));
      return FALSE;
    }
  stmt = gest_store_prepare (store,
                             "SELECT 1 FROM complaint_catalog WHERE kind = ?1 AND label = ?2"
                             " AND deleted = 0 AND uuid IS NOT ?3",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, label, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, except_uuid, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  if (rc != SQLITE_ROW)
    return gest_store_set_error (store, error);
  g_set_error (error, GEST_ERROR, GEST_ERROR_REFUSED,
               _("There is already a %s “%s” in the catalog. Use that one, or choose another name."),
               kind_noun (kind), label);
  return FALSE;
}

gboolean
gest_complaint_catalog_add (GestStore   *store,
                            const char  *kind,
                            const char  *label,
                            char       **out_uuid,
                            GError     **error)
{
  g_autofree char *clean = gest_complaint_strip (label);
  g_autofree char *uuid = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean own;
  gboolean ok = FALSE;

  g_return_val_if_fail (GEST_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_kind (kind, error) ||
      !gest_store_begin_change (store, "gest_complaint_catalog", &own, error))
    return FALSE;
  if (!gest_store_check_permission (store, GEST_COMPLAINT_PERMISSION_CATALOGS, error) ||
      !check_label (store, kind, clean, NULL, error))
    goto out;
  stmt = gest_store_prepare (store,
                             "INSERT INTO complaint_catalog (uuid, kind, label, active, position, updated_at)"
                             " VALUES (?1, ?2, ?3, 1, (SELECT coalesce (max (position), 0) + 1"
                             "  FROM complaint_catalog WHERE kind = ?2), ?4)",
                             error);
  if (stmt == NULL)
    goto out;
  uuid = gest_uuid_new ();
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, clean, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, gest_timestamp_now ());
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      gest_store_set_error (store, error);
      goto out;
    }
  ok = TRUE;

out:
  if (!gest_store_end_change (store, "gest_complaint_catalog", own, ok, ok ? error : NULL))
    return FALSE;
  if (out_uuid != NULL)
    *out_uuid = g_steal_pointer (&uuid);
  return TRUE;
}

gboolean
gest_complaint_catalog_set (GestStore   *store,
                            const char  *uuid,
                            const char  *label,
                            gboolean     active,
                            GError     **error)
{
  g_autofree char *clean = gest_complaint_strip (label);
  g_autofree char *kind = NULL;
  g_autoptr(sqlite3_stmt) find = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean own;
  gboolean ok = FALSE;
  int rc;

  g_return_val_if_fail (GEST_IS_STORE (store), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!gest_store_begin_change (store, "gest_complaint_catalog", &own, error))
    return FALSE;
  if (!gest_store_check_permission (store, GEST_COMPLAINT_PERMISSION_CATALOGS, error))
    goto out;
  find = gest_store_prepare (store, "SELECT kind FROM complaint_catalog WHERE uuid = ?1 AND deleted = 0", error);
  if (find == NULL)
    goto out;
  sqlite3_bind_text (find, 1, uuid, -1, SQLITE_STATIC);
  rc = sqlite3_step (find);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error (error, GEST_ERROR, GEST_ERROR_NOT_FOUND,
                     _("That catalog entry no longer exists. Close the catalog and open it again."));
      else
        gest_store_set_error (store, error);
      goto out;
    }
  kind = g_strdup ((const char *) sqlite3_column_text (find, 0));
  if (!check_label (store, kind, clean, uuid, error))
    goto out;
  stmt = gest_store_prepare (store,
                             "UPDATE complaint_catalog SET label = ?2, active = ?3, updated_at = ?4"
                             " WHERE uuid = ?1",
                             error);
  if (stmt == NULL)
    goto out;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, clean, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, active ? 1 : 0);
  sqlite3_bind_int64 (stmt, 4, gest_timestamp_now ());
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      gest_store_set_error (store, error);
      goto out;
    }
  ok = TRUE;

out:
  if (!gest_store_end_change (store, "gest_complaint_catalog", own, ok, ok ? error : NULL))
    return FALSE;
  return TRUE;
}

gboolean
gest_complaint_catalog_check_active (GestStore   *store,
                                     const char  *kind,
                                     const char  *uuid,
                                     char       **out_label,
                                     GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (uuid == NULL)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                   _("Choose the %s from the catalog."), kind_noun (kind));
      return FALSE;
    }
  stmt = gest_store_prepare (store,
                             "SELECT label, active AND NOT deleted, kind = ?2 FROM complaint_catalog WHERE uuid = ?1",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, kind, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return gest_store_set_error (store, error);
  if (rc == SQLITE_DONE || sqlite3_column_int (stmt, 2) == 0)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_REFUSED,
                   _("The %s chosen is not in the catalog of the %s. Choose one from the list."),
                   kind_noun (kind), kind_noun (kind));
      return FALSE;
    }
  if (sqlite3_column_int (stmt, 1) == 0)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_REFUSED,
                   _("The %s “%s” is no longer active in the catalog. Choose an active one."),
                   kind_noun (kind), (const char *) sqlite3_column_text (stmt, 0));
      return FALSE;
    }
  *out_label = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  return TRUE;
}
