/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-templates"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-activity-log.h"
#include "gest-error.h"
#include "gest-permissions.h"
#include "gest-templates.h"

typedef struct
{
  GestTemplateRecord record;
  char              *uuid;   /* out */
} SaveData;

static char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  const unsigned char *text = sqlite3_column_text (stmt, column);

  return g_strdup (text != NULL ? (const char *) text : "");
}

static GestTemplateRecord *
record_from_row (sqlite3_stmt *stmt)
{
  GestTemplateRecord *record = g_new0 (GestTemplateRecord, 1);

  record->uuid = column_text (stmt, 0);
  record->kind = column_text (stmt, 1);
  record->name = column_text (stmt, 2);
  record->subject = column_text (stmt, 3);
  record->body = column_text (stmt, 4);
  record->updated_at = sqlite3_column_int64 (stmt, 5);
  return record;
}

static gboolean
step_done (GestStore     *store,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  if (sqlite3_step (stmt) == SQLITE_DONE)
    return TRUE;
  g_set_error (error, GEST_ERROR, GEST_ERROR_STORE, "%s", sqlite3_errmsg (gest_store_get_db (store)));
  return FALSE;
}

/* What must hold before @record is written, on what is stored now. */
static gboolean
check_record (GestStore                 *store,
              const GestTemplateRecord  *record,
              const GestTemplateKind   **out_kind,
              GError                   **error)
{
  const GestTemplateKind *kind = gest_template_kind_find (record->kind);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = g_strstrip (g_strdup (record->name != NULL ? record->name : ""));

  if (kind == NULL)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                   _("There is no kind of template called “%s”; choose the template from its module’s "
                     "preferences."), record->kind != NULL ? record->kind : "");
      return FALSE;
    }
  *out_kind = kind;
  if (!gest_store_check_permission (store, kind->permission, error))
    return FALSE;
  if (name[0] == '\0')
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                   _("The template has no name: give it one, so it can be chosen from a list."));
      return FALSE;
    }
  if (record->body == NULL || record->body[0] == '\0')
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                   _("The template has no text: write its body."));
      return FALSE;
    }
  if (!gest_template_check (record->subject != NULL ? record->subject : "", kind, &local_error))
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID, _("In the subject: %s"), local_error->message);
      return FALSE;
    }
  return gest_template_check (record->body, kind, error);
}

void
gest_template_record_free (GestTemplateRecord *record)
{
  if (record == NULL)
    return;
  g_free (record->uuid);
  g_free (record->kind);
  g_free (record->name);
  g_free (record->subject);
  g_free (record->body);
  g_free (record);
}

GPtrArray *
gest_templates_list (GestStore   *store,
                     const char  *kind,
                     GError     **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) gest_template_record_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (kind != NULL, NULL);

  stmt = gest_store_prepare_cached (store,
                                    "SELECT uuid, kind, name, subject, body, updated_at FROM templates "
                                    "WHERE kind = ?1 AND deleted = 0 ORDER BY name, uuid", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (records, record_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_STORE, "%s", sqlite3_errmsg (gest_store_get_db (store)));
      return NULL;
    }
  return g_steal_pointer (&records);
}

GestTemplateRecord *
gest_templates_get (GestStore   *store,
                    const char  *uuid,
                    GError     **error)
{
  GestTemplateRecord *record = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (uuid != NULL, NULL);

  stmt = gest_store_prepare_cached (store,
                                    "SELECT uuid, kind, name, subject, body, updated_at FROM templates "
                                    "WHERE uuid = ?1 AND deleted = 0", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    record = record_from_row (stmt);
  sqlite3_reset (stmt);
  if (record == NULL)
    g_set_error (error, GEST_ERROR, GEST_ERROR_NOT_FOUND,
                 _("The template was deleted meanwhile; choose another one."));
  return record;
}

gboolean
gest_templates_save (GestStore                 *store,
                     const GestTemplateRecord  *record,
                     char                     **out_uuid,
                     GError                   **error)
{
  const GestTemplateKind *kind = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;
  sqlite3_stmt *stmt;
  gboolean own = FALSE;
  gboolean ok;

  g_return_val_if_fail (record != NULL, FALSE);

  if (!gest_store_begin_change (store, "template_save", &own, error))
    return FALSE;
  ok = check_record (store, record, &kind, error);
  if (ok && record->uuid != NULL)
    {
      g_autoptr(GestTemplateRecord) stored = gest_templates_get (store, record->uuid, error);

      ok = stored != NULL;
      if (ok && !g_str_equal (stored->kind, record->kind))
        {
          g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                       _("A template keeps its kind; make a new template of the other kind instead."));
          ok = FALSE;
        }
    }
  if (ok)
    {
      uuid = record->uuid != NULL ? g_strdup (record->uuid) : g_uuid_string_random ();
      name = g_strstrip (g_strdup (record->name));
      stmt = gest_store_prepare_cached (store,
                                        "INSERT INTO templates (uuid, kind, name, subject, body, updated_at) "
                                        "VALUES (?1, ?2, ?3, ?4, ?5, ?6) "
                                        "ON CONFLICT (uuid) DO UPDATE SET name = excluded.name, "
                                        "subject = excluded.subject, body = excluded.body, "
                                        "updated_at = excluded.updated_at",
                                        error);
      ok = stmt != NULL;
    }
  if (ok)
    {
      sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, record->kind, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, record->subject != NULL ? record->subject : "", -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 5, record->body, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 6, g_get_real_time ());
      ok = step_done (store, stmt, error);
      sqlite3_reset (stmt);
    }
  if (ok)
    {
      text = g_strdup_printf (record->uuid == NULL ? _("Template “%s” (%s) created.")
                                                   : _("Template “%s” (%s) changed."),
                              name, _(kind->label));
      ok = gest_activity_log_append (store, uuid, GEST_ACTIVITY_NOTE, text, NULL, NULL, error) >= 0;
    }
  if (!gest_store_end_change (store, "template_save", own, ok, ok ? error : NULL))
    return FALSE;
  if (out_uuid != NULL)
    *out_uuid = g_steal_pointer (&uuid);
  return TRUE;
}

gboolean
gest_templates_delete (GestStore   *store,
                       const char  *uuid,
                       GError     **error)
{
  g_autoptr(GestTemplateRecord) stored = NULL;
  const GestTemplateKind *kind = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean own = FALSE;
  gboolean ok;

  g_return_val_if_fail (uuid != NULL, FALSE);

  if (!gest_store_begin_change (store, "template_delete", &own, error))
    return FALSE;
  stored = gest_templates_get (store, uuid, error);
  ok = stored != NULL;
  if (ok)
    {
      kind = gest_template_kind_find (stored->kind);
      ok = gest_store_check_permission (store, kind != NULL ? kind->permission : GEST_PERMISSION_DEALER_SETTINGS,
                                        error);
    }
  if (ok)
    {
      stmt = gest_store_prepare_cached (store,
                                        "UPDATE templates SET deleted = 1, updated_at = ?2 WHERE uuid = ?1",
                                        error);
      ok = stmt != NULL;
    }
  if (ok)
    {
      g_autofree char *text = g_strdup_printf (_("Template “%s” deleted."), stored->name);

      sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, g_get_real_time ());
      ok = step_done (store, stmt, error);
      sqlite3_reset (stmt);
      ok = ok && gest_activity_log_append (store, uuid, GEST_ACTIVITY_NOTE, text, NULL, NULL, error) >= 0;
    }
  return gest_store_end_change (store, "template_delete", own, ok, ok ? error : NULL) && ok;
}

static gboolean
save_write (GestStore  *store,
            gpointer    data,
            GError    **error)
{
  SaveData *save = data;

  return gest_templates_save (store, &save->record, &save->uuid, error);
}

static void
save_data_free (SaveData *save)
{
  g_free (save->record.uuid);
  g_free (save->record.kind);
  g_free (save->record.name);
  g_free (save->record.subject);
  g_free (save->record.body);
  g_free (save->uuid);
  g_free (save);
}

void
gest_templates_save_async (GestStore                *store,
                           const GestTemplateRecord *record,
                           GCancellable             *cancellable,
                           GAsyncReadyCallback       callback,
                           gpointer                  user_data)
{
  SaveData *save = g_new0 (SaveData, 1);

  save->record.uuid = g_strdup (record->uuid);
  save->record.kind = g_strdup (record->kind);
  save->record.name = g_strdup (record->name);
  save->record.subject = g_strdup (record->subject);
  save->record.body = g_strdup (record->body);
  gest_store_write_async (store, save_write, save, (GDestroyNotify) save_data_free,
                          cancellable, callback, user_data);
}

char *
gest_templates_save_finish (GestStore     *store,
                            GAsyncResult  *result,
                            GError       **error)
{
  SaveData *save;

  if (!gest_store_write_finish (store, result, error))
    return NULL;
  save = gest_store_write_get_data (result);
  return g_strdup (save->uuid);
}
