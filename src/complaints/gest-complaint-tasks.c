/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-complaint-tasks"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-activity-log.h"
#include "gest-complaint-private.h"
#include "gest-complaint-sla.h"
#include "gest-date.h"
#include "gest-error.h"

/* Q6: the people responsible for actions, as tasks with a due day, each visible to its
 * assignee (the "Mis tareas" list reads them across cases). */

void
gest_complaint_task_free (GestComplaintTask *task)
{
  if (task == NULL)
    return;
  g_free (task->uuid);
  g_free (task->complaint_uuid);
  g_free (task->complaint_folio);
  g_free (task->assignee_uuid);
  g_free (task->assignee_name);
  g_free (task->description);
  g_free (task->done_by_name);
  g_free (task);
}

gboolean
gest_complaint_add_task (GestStore    *store,
                         const char   *complaint_uuid,
                         const char   *assignee_uuid,
                         const char   *description,
                         const GDate  *due,
                         char        **out_uuid,
                         GError      **error)
{
  g_autoptr(GestComplaint) complaint = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *clean = gest_complaint_strip (description);
  g_autofree char *assignee = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *due_iso = NULL;
  g_autofree char *due_shown = NULL;
  g_autofree char *text = NULL;
  g_autofree char *user = NULL;
  gint64 now = gest_timestamp_now ();
  GDate today;
  gboolean own;
  gboolean ok = FALSE;

  g_return_val_if_fail (GEST_IS_STORE (store), FALSE);
  g_return_val_if_fail (complaint_uuid != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!gest_store_begin_change (store, "gest_complaint_task", &own, error))
    return FALSE;
  complaint = gest_complaint_load (store, complaint_uuid, error);
  if (complaint == NULL ||
      !gest_store_check_permission (store, GEST_COMPLAINT_PERMISSION_TASKS, error))
    goto out;
  if (complaint->stage == GEST_COMPLAINT_CLOSED)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_REFUSED,
                   _("Case %s is closed: reopen it with a reason to work on it again."), complaint->folio);
      goto out;
    }
  if (*clean == '\0')
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                   _("Write what the person has to do."));
      goto out;
    }
  gest_date_today (&today);
  if (due == NULL || !g_date_valid (due))
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                   _("Choose the day the task is due (dd/mm/yyyy)."));
      goto out;
    }
  if (g_date_compare (due, &today) < 0)
    {
      g_autofree char *today_s = gest_date_format (&today);

      due_shown = gest_date_format (due);
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                   _("The task cannot be due on %s, a day already past: choose today (%s) or later."),
                   due_shown, today_s);
      goto out;
    }
  if (!gest_complaint_check_active_user (store, assignee_uuid, _("person responsible for the task"),
                                         &assignee, error))
    goto out;

  uuid = gest_uuid_new ();
  due_iso = gest_date_to_iso (due);
  user = gest_store_get_user_name (store);
  stmt = gest_store_prepare (store,
                             "INSERT INTO complaint_tasks (uuid, complaint_uuid, assignee_uuid, description,"
                             " due_day, created_by, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
                             error);
  if (stmt == NULL)
    goto out;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, complaint->uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, assignee_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, clean, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, due_iso, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, user, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 7, now);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      gest_store_set_error (store, error);
      goto out;
    }
  g_free (due_shown);
  due_shown = gest_date_format (due);
  text = g_strdup_printf (_("Task for %s, due %s: %s"), assignee, due_shown, clean);
  ok = gest_activity_log_append (store, complaint->uuid, GEST_ACTIVITY_NOTE, text, NULL, NULL, error) > 0 &&
       gest_complaint_sla_update (store, complaint->uuid, now, error);

out:
  if (!gest_store_end_change (store, "gest_complaint_task", own, ok, ok ? error : NULL))
    return FALSE;
  if (out_uuid != NULL)
    *out_uuid = g_steal_pointer (&uuid);
  return TRUE;
}

#define SELECT_TASK \
  "SELECT t.uuid, t.complaint_uuid, q.folio, t.assignee_uuid, u.name, t.description, t.due_day," \
  " t.done_at, coalesce (d.name, t.done_by)" \
  " FROM complaint_tasks t JOIN complaints q ON q.uuid = t.complaint_uuid" \
  " LEFT JOIN users u ON u.uuid = t.assignee_uuid LEFT JOIN users d ON d.uuid = t.done_by" \
  " WHERE t.deleted = 0 AND q.deleted = 0 "

static char *
dup_text (sqlite3_stmt *stmt,
          int           column)
{
  const unsigned char *text = sqlite3_column_text (stmt, column);

  return text != NULL ? g_strdup ((const char *) text) : NULL;
}

GPtrArray *
gest_complaint_list_tasks (GestStore   *store,
                           const char  *complaint_uuid,
                           const char  *assignee_uuid,
                           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) tasks = NULL;
  int rc;

  g_return_val_if_fail (GEST_IS_STORE (store), NULL);
  g_return_val_if_fail (complaint_uuid != NULL || assignee_uuid != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (complaint_uuid != NULL)
    stmt = gest_store_prepare (store,
                               SELECT_TASK "AND (q.uuid = ?1 OR q.folio = upper (?1))"
                               " AND (?2 IS NULL OR t.assignee_uuid = ?2)"
                               " ORDER BY t.done_at IS NOT NULL, t.due_day, t.created_at",
                               error);
  else
    stmt = gest_store_prepare (store,
                               SELECT_TASK "AND t.assignee_uuid = ?2 AND t.done_at IS NULL"
                               " ORDER BY t.due_day, q.folio",
                               error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, complaint_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, assignee_uuid, -1, SQLITE_STATIC);
  tasks = g_ptr_array_new_with_free_func ((GDestroyNotify) gest_complaint_task_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GestComplaintTask *task = g_new0 (GestComplaintTask, 1);
      const char *due = (const char *) sqlite3_column_text (stmt, 6);

      task->uuid = dup_text (stmt, 0);
      task->complaint_uuid = dup_text (stmt, 1);
      task->complaint_folio = dup_text (stmt, 2);
      task->assignee_uuid = dup_text (stmt, 3);
      task->assignee_name = dup_text (stmt, 4);
      task->description = dup_text (stmt, 5);
      g_date_clear (&task->due, 1);
      if (due == NULL || !gest_date_from_iso (due, &task->due))
        g_date_clear (&task->due, 1);
      task->done_at = sqlite3_column_int64 (stmt, 7);
      task->done_by_name = dup_text (stmt, 8);
      g_ptr_array_add (tasks, task);
    }
  if (rc != SQLITE_DONE)
    {
      gest_store_set_error (store, error);
      return NULL;
    }
  return g_steal_pointer (&tasks);
}

gboolean
gest_complaint_task_done (GestStore   *store,
                          const char  *task_uuid,
                          GError     **error)
{
  g_autoptr(sqlite3_stmt) find = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *complaint_uuid = NULL;
  g_autofree char *description = NULL;
  g_autofree char *text = NULL;
  g_autofree char *done_by = NULL;
  GestUser *user;
  gint64 now = gest_timestamp_now ();
  gboolean own;
  gboolean ok = FALSE;
  int rc;

  g_return_val_if_fail (GEST_IS_STORE (store), FALSE);
  g_return_val_if_fail (task_uuid != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!gest_store_begin_change (store, "gest_complaint_task", &own, error))
    return FALSE;
  if (!gest_store_check_permission (store, GEST_COMPLAINT_PERMISSION_TASKS, error))
    goto out;
  find = gest_store_prepare (store,
                             "SELECT complaint_uuid, description, done_at IS NOT NULL FROM complaint_tasks"
                             " WHERE uuid = ?1 AND deleted = 0",
                             error);
  if (find == NULL)
    goto out;
  sqlite3_bind_text (find, 1, task_uuid, -1, SQLITE_STATIC);
  rc = sqlite3_step (find);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error (error, GEST_ERROR, GEST_ERROR_NOT_FOUND,
                     _("That task no longer exists. Open the case again."));
      else
        gest_store_set_error (store, error);
      goto out;
    }
  complaint_uuid = dup_text (find, 0);
  description = dup_text (find, 1);
  if (sqlite3_column_int (find, 2) != 0)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_REFUSED, _("The task “%s” is already done."), description);
      goto out;
    }
  user = gest_store_get_user (store);
  done_by = user != NULL ? g_strdup (user->uuid) : gest_store_get_user_name (store);
  stmt = gest_store_prepare (store,
                             "UPDATE complaint_tasks SET done_at = ?2, done_by = ?3, updated_at = ?2 WHERE uuid = ?1",
                             error);
  if (stmt == NULL)
    goto out;
  sqlite3_bind_text (stmt, 1, task_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, now);
  sqlite3_bind_text (stmt, 3, done_by, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      gest_store_set_error (store, error);
      goto out;
    }
  text = g_strdup_printf (_("Task done: %s"), description);
  ok = gest_activity_log_append (store, complaint_uuid, GEST_ACTIVITY_NOTE, text, NULL, NULL, error) > 0 &&
       gest_complaint_sla_update (store, complaint_uuid, now, error);

out:
  if (!gest_store_end_change (store, "gest_complaint_task", own, ok, ok ? error : NULL))
    return FALSE;
  return TRUE;
}
