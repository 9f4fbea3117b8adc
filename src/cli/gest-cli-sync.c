/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-cli-private.h"
#include "gest-cli-sync.h"
#include "gest-sync-client.h"

static gint64
last_log_id (GestStore *store)
{
  sqlite3_stmt *stmt = gest_store_prepare (store, "SELECT coalesce (max (id), 0) FROM sync_log", NULL);
  gint64 id = 0;

  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  if (stmt != NULL)
    sqlite3_finalize (stmt);
  return id;
}

/* The round's rejected and not applied changes, one a line, on stderr. */
static void
print_refused (GestStore *store,
               gint64     log_mark)
{
  sqlite3_stmt *stmt = gest_store_prepare (store,
                                           "SELECT kind, entity, uuid, message FROM sync_log "
                                           "WHERE id > ?1 AND kind IN ('rejected', 'not-applied') "
                                           "ORDER BY id LIMIT 50",
                                           NULL);

  if (stmt == NULL)
    return;
  sqlite3_bind_int64 (stmt, 1, log_mark);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *kind = (const char *) sqlite3_column_text (stmt, 0);

      /* TRANSLATORS: "rejected: tramite a0000000-…: why"; the first %s says which. */
      g_printerr (_("%s: %s %s: %s\n"),
                  g_str_equal (kind, "rejected") ? _("rejected") : _("not applied"),
                  (const char *) sqlite3_column_text (stmt, 1),
                  (const char *) sqlite3_column_text (stmt, 2),
                  (const char *) sqlite3_column_text (stmt, 3));
    }
  sqlite3_finalize (stmt);
}

int
gest_cli_sync (const char  *db_path,
               int          argc,
               char       **argv)
{
  g_autofree char *server = NULL;
  g_autofree char *code = NULL;
  g_autofree char *device_name = NULL;
  g_autofree char *ca_file = NULL;
  gboolean status_only = FALSE;
  GOptionEntry entries[] = {
    { "server", 0, 0, G_OPTION_ARG_STRING, &server, N_("The sync server’s address"), N_("URL") },
    { "enroll", 0, 0, G_OPTION_ARG_STRING, &code, N_("Enroll this database with a code from Conauto"), N_("CODE") },
    { "device-name", 0, 0, G_OPTION_ARG_STRING, &device_name, N_("How the server names this desktop"), N_("NAME") },
    { "ca-file", 0, 0, G_OPTION_ARG_FILENAME, &ca_file, N_("Trust the server’s certificate through this CA file (PEM) instead of the system’s; an empty value goes back to the system’s"), N_("FILE") },
    { "status", 0, 0, G_OPTION_ARG_NONE, &status_only, N_("Only show the sync status"), NULL },
    { NULL }
  };
  g_auto(GStrv) rest = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GestStore) store = NULL;
  g_autofree char *url = NULL;
  GestSyncReport report = { 0, };
  gint64 log_mark;

  if (!gest_cli_parse (NULL, _("Sends this database’s changes to the Conauto sync server and "
                               "brings the dealer’s changes back (one full round)."),
                       entries, argc, argv, &rest, &error))
    return gest_cli_fail (error);
  if (rest != NULL && rest[0] != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not an argument of sync."), rest[0]);

      return gest_cli_usage (message);
    }

  store = gest_cli_open_store (db_path, &error);
  if (store == NULL)
    return gest_cli_fail (error);

  if (status_only)
    {
      g_autofree char *last_error = gest_sync_get_last_error (store);
      g_autofree char *address = gest_sync_get_server_url (store);
      gint64 last = gest_sync_get_last_sync (store);
      g_autofree char *when = NULL;

      if (last > 0)
        {
          g_autoptr(GDateTime) dt = g_date_time_new_from_unix_local (last / G_USEC_PER_SEC);

          when = g_date_time_format (dt, "%d/%m/%Y %H:%M:%S");
        }
      g_print (_("Server: %s\n"), address != NULL ? address : _("none"));
      g_print (_("Enrolled: %s\n"), gest_sync_is_enrolled (store) ? _("yes") : _("no"));
      g_print (_("Pending changes: %lld\n"), (long long) gest_sync_count_pending (store));
      g_print (_("Last sync: %s\n"), when != NULL ? when : _("never"));
      if (last_error != NULL)
        g_print (_("Last error: %s\n"), last_error);
      return GEST_CLI_EXIT_OK;
    }

  if (ca_file != NULL)
    {
      g_autofree char *absolute = ca_file[0] != '\0' ? g_canonicalize_filename (ca_file, NULL) : g_strdup ("");

      if (!gest_store_set_setting (store, "sync.ca-file", absolute, &error))
        return gest_cli_fail (error);
    }

  /* Enrolling stores the address only when the server accepts the code, so a mistyped
   * address or code leaves an enrolled desktop as it was. */
  if (code != NULL)
    {
      url = server != NULL ? g_strdup (server) : gest_sync_get_server_url (store);
      if (url == NULL)
        return gest_cli_usage (_("--enroll needs the server’s address: add --server URL."));
      if (!gest_sync_enroll (store, url, code, device_name, NULL, &error))
        return gest_cli_fail (error);
      g_print (_("Enrolled with %s.\n"), url);
    }
  else if (server != NULL && !gest_sync_set_server_url (store, server, &error))
    return gest_cli_fail (error);

  log_mark = last_log_id (store);
  if (!gest_sync_run_once_report (store, &report, NULL, &error))
    return gest_cli_fail (error);

  g_print (_("Sent %u changes (%u rejected), received %u (%u not applied); %u conflicts. %lld"
             " changes wait.\n"),
           report.pushed, report.rejected, report.pulled, report.not_applied, report.conflicts,
           (long long) gest_sync_count_pending (store));
  /* Issue 16.4: say what did not go through, and why, and exit 1 so a script notices. */
  if (report.rejected > 0 || report.not_applied > 0)
    {
      print_refused (store, log_mark);
      return GEST_CLI_EXIT_REFUSED;
    }
  return GEST_CLI_EXIT_OK;
}
