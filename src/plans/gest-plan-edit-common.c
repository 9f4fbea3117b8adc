/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-plan-edit"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-date.h"
#include "gest-error.h"
#include "gest-plan-edit-common.h"

gint64
gest_plan_edit_now (gint64 version)
{
  return MAX (gest_timestamp_now (), version + 1);
}

gboolean
gest_plan_edit_step (GestStore    *store,
                     sqlite3_stmt *stmt,
                     GError      **error)
{
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return gest_store_set_error (store, error);
  return TRUE;
}

gboolean
gest_plan_edit_step_update (GestStore    *store,
                            sqlite3_stmt *stmt,
                            GError      **error)
{
  if (!gest_plan_edit_step (store, stmt, error))
    return FALSE;
  if (sqlite3_changes (gest_store_get_db (store)) != 1)
    {
      g_set_error_literal (error, GEST_ERROR, GEST_ERROR_CONFLICT,
                           _("The record changed while this change was being saved (another window or the sync changed it meanwhile). Look at it again and retry."));
      return FALSE;
    }
  return TRUE;
}

char *
gest_plan_edit_column_text (sqlite3_stmt *stmt,
                            int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return g_strdup (text != NULL ? text : "");
}

gboolean
gest_plan_edit_changed (const char *a,
                        const char *b)
{
  return g_strcmp0 (a != NULL ? a : "", b != NULL ? b : "") != 0;
}
