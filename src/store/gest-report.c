/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-report"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-date.h"
#include "gest-error.h"
#include "gest-money.h"
#include "gest-report.h"

typedef struct
{
  int     type;    /* SQLITE_INTEGER, SQLITE_FLOAT, SQLITE_TEXT or SQLITE_NULL */
  gint64  i;
  double  d;
  char   *text;    /* owned; for LABEL columns the translation (static) is looked up on read */
} Cell;

struct _GestReportTable
{
  gatomicrefcount        ref_count;
  const GestReportInfo  *info;      /* static: a module's table */
  GestReportPeriod       period;
  gboolean               has_period;
  guint                  n_columns;
  char                 **titles;    /* translated */
  GestReportColumnKind  *kinds;
  GArray                *cells;     /* Cell, row after row */
};

G_DEFINE_BOXED_TYPE (GestReportTable, gest_report_table, gest_report_table_ref, gest_report_table_unref)

static void
cell_clear (gpointer data)
{
  Cell *cell = data;

  g_free (cell->text);
}

static gint64
midnight_usec (const GDate *day)
{
  g_autoptr(GDateTime) dt = g_date_time_new (gest_dealer_timezone (),
                                             g_date_get_year (day), g_date_get_month (day),
                                             g_date_get_day (day), 0, 0, 0);

  return g_date_time_to_unix (dt) * G_USEC_PER_SEC;
}

static void
day_of_usec (gint64  usec,
             GDate  *out)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, gest_dealer_timezone ());

  g_date_clear (out, 1);
  g_date_set_dmy (out, g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                  g_date_time_get_year (local));
}

/* "1234567" → "1,234,567" (the hub's counts, as money is written). */
static char *
group_digits (gint64 value)
{
  g_autofree char *digits = g_strdup_printf ("%" G_GUINT64_FORMAT,
                                             value < 0 ? (guint64) -value : (guint64) value);
  GString *out = g_string_new (value < 0 ? "-" : "");
  gsize len = strlen (digits);

  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, digits[i]);
    }
  return g_string_free (out, FALSE);
}

static int
progress_cb (void *data)
{
  return g_cancellable_is_cancelled (G_CANCELLABLE (data)) ? 1 : 0;
}

static void
bind_named_int64 (sqlite3_stmt *stmt,
                  const char   *name,
                  gint64        value)
{
  int index = sqlite3_bind_parameter_index (stmt, name);

  if (index > 0)
    sqlite3_bind_int64 (stmt, index, value);
}

static GestReportColumnKind
guess_kind (int type)
{
  switch (type)
    {
    case SQLITE_INTEGER:
      return GEST_REPORT_COLUMN_COUNT;
    case SQLITE_FLOAT:
      return GEST_REPORT_COLUMN_DAYS;
    default:
      return GEST_REPORT_COLUMN_TEXT;
    }
}

static Cell *
get_cell (GestReportTable *self,
          guint            row,
          guint            column)
{
  g_return_val_if_fail (column < self->n_columns, NULL);
  g_return_val_if_fail (row < gest_report_table_get_n_rows (self), NULL);
  return &g_array_index (self->cells, Cell, row * self->n_columns + column);
}

static void
run_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  const char *db_path = g_object_get_data (G_OBJECT (task), "db-path");
  const GestReportInfo *info = g_object_get_data (G_OBJECT (task), "info");
  GestReportPeriod *period = task_data;
  GError *error = NULL;
  GestReportTable *table = gest_report_run (db_path, info, period, cancellable, &error);

  if (table == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, table, (GDestroyNotify) gest_report_table_unref);
}

void
gest_report_period_from_days (GestReportPeriod *out,
                              const GDate      *first,
                              const GDate      *last,
                              gint64            now)
{
  GDate after = *last;

  g_return_if_fail (out != NULL && g_date_valid (first) && g_date_valid (last));
  g_date_add_days (&after, 1);
  out->from = midnight_usec (first);
  out->to = midnight_usec (&after);
  out->now = now;
}

void
gest_report_period_preset (GestReportPeriod     *out,
                           GestReportPeriodKind  kind,
                           gint64                now)
{
  GDate today, first, last;

  g_return_if_fail (kind != GEST_REPORT_PERIOD_CUSTOM);
  day_of_usec (now, &today);
  g_date_clear (&first, 1);
  switch (kind)
    {
    case GEST_REPORT_PERIOD_LAST_MONTH:
      g_date_set_dmy (&first, 1, g_date_get_month (&today), g_date_get_year (&today));
      g_date_subtract_months (&first, 1);
      break;
    case GEST_REPORT_PERIOD_THIS_YEAR:
      g_date_set_dmy (&first, 1, G_DATE_JANUARY, g_date_get_year (&today));
      break;
    case GEST_REPORT_PERIOD_THIS_MONTH:
    case GEST_REPORT_PERIOD_CUSTOM:
    default:
      g_date_set_dmy (&first, 1, g_date_get_month (&today), g_date_get_year (&today));
      break;
    }
  last = first;
  if (kind == GEST_REPORT_PERIOD_THIS_YEAR)
    g_date_add_years (&last, 1);
  else
    g_date_add_months (&last, 1);
  g_date_subtract_days (&last, 1);
  gest_report_period_from_days (out, &first, &last, now);
}

void
gest_report_period_get_days (const GestReportPeriod *period,
                             GDate                  *out_first,
                             GDate                  *out_last)
{
  day_of_usec (period->from, out_first);
  /* The day of the last microsecond of the period. */
  day_of_usec (period->to - 1, out_last);
}

char *
gest_report_period_format (const GestReportPeriod *period)
{
  GDate first, last;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  gest_report_period_get_days (period, &first, &last);
  a = gest_date_format (&first);
  b = gest_date_format (&last);
  return g_strdup_printf ("%s – %s", a, b);
}

gboolean
gest_report_info_uses_period (const GestReportInfo *info)
{
  g_return_val_if_fail (info != NULL && info->sql != NULL, FALSE);
  return strstr (info->sql, ":from") != NULL || strstr (info->sql, ":to") != NULL;
}

GestReportTable *
gest_report_run_on (sqlite3                *db,
                    const GestReportInfo   *info,
                    const GestReportPeriod *period,
                    GCancellable           *cancellable,
                    GError                **error)
{
  g_autoptr(GestReportTable) table = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (db != NULL && info != NULL && info->sql != NULL && period != NULL, NULL);

  if (sqlite3_prepare_v2 (db, info->sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_STORE, _("The report “%s” could not run: %s"),
                   _(info->title), sqlite3_errmsg (db));
      return NULL;
    }

  table = g_new0 (GestReportTable, 1);
  g_atomic_ref_count_init (&table->ref_count);
  table->info = info;
  table->period = *period;
  table->has_period = gest_report_info_uses_period (info);
  table->n_columns = sqlite3_column_count (stmt);
  table->titles = g_new0 (char *, table->n_columns + 1);
  table->kinds = g_new0 (GestReportColumnKind, table->n_columns);
  table->cells = g_array_new (FALSE, TRUE, sizeof (Cell));
  g_array_set_clear_func (table->cells, cell_clear);
  for (guint c = 0; c < table->n_columns; c++)
    {
      table->titles[c] = g_strdup (_(sqlite3_column_name (stmt, c)));
      if (info->kinds != NULL)
        {
          /* A kinds array shorter than the query is a programming error of the module. */
          for (guint k = 0; k <= c; k++)
            g_return_val_if_fail (info->kinds[k] != GEST_REPORT_COLUMN_END, NULL);
          table->kinds[c] = info->kinds[c];
        }
    }

  bind_named_int64 (stmt, ":from", period->from);
  bind_named_int64 (stmt, ":to", period->to);
  bind_named_int64 (stmt, ":now", period->now);
  bind_named_int64 (stmt, ":utc_offset",
                    g_time_zone_get_offset (gest_dealer_timezone (),
                                            g_time_zone_find_interval (gest_dealer_timezone (),
                                                                       G_TIME_TYPE_UNIVERSAL,
                                                                       period->from / G_USEC_PER_SEC)));

  if (cancellable != NULL)
    sqlite3_progress_handler (db, 10000, progress_cb, cancellable);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      for (guint c = 0; c < table->n_columns; c++)
        {
          Cell cell = { sqlite3_column_type (stmt, c), 0, 0, NULL };

          if (info->kinds == NULL && table->kinds[c] == GEST_REPORT_COLUMN_END
              && cell.type != SQLITE_NULL)
            table->kinds[c] = guess_kind (cell.type);
          switch (cell.type)
            {
            case SQLITE_INTEGER:
              cell.i = sqlite3_column_int64 (stmt, c);
              cell.d = (double) cell.i;
              break;
            case SQLITE_FLOAT:
              cell.d = sqlite3_column_double (stmt, c);
              cell.i = (gint64) cell.d;
              break;
            case SQLITE_NULL:
              break;
            default:
              cell.type = SQLITE_TEXT;
              cell.text = g_strdup ((const char *) sqlite3_column_text (stmt, c));
              break;
            }
          g_array_append_val (table->cells, cell);
        }
    }
  if (cancellable != NULL)
    sqlite3_progress_handler (db, 0, NULL, NULL);

  if (rc != SQLITE_DONE)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      g_set_error (error, GEST_ERROR, GEST_ERROR_STORE, _("The report “%s” could not run: %s"),
                   _(info->title), sqlite3_errmsg (db));
      return NULL;
    }
  for (guint c = 0; c < table->n_columns; c++)
    if (table->kinds[c] == GEST_REPORT_COLUMN_END)
      table->kinds[c] = GEST_REPORT_COLUMN_TEXT;
  return g_steal_pointer (&table);
}

GestReportTable *
gest_report_run (const char             *db_path,
                 const GestReportInfo   *info,
                 const GestReportPeriod *period,
                 GCancellable           *cancellable,
                 GError                **error)
{
  sqlite3 *db = NULL;
  GestReportTable *table;

  g_return_val_if_fail (db_path != NULL, NULL);

  /* Its own connection, read-only (query_only): a report never writes and never waits for
   * the window's connection. Not SQLITE_OPEN_READONLY: a WAL database without its -shm file
   * (no other connection open) could not be read then. */
  if (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK
      || sqlite3_exec (db, "PRAGMA query_only = ON", NULL, NULL, NULL) != SQLITE_OK)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_STORE, _("The database “%s” could not be opened: %s"),
                   db_path, db != NULL ? sqlite3_errmsg (db) : "out of memory");
      sqlite3_close (db);
      return NULL;
    }
  sqlite3_busy_timeout (db, 5000);
  table = gest_report_run_on (db, info, period, cancellable, error);
  sqlite3_close (db);
  return table;
}

void
gest_report_run_async (const char             *db_path,
                       const GestReportInfo   *info,
                       const GestReportPeriod *period,
                       GCancellable           *cancellable,
                       GAsyncReadyCallback     callback,
                       gpointer                user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, gest_report_run_async);
  g_object_set_data_full (G_OBJECT (task), "db-path", g_strdup (db_path), g_free);
  g_object_set_data (G_OBJECT (task), "info", (gpointer) info);
  g_task_set_task_data (task, g_memdup2 (period, sizeof *period), g_free);
  g_task_run_in_thread (task, run_thread);
}

GestReportTable *
gest_report_run_finish (GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

GestReportTable *
gest_report_table_ref (GestReportTable *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
gest_report_table_unref (GestReportTable *self)
{
  g_return_if_fail (self != NULL);
  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_strfreev (self->titles);
  g_free (self->kinds);
  g_clear_pointer (&self->cells, g_array_unref);
  g_free (self);
}

const GestReportInfo *
gest_report_table_get_info (GestReportTable *self)
{
  return self->info;
}

const char *
gest_report_table_get_title (GestReportTable *self)
{
  return _(self->info->title);
}

const GestReportPeriod *
gest_report_table_get_period (GestReportTable *self)
{
  return &self->period;
}

gboolean
gest_report_table_has_period (GestReportTable *self)
{
  return self->has_period;
}

guint
gest_report_table_get_n_columns (GestReportTable *self)
{
  return self->n_columns;
}

guint
gest_report_table_get_n_rows (GestReportTable *self)
{
  return self->n_columns == 0 ? 0 : self->cells->len / self->n_columns;
}

const char *
gest_report_table_get_column_title (GestReportTable *self,
                                    guint            column)
{
  g_return_val_if_fail (column < self->n_columns, NULL);
  return self->titles[column];
}

GestReportColumnKind
gest_report_table_get_column_kind (GestReportTable *self,
                                   guint            column)
{
  g_return_val_if_fail (column < self->n_columns, GEST_REPORT_COLUMN_TEXT);
  return self->kinds[column];
}

gboolean
gest_report_table_is_null (GestReportTable *self,
                           guint            row,
                           guint            column)
{
  return get_cell (self, row, column)->type == SQLITE_NULL;
}

gint64
gest_report_table_get_int (GestReportTable *self,
                           guint            row,
                           guint            column)
{
  return get_cell (self, row, column)->i;
}

double
gest_report_table_get_double (GestReportTable *self,
                              guint            row,
                              guint            column)
{
  return get_cell (self, row, column)->d;
}

const char *
gest_report_table_get_text (GestReportTable *self,
                            guint            row,
                            guint            column)
{
  Cell *cell = get_cell (self, row, column);

  if (cell->text == NULL)
    return "";
  if (self->kinds[column] == GEST_REPORT_COLUMN_LABEL)
    return _(cell->text);
  return cell->text;
}

gboolean
gest_report_table_get_date (GestReportTable *self,
                            guint            row,
                            guint            column,
                            GDate           *out)
{
  Cell *cell = get_cell (self, row, column);

  return cell->text != NULL && gest_date_from_iso (cell->text, out);
}

char *
gest_report_table_format_cell (GestReportTable *self,
                               guint            row,
                               guint            column)
{
  Cell *cell = get_cell (self, row, column);

  if (cell->type == SQLITE_NULL)
    return g_strdup ("");
  switch (self->kinds[column])
    {
    case GEST_REPORT_COLUMN_COUNT:
      return group_digits (cell->i);
    case GEST_REPORT_COLUMN_MONEY:
      return gest_money_format (cell->i);
    case GEST_REPORT_COLUMN_DAYS:
      return g_strdup_printf ("%.1f", cell->d);
    case GEST_REPORT_COLUMN_PERCENT:
      return g_strdup_printf ("%.1f %%", cell->d);
    case GEST_REPORT_COLUMN_DATE:
      {
        GDate day;

        if (gest_report_table_get_date (self, row, column, &day))
          return gest_date_format (&day);
        return g_strdup (gest_report_table_get_text (self, row, column));
      }
    case GEST_REPORT_COLUMN_LABEL:
    case GEST_REPORT_COLUMN_TEXT:
    case GEST_REPORT_COLUMN_END:
    default:
      if (cell->type == SQLITE_TEXT)
        return g_strdup (gest_report_table_get_text (self, row, column));
      if (cell->type == SQLITE_INTEGER)
        return g_strdup_printf ("%" G_GINT64_FORMAT, cell->i);
      return g_strdup_printf ("%.2f", cell->d);
    }
}
