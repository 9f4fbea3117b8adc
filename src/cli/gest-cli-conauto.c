/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-cli-conauto.h"
#include "gest-cli-private.h"
#include "gest-sync-update-file.h"

int
gest_cli_import_conauto (const char  *db_path,
                         int          argc,
                         char       **argv)
{
  g_autoptr(GestStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *contents = NULL;
  GestConautoImport report = { 0, };
  gsize length = 0;

  if (argc != 3)
    return gest_cli_usage (_("Write: gestiona-cli import conauto-updates FILE"));
  if (!g_file_get_contents (argv[2], &contents, &length, &error))
    return gest_cli_fail (error);
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  store = gest_cli_open_store (db_path, &error);
  if (store == NULL || !gest_sync_import_conauto_updates (store, bytes, &report, &error))
    return gest_cli_fail (error);
  if (report.replay)
    g_print (_("This update file was imported before; nothing changed.\n"));
  else
    g_print (_("Imported Conauto’s update file up to change %lld: %u changes, %u not applied (see the sync log).\n"),
             (long long) report.until, report.changes, report.not_applied);
  return GEST_CLI_EXIT_OK;
}

int
gest_cli_conauto_key (const char  *db_path,
                      int          argc,
                      char       **argv)
{
  g_autoptr(GestStore) store = NULL;
  g_autoptr(GError) error = NULL;
  guint64 number = 0;

  if (argc < 2 || argc > 3
      || (argc == 3 && !g_ascii_string_to_unsigned (argv[2], 10, 1, 999, &number, NULL)))
    return gest_cli_usage (_("Write: gestiona-cli conauto-key KEY [DEALER_NUMBER]"));
  store = gest_cli_open_store (db_path, &error);
  if (store == NULL || !gest_sync_set_conauto_key (store, argv[1], (gint64) number, &error))
    return gest_cli_fail (error);
  return GEST_CLI_EXIT_OK;
}
