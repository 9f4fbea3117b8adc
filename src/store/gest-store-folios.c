/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Folio allocation (T5): each desktop's series, from its enrollment's device and dealer
 * numbers (#16.3). Split from gest-store.c, which keeps the connection. */
#define G_LOG_DOMAIN "gest-store"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-folio.h"
#include "gest-store.h"

/* Folio series (data/sync-protocol.md, Folios): device d makes d * 10000 + n, n = 1..9999. */
#define FOLIO_SERIES_SIZE 10000
#define FOLIO_DEVICE_MAX 99

/* A number this desktop's enrollment gave (sync_state @key), 0 when it has none. */
static gboolean
load_enrolled_number (GestStore   *self,
                      const char  *key,
                      guint64      max,
                      int         *out_number,
                      GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *text = NULL;
  guint64 number = 0;
  int rc;

  stmt = gest_store_prepare (self, "SELECT value FROM sync_state WHERE key = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return gest_store_set_error (self, error);

  if (text != NULL && !g_ascii_string_to_unsigned (text, 10, 0, max, &number, NULL))
    {
      if (g_str_equal (key, "dealer-number"))
        g_set_error (error, GEST_ERROR, GEST_ERROR_STORE,
                     _("This desktop’s dealer number “%s” is damaged, so no folio can be made. "
                       "Enroll the desktop again in Preferences, Sync."), text);
      else
        g_set_error (error, GEST_ERROR, GEST_ERROR_STORE,
                     _("This desktop’s device number “%s” is damaged, so no folio can be made. "
                       "Enroll the desktop again in Preferences, Sync."), text);
      return FALSE;
    }
  *out_number = (int) number;
  return TRUE;
}

char *
gest_store_next_folio (GestStore   *self,
                       const char  *prefix,
                       int          year,
                       GError     **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *series = NULL;
  gint64 n = -1;
  int device = 0;
  int dealer = 0;
  int rc;

  g_return_val_if_fail (GEST_IS_STORE (self), NULL);

  if (sqlite3_get_autocommit (gest_store_get_db (self)))
    {
      g_critical ("gest_store_next_folio() must run inside a transaction");
      g_set_error_literal (error, GEST_ERROR, GEST_ERROR_STORE,
                           _("Internal error: a folio was requested outside a transaction."));
      return NULL;
    }

  if (!load_enrolled_number (self, "device-number", FOLIO_DEVICE_MAX, &device, error) ||
      !load_enrolled_number (self, "dealer-number", GEST_FOLIO_DEALER_MAX, &dealer, error))
    return NULL;
  /* The dealer's number only goes with a device's series. */
  if (device == 0)
    dealer = 0;

  /* folio_counters.last is n. Device 0 counts under the plain prefix, as before series existed
   * (so its row is the one earlier versions wrote); device d under "PREFIX#dd", or
   * "PREFIX#DDD-dd" in dealer DDD's series (#16.3). */
  if (device == 0)
    series = g_strdup (prefix);
  else if (dealer == 0)
    series = g_strdup_printf ("%s#%02d", prefix, device);
  else
    series = g_strdup_printf ("%s#%03d-%02d", prefix, dealer, device);
  stmt = gest_store_prepare (self,
                             "INSERT INTO folio_counters (prefix, year, last) VALUES (?1, ?2, 1) "
                             "ON CONFLICT (prefix, year) DO UPDATE SET last = last + 1 WHERE last < ?3 "
                             "RETURNING last",
                             error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, series, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, year);
  /* A desktop never enrolled has the whole range (it shares its folios with nobody, and the
   * demonstration data uses it); an enrolled one keeps to its series of 9,999. */
  sqlite3_bind_int (stmt, 3, device == 0 ? 999999 - 1 : FOLIO_SERIES_SIZE - 1);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  else if (rc != SQLITE_DONE)
    gest_store_set_error (self, error);
  sqlite3_finalize (stmt);

  if (rc == SQLITE_DONE)
    {
      /* The counter is at the end of the range. */
      if (device == 0)
        g_set_error (error, GEST_ERROR, GEST_ERROR_REFUSED,
                     _("All 999,999 %s folios of %d are used. Ask Conauto for an enrollment "
                       "code and enroll this desktop in Preferences, Sync to get a folio series of its own."),
                     prefix, year);
      else
        g_set_error (error, GEST_ERROR, GEST_ERROR_REFUSED,
                     _("This desktop (device %d) has used all 9,999 %s folios of its series for %d. "
                       "Ask Conauto for a new enrollment code and enroll it again in Preferences, Sync "
                       "to get a new device number and series."),
                     device, prefix, year);
      return NULL;
    }
  if (n < 0)
    return NULL;
  return gest_folio_format_dealer (prefix, year, dealer, (gint64) device * FOLIO_SERIES_SIZE + n);
}
