/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-cli-private.h"
#include "gest-import.h"

/* `gestiona-cli import customers|plans|vehicles FILE [--dry-run] [--errors OUT.csv]`: the
 * import of the window, without it. Exit 0 when every row was imported, 1 when some were
 * refused (the valid ones imported), 2 for a file that cannot be read or lacks columns. */

int
gest_cli_import (const char  *db_path,
                 int          argc,
                 char       **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GestStore) store = NULL;
  g_autoptr(GestImportResult) result = NULL;
  g_autofree char *errors_path = NULL;
  g_auto(GStrv) rest = NULL;
  gboolean dry_run = FALSE;
  GestImportKind kind;
  GOptionEntry entries[] = {
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run, N_("Check every row without writing anything"), NULL },
    { "errors", 0, 0, G_OPTION_ARG_FILENAME, &errors_path, N_("Write the problems found to a CSV file"), N_("OUT.csv") },
    G_OPTION_ENTRY_NULL
  };

  if (!gest_cli_parse (N_("customers|plans|vehicles FILE"),
                       _("Imports customers, vehicles or plans from a CSV or XLSX file."),
                       entries, argc, argv, &rest, &error))
    return gest_cli_fail (error);
  if (g_strv_length (rest) != 2 || !gest_import_kind_from_id (rest[0], &kind))
    return gest_cli_usage (_("Usage: import customers|plans|vehicles FILE [--dry-run] [--errors OUT.csv]"));

  store = gest_cli_open_store (db_path, &error);
  if (store == NULL)
    return gest_cli_fail (error);
  if (!gest_import_file (store, rest[1], kind, NULL, dry_run, NULL, NULL, NULL, &result, &error))
    {
      if (g_error_matches (error, GEST_ERROR, GEST_ERROR_INVALID))
        {
          g_printerr ("gestiona-cli: %s\n", error->message);
          return GEST_CLI_EXIT_USAGE;
        }
      return gest_cli_fail (error);
    }

  if (result->separator != '\0')
    g_print (_("%s: %s, separator “%c”\n"), result->file_name, result->encoding, result->separator);
  else
    g_print ("%s: %s\n", result->file_name, result->encoding);
  if (result->ignored_columns != NULL)
    g_print (_("Columns ignored: %s\n"), result->ignored_columns);
  for (guint i = 0; i < result->issues->len; i++)
    {
      const GestImportIssue *issue = g_ptr_array_index (result->issues, i);

      if (issue->column[0] != '\0')
        g_print (_("Row %u, %s: %s\n"), issue->row, issue->column, issue->message);
      else
        g_print (_("Row %u: %s\n"), issue->row, issue->message);
    }
  if (result->n_issues > result->issues->len)
    g_print (_("… and %u more problems.\n"), result->n_issues - result->issues->len);
  if (dry_run)
    g_print (_("%u rows: %u valid, %u with errors (dry run: nothing written).\n"),
             result->n_rows, result->n_valid, result->n_invalid);
  else
    g_print (_("%u rows: %u created, %u updated, %u unchanged, %u refused.\n"), result->n_rows,
             result->n_created, result->n_updated, result->n_unchanged, result->n_invalid);
  if (errors_path != NULL && !gest_import_result_export_errors (result, errors_path, &error))
    {
      g_printerr ("gestiona-cli: %s\n", error->message);
      return GEST_CLI_EXIT_STORE;
    }
  return result->n_invalid > 0 ? GEST_CLI_EXIT_REFUSED : GEST_CLI_EXIT_OK;
}
