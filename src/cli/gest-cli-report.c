/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-cli-report"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-cli-private.h"
#include "gest-date.h"
#include "gest-report-pdf.h"
#include "gest-report-xlsx.h"
#include "gest-report.h"

/* `gestiona-cli report ID|MODULE [--from DD/MM/YYYY] [--to DD/MM/YYYY] [--xlsx FILE]
 * [--pdf FILE]` (issue 13): one report of the hub, or every report of a module (a sheet each
 * in the workbook), printed as a table and exported. Without --from and --to, this month. */

static gboolean
is_number (GestReportColumnKind kind)
{
  return kind == GEST_REPORT_COLUMN_COUNT || kind == GEST_REPORT_COLUMN_MONEY
         || kind == GEST_REPORT_COLUMN_DAYS || kind == GEST_REPORT_COLUMN_PERCENT;
}

static void
print_table (GestReportTable *table)
{
  guint n_columns = gest_report_table_get_n_columns (table);
  guint n_rows = gest_report_table_get_n_rows (table);
  g_autofree glong *widths = g_new0 (glong, n_columns);
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);

  g_print ("%s\n", gest_report_table_get_title (table));
  if (gest_report_table_has_period (table))
    {
      g_autofree char *period = gest_report_period_format (gest_report_table_get_period (table));

      g_print (_("Period: %s"), period);
      g_print ("\n");
    }
  for (guint c = 0; c < n_columns; c++)
    widths[c] = g_utf8_strlen (gest_report_table_get_column_title (table, c), -1);
  for (guint r = 0; r < n_rows; r++)
    for (guint c = 0; c < n_columns; c++)
      {
        char *text = gest_report_table_format_cell (table, r, c);

        widths[c] = MAX (widths[c], g_utf8_strlen (text, -1));
        g_ptr_array_add (cells, text);
      }
  for (gint r = -1; r < (gint) n_rows; r++)
    {
      GString *line = g_string_new (NULL);

      for (guint c = 0; c < n_columns; c++)
        {
          const char *text = r < 0 ? gest_report_table_get_column_title (table, c)
                                   : g_ptr_array_index (cells, r * n_columns + c);
          glong pad = widths[c] - g_utf8_strlen (text, -1);
          gboolean right = r >= 0 && is_number (gest_report_table_get_column_kind (table, c));

          if (c > 0)
            g_string_append (line, "  ");
          if (right)
            for (glong i = 0; i < pad; i++)
              g_string_append_c (line, ' ');
          g_string_append (line, text);
          if (!right && c + 1 < n_columns)
            for (glong i = 0; i < pad; i++)
              g_string_append_c (line, ' ');
        }
      g_print ("%s\n", line->str);
      g_string_free (line, TRUE);
    }
  g_print ("\n");
}

/* The reports @name names: one report's id, or a module's id for all its reports. */
static GPtrArray *
find_reports (const char *name)
{
  GPtrArray *modules = gest_domain_modules_get ();
  GPtrArray *found = g_ptr_array_new ();

  for (guint i = 0; i < modules->len; i++)
    {
      GestDomainModule *module = g_ptr_array_index (modules, i);
      gboolean whole = g_str_equal (gest_domain_module_get_id (module), name);
      guint n = 0;
      const GestReportInfo *reports = gest_domain_module_get_reports (module, &n);

      for (guint r = 0; r < n; r++)
        if (whole || g_str_equal (reports[r].id, name))
          g_ptr_array_add (found, (gpointer) &reports[r]);
    }
  return found;
}

static char *
known_reports (void)
{
  GPtrArray *modules = gest_domain_modules_get ();
  GString *list = g_string_new (NULL);

  for (guint i = 0; i < modules->len; i++)
    {
      GestDomainModule *module = g_ptr_array_index (modules, i);
      guint n = 0;
      const GestReportInfo *reports = gest_domain_module_get_reports (module, &n);

      if (n == 0)
        continue;
      g_string_append_printf (list, "\n  %s:", gest_domain_module_get_id (module));
      for (guint r = 0; r < n; r++)
        g_string_append_printf (list, " %s", reports[r].id);
    }
  return g_string_free (list, FALSE);
}

static gboolean
parse_day (const char *option,
           const char *text,
           GDate      *out)
{
  g_autoptr(GError) error = NULL;

  if (gest_date_parse (text, out, &error))
    return TRUE;
  {
    g_autofree char *message = g_strdup_printf (_("%s needs a date written dd/mm/yyyy: %s"),
                                                option, error->message);

    gest_cli_usage (message);
  }
  return FALSE;
}

int
gest_cli_report (const char  *db_path,
                 int          argc,
                 char       **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GestStore) store = NULL;
  g_autoptr(GPtrArray) infos = NULL;
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func ((GDestroyNotify) gest_report_table_unref);
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  g_autofree char *xlsx = NULL;
  g_autofree char *pdf = NULL;
  g_auto(GStrv) rest = NULL;
  GestReportPeriod period;
  GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &from_text, N_("The period’s first day (default: this month’s)"), N_("DD/MM/YYYY") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to_text, N_("The period’s last day, included"), N_("DD/MM/YYYY") },
    { "xlsx", 0, 0, G_OPTION_ARG_FILENAME, &xlsx, N_("Also write the reports to this spreadsheet, a sheet each"), N_("FILE") },
    { "pdf", 0, 0, G_OPTION_ARG_FILENAME, &pdf, N_("Also write the reports to this PDF"), N_("FILE") },
    G_OPTION_ENTRY_NULL
  };

  if (!gest_cli_parse ("ID|MODULE",
                       _("Runs a report of the reports hub, or every report of a module, over a period, "
                         "prints it and exports it to XLSX or PDF."),
                       entries, argc, argv, &rest, &error))
    return gest_cli_fail (error);
  if (g_strv_length (rest) != 1)
    return gest_cli_usage (_("Usage: report ID|MODULE [--from DD/MM/YYYY] [--to DD/MM/YYYY] [--xlsx FILE] [--pdf FILE]"));

  infos = find_reports (rest[0]);
  if (infos->len == 0)
    {
      g_autofree char *known = known_reports ();
      g_autofree char *message = g_strdup_printf (_("“%s” is neither a report nor a module with reports. "
                                                    "The reports are:%s"), rest[0], known);

      return gest_cli_usage (message);
    }

  if ((from_text == NULL) != (to_text == NULL))
    return gest_cli_usage (_("Give both --from and --to, or neither for this month."));
  if (from_text != NULL)
    {
      GDate first, last;

      if (!parse_day ("--from", from_text, &first) || !parse_day ("--to", to_text, &last))
        return GEST_CLI_EXIT_USAGE;
      if (g_date_compare (&first, &last) > 0)
        return gest_cli_usage (_("--to is before --from: the period’s last day comes after its first."));
      gest_report_period_from_days (&period, &first, &last, gest_timestamp_now ());
    }
  else
    gest_report_period_preset (&period, GEST_REPORT_PERIOD_THIS_MONTH, gest_timestamp_now ());

  /* Opening the store brings the schema up to date and signs the --user in. */
  store = gest_cli_open_store (db_path, &error);
  if (store == NULL)
    return gest_cli_fail (error);

  for (guint i = 0; i < infos->len; i++)
    {
      GestReportTable *table = gest_report_run (gest_store_get_path (store), g_ptr_array_index (infos, i),
                                                &period, NULL, &error);

      if (table == NULL)
        return gest_cli_fail (error);
      g_ptr_array_add (tables, table);
      print_table (table);
    }

  if (xlsx != NULL && !gest_report_xlsx_write (xlsx, (GestReportTable **) tables->pdata, tables->len, &error))
    return gest_cli_fail (error);
  if (pdf != NULL && !gest_report_pdf_write (pdf, (GestReportTable **) tables->pdata, tables->len, &error))
    return gest_cli_fail (error);
  return GEST_CLI_EXIT_OK;
}
