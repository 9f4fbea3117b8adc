/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-service-visit-import"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "gest-activity-log.h"
#include "gest-date.h"
#include "gest-import-reader.h"
#include "gest-retention-workflow.h"
#include "gest-service-visit-private.h"

enum
{
  COL_VIN,
  COL_OPENED,
  COL_KM,
  COL_KIND,
  COL_RO,
  COL_CLOSED,
  N_COLS
};

typedef struct
{
  GestStore             *store;   /* borrowed */
  GestVisitImportReport *report;
  int                    columns[N_COLS];
  GDate                  today;
  gint64                 now;
  char                  *user;
  sqlite3_stmt          *find_vehicle;
  sqlite3_stmt          *find_ro;
  sqlite3_stmt          *insert;
  sqlite3_stmt          *update;
} Import;

void
gest_visit_import_report_free (GestVisitImportReport *report)
{
  if (report == NULL)
    return;
  g_clear_pointer (&report->problems, g_ptr_array_unref);
  g_free (report);
}

static void
problem_free (GestVisitImportProblem *problem)
{
  g_free (problem->message);
  g_free (problem);
}

static void
add_problem (Import     *import,
             guint       line,
             const char *message)
{
  GestVisitImportProblem *problem = g_new0 (GestVisitImportProblem, 1);

  problem->line = line;
  problem->message = g_strdup (message);
  g_ptr_array_add (import->report->problems, problem);
}

static char *
normalize (const char *text)
{
  g_autofree char *ascii = g_str_to_ascii (text != NULL ? text : "", "C");
  char *down = g_ascii_strdown (g_strstrip (ascii), -1);

  return down;
}

/* The column a DMS header names, -1 when none of ours. */
static int
column_of (const char *header)
{
  g_autofree char *name = normalize (header);

  if (strstr (name, "cierre") != NULL || strstr (name, "closed") != NULL ||
      strstr (name, "salida") != NULL || strstr (name, "entregado") != NULL)
    return COL_CLOSED;
  if (g_str_equal (name, "vin") || g_str_equal (name, "niv") || strstr (name, "serie") != NULL)
    return COL_VIN;
  if (strstr (name, "fecha") != NULL || strstr (name, "date") != NULL ||
      strstr (name, "apertura") != NULL || strstr (name, "opened") != NULL)
    return COL_OPENED;
  if (g_str_equal (name, "km") || strstr (name, "kilometr") != NULL ||
      strstr (name, "mileage") != NULL || strstr (name, "odometro") != NULL)
    return COL_KM;
  if (strstr (name, "tipo") != NULL || g_str_equal (name, "kind") || g_str_equal (name, "servicio"))
    return COL_KIND;
  if (g_str_equal (name, "or") || g_str_equal (name, "ro") || strstr (name, "orden") != NULL ||
      strstr (name, "repair order") != NULL || strstr (name, "ro_number") != NULL)
    return COL_RO;
  return -1;
}

static gboolean
kind_from_text (const char    *text,
                GestVisitKind *out)
{
  static const struct
  {
    const char    *word;
    GestVisitKind  kind;
  } words[] = {
    { "mantenimiento", GEST_VISIT_MAINTENANCE }, { "maintenance", GEST_VISIT_MAINTENANCE },
    { "servicio", GEST_VISIT_MAINTENANCE }, { "preventivo", GEST_VISIT_MAINTENANCE },
    { "entrega", GEST_VISIT_DELIVERY }, { "delivery", GEST_VISIT_DELIVERY },
    { "reparacion", GEST_VISIT_REPAIR }, { "repair", GEST_VISIT_REPAIR },
    { "correctivo", GEST_VISIT_REPAIR },
    { "garantia", GEST_VISIT_WARRANTY }, { "warranty", GEST_VISIT_WARRANTY },
    { "campana", GEST_VISIT_FIELD_ACTION }, { "asc", GEST_VISIT_FIELD_ACTION },
    { "field-action", GEST_VISIT_FIELD_ACTION }, { "field action", GEST_VISIT_FIELD_ACTION },
    { "recall", GEST_VISIT_FIELD_ACTION },
    { "otro", GEST_VISIT_OTHER }, { "other", GEST_VISIT_OTHER },
  };
  g_autofree char *name = normalize (text);

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (g_str_has_prefix (name, words[i].word))
      {
        *out = words[i].kind;
        return TRUE;
      }
  return FALSE;
}

/* dd/mm/yyyy or yyyy-mm-dd to yyyy-mm-dd; NULL when neither. */
static char *
day_from_text (const char *text)
{
  GDate date;

  if (text == NULL || *text == '\0')
    return NULL;
  if (gest_date_from_iso (text, &date) || gest_date_parse (text, &date, NULL))
    return gest_date_to_iso (&date);
  return NULL;
}

static const char *
cell (const char * const *cells,
      guint               n_cells,
      int                 column)
{
  if (column < 0 || (guint) column >= n_cells || cells[column] == NULL)
    return "";
  return cells[column];
}

static gboolean
step_done (Import        *import,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  return rc == SQLITE_DONE || gest_store_set_error (import->store, error);
}

/* One data row: added, updated, or a problem. FALSE only when the store fails. */
static gboolean
import_row (Import              *import,
            guint                line,
            const char * const  *cells,
            guint                n_cells,
            GError             **error)
{
  g_autofree char *vin = g_ascii_strup (g_strstrip (g_strdup (cell (cells, n_cells, import->columns[COL_VIN]))), -1);
  g_autofree char *opened = day_from_text (cell (cells, n_cells, import->columns[COL_OPENED]));
  const char *closed_text = cell (cells, n_cells, import->columns[COL_CLOSED]);
  g_autofree char *closed = day_from_text (closed_text);
  g_autofree char *ro = g_strstrip (g_strdup (cell (cells, n_cells, import->columns[COL_RO])));
  const char *km_text = cell (cells, n_cells, import->columns[COL_KM]);
  const char *kind_text = cell (cells, n_cells, import->columns[COL_KIND]);
  g_autofree char *vehicle_uuid = NULL;
  g_autofree char *existing = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *message = NULL;
  GestVisitKind kind;
  guint64 km = 0;
  int rc;

  if (*vin == '\0')
    message = g_strdup (_("The row has no VIN."));
  else if (opened == NULL)
    message = g_strdup_printf (_("“%s” is not a date: write it as dd/mm/yyyy."),
                               cell (cells, n_cells, import->columns[COL_OPENED]));
  else if (*closed_text != '\0' && closed == NULL)
    message = g_strdup_printf (_("“%s” is not a date: write it as dd/mm/yyyy."), closed_text);
  else if (*km_text != '\0' && !g_ascii_string_to_unsigned (km_text, 10, 0, G_MAXINT, &km, NULL))
    message = g_strdup_printf (_("“%s” is not a mileage: write whole kilometres, without commas."), km_text);
  else if (!kind_from_text (kind_text, &kind))
    message = g_strdup_printf (_("“%s” is not a kind of visit: write maintenance, delivery, repair, warranty, field action or other."),
                               kind_text);
  else if (!gest_service_visit_check_days (opened, closed, &import->today, &local_error))
    message = g_strdup (local_error->message);
  if (message == NULL)
    {
      sqlite3_bind_text (import->find_vehicle, 1, vin, -1, SQLITE_STATIC);
      rc = sqlite3_step (import->find_vehicle);
      if (rc == SQLITE_ROW)
        vehicle_uuid = g_strdup ((const char *) sqlite3_column_text (import->find_vehicle, 0));
      sqlite3_reset (import->find_vehicle);
      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return gest_store_set_error (import->store, error);
      if (vehicle_uuid == NULL)
        message = g_strdup_printf (_("The VIN %s is not in the database: add the vehicle first, then import the file again."), vin);
    }
  if (message != NULL)
    {
      add_problem (import, line, message);
      return TRUE;
    }
  if (*ro != '\0')
    {
      sqlite3_bind_text (import->find_ro, 1, ro, -1, SQLITE_STATIC);
      if (sqlite3_step (import->find_ro) == SQLITE_ROW)
        existing = g_strdup ((const char *) sqlite3_column_text (import->find_ro, 0));
      sqlite3_reset (import->find_ro);
    }
  if (existing != NULL)
    {
      sqlite3_bind_text (import->update, 1, existing, -1, SQLITE_STATIC);
      sqlite3_bind_text (import->update, 2, vehicle_uuid, -1, SQLITE_STATIC);
      sqlite3_bind_text (import->update, 3, opened, -1, SQLITE_STATIC);
      sqlite3_bind_text (import->update, 4, closed, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (import->update, 5, (gint64) km);
      sqlite3_bind_text (import->update, 6, gest_visit_kind_id (kind), -1, SQLITE_STATIC);
      sqlite3_bind_int64 (import->update, 7, import->now);
      if (!step_done (import, import->update, error))
        return FALSE;
      import->report->n_updated++;
      return TRUE;
    }
  {
    g_autofree char *uuid = gest_uuid_new ();

    sqlite3_bind_text (import->insert, 1, uuid, -1, SQLITE_STATIC);
    sqlite3_bind_text (import->insert, 2, vehicle_uuid, -1, SQLITE_STATIC);
    sqlite3_bind_text (import->insert, 3, ro, -1, SQLITE_STATIC);
    sqlite3_bind_text (import->insert, 4, opened, -1, SQLITE_STATIC);
    sqlite3_bind_text (import->insert, 5, closed, -1, SQLITE_STATIC);
    sqlite3_bind_int64 (import->insert, 6, (gint64) km);
    sqlite3_bind_text (import->insert, 7, gest_visit_kind_id (kind), -1, SQLITE_STATIC);
    sqlite3_bind_text (import->insert, 8, import->user, -1, SQLITE_STATIC);
    sqlite3_bind_int64 (import->insert, 9, import->now);
    if (!step_done (import, import->insert, error))
      return FALSE;
    import->report->n_added++;
  }
  return TRUE;
}

static gboolean
read_file (Import            *import,
           GestImportReader  *reader,
           GCancellable      *cancellable,
           GError           **error)
{
  const char * const *cells;
  guint n_cells;

  for (int i = 0; i < N_COLS; i++)
    import->columns[i] = -1;
  if (!gest_import_reader_next (reader, &cells, &n_cells, error))
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID, _("The file is empty: export the repair orders from the DMS again."));
      return FALSE;
    }
  for (guint i = 0; i < n_cells; i++)
    {
      int column = column_of (cells[i]);

      if (column >= 0 && import->columns[column] < 0)
        import->columns[column] = i;
    }
  if (import->columns[COL_VIN] < 0 || import->columns[COL_OPENED] < 0 || import->columns[COL_KIND] < 0)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                   _("The file needs the columns VIN, date and kind of visit in its first row: export the repair orders from the DMS with their headers."));
      return FALSE;
    }
  while (gest_import_reader_next (reader, &cells, &n_cells, error))
    {
      guint line = gest_import_reader_get_row (reader);
      const char *problem = gest_import_reader_get_problem (reader);

      import->report->n_rows++;
      if ((import->report->n_rows & 1023) == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (problem != NULL)
        add_problem (import, line, problem);
      else if (!import_row (import, line, cells, n_cells, error))
        return FALSE;
    }
  return error == NULL || *error == NULL;
}

static gboolean
prepare (Import  *import,
         GError **error)
{
  import->find_vehicle = gest_store_prepare (import->store,
                                             "SELECT uuid FROM vehicles WHERE vin = ?1 AND deleted = 0", error);
  import->find_ro = import->find_vehicle == NULL ? NULL :
    gest_store_prepare (import->store, "SELECT uuid FROM service_visits WHERE ro_number = ?1 AND deleted = 0", error);
  import->insert = import->find_ro == NULL ? NULL :
    gest_store_prepare (import->store,
                        "INSERT INTO service_visits (uuid, vehicle_uuid, ro_number, opened_on, closed_on,"
                        " km, kind, source, created_by, created_at, updated_at)"
                        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'dms', ?8, ?9, ?9)", error);
  import->update = import->insert == NULL ? NULL :
    gest_store_prepare (import->store,
                        "UPDATE service_visits SET vehicle_uuid = ?2, opened_on = ?3, closed_on = ?4,"
                        " km = ?5, kind = ?6, source = 'dms', updated_at = ?7 WHERE uuid = ?1", error);
  return import->update != NULL;
}

static void
import_clear (Import *import)
{
  g_clear_pointer (&import->find_vehicle, sqlite3_finalize);
  g_clear_pointer (&import->find_ro, sqlite3_finalize);
  g_clear_pointer (&import->insert, sqlite3_finalize);
  g_clear_pointer (&import->update, sqlite3_finalize);
  g_clear_pointer (&import->user, g_free);
}

GestVisitImportReport *
gest_service_visits_import (GestStore     *store,
                            GFile         *file,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_autoptr(GestVisitImportReport) report = g_new0 (GestVisitImportReport, 1);
  g_autoptr(GestImportReader) reader = NULL;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;
  g_autofree char *import_uuid = gest_uuid_new ();
  Import import = { 0 };
  gboolean own = FALSE;
  gboolean ok;

  g_return_val_if_fail (GEST_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  report->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) problem_free);
  path = g_file_get_path (file);
  name = g_file_get_basename (file);
  reader = gest_import_reader_open (path, error);
  if (reader == NULL)
    return NULL;
  import.store = store;
  import.report = report;
  import.now = gest_timestamp_now ();
  import.user = gest_store_get_user_name (store);
  gest_date_today (&import.today);
  if (!gest_store_begin_change (store, "gest_service_visits_import", &own, error))
    return NULL;
  ok = gest_store_check_permission (store, GEST_RETENTION_PERMISSION_VISITS, error) &&
       prepare (&import, error) &&
       read_file (&import, reader, cancellable, error);
  import_clear (&import);
  if (ok)
    {
      /* TRANSLATORS: "Imported repair orders from ordenes.csv: 120 added, 3 updated, 2 refused." */
      text = g_strdup_printf (_("Imported repair orders from %s: %u added, %u updated, %u refused."),
                              name, report->n_added, report->n_updated, report->problems->len);
      ok = gest_activity_log_append (store, import_uuid, GEST_ACTIVITY_NOTE, text, NULL, NULL, error) >= 0;
    }
  if (!gest_store_end_change (store, "gest_service_visits_import", own, ok, error))
    return NULL;
  return g_steal_pointer (&report);
}
