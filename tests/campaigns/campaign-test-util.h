/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the campaigns' unit tests share: a store with a signed-in service manager, valid VINs
 * and a VIN list written to a file. Included by each test file (static functions). */

#include <string.h>

#include "gest-campaign.h"
#include "gest-date.h"
#include "gest-error.h"
#include "gest-test-util.h"
#include "gest-vin.h"

typedef struct
{
  char      *dir;
  GestStore *store;
} Fixture;

G_GNUC_UNUSED static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = gest_test_tmpdir_new ();
  path = g_build_filename (f->dir, "gestiona.db", NULL);
  f->store = gest_store_open (path, &error);
  g_assert_no_error (error);
  gest_test_sign_in (f->store, GEST_ROLE_SERVICE_MANAGER);
}

G_GNUC_UNUSED static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_assert_finalize_object (f->store);
  gest_test_tmpdir_free (f->dir);
}

G_GNUC_UNUSED static void
exec_sql (GestStore  *store,
          const char *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gest_store_exec (store, sql, &error));
  g_assert_no_error (error);
}

/* A valid Ford VIN with serial @serial ("1FTFW1E5?NFA00001"). */
G_GNUC_UNUSED static void
make_vin (guint serial,
          char  out[18])
{
  g_snprintf (out, 18, "1FTFW1E50NFA%05u", serial);
  out[8] = gest_vin_check_digit (out);
}

G_GNUC_UNUSED static char *
create_campaign (Fixture          *f,
                 const char       *code,
                 GestCampaignKind  kind,
                 gboolean          needs_parts)
{
  g_autoptr(GError) error = NULL;
  GestCampaignFields fields = { code, kind, "Reemplazo del inflador de la bolsa de aire", "", "", NULL, NULL,
                                needs_parts };
  char *uuid = NULL;

  if (gest_campaign_kind_has_dates (kind))
    {
      fields.starts_on = "2026-01-01";
      fields.ends_on = "2026-12-31";
    }
  g_assert_true (gest_campaign_create (f->store, &fields, &uuid, &error));
  g_assert_no_error (error);
  return uuid;
}

/* Writes @content to @name in the fixture's folder. */
G_GNUC_UNUSED static GFile *
write_file (Fixture    *f,
            const char *name,
            const char *content,
            gssize      length)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, name, NULL);

  g_assert_true (g_file_set_contents (path, content, length, &error));
  g_assert_no_error (error);
  return g_file_new_for_path (path);
}

/* Imports @n valid VINs from serial @first, each with an owner, into @campaign. */
G_GNUC_UNUSED static GestVinListReport *
import_vins (Fixture    *f,
             const char *campaign,
             guint       first,
             guint       n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) csv = g_string_new ("VIN,Propietario,Teléfono,Correo\n");
  g_autoptr(GFile) file = NULL;
  g_autofree char *name = g_strdup_printf ("list-%u.csv", first);
  GestVinListReport *report;

  for (guint i = 0; i < n; i++)
    {
      char vin[18];

      make_vin (first + i, vin);
      g_string_append_printf (csv, "%s,Dueño %u,55 1234 %04u,dueno%u@example.mx\n", vin, first + i,
                              first + i, first + i);
    }
  file = write_file (f, name, csv->str, (gssize) csv->len);
  report = gest_campaign_import_vins (f->store, campaign, file, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

/* The campaign_vehicles uuid of VIN serial @serial in @campaign. */
G_GNUC_UNUSED static char *
affected_uuid (Fixture    *f,
               const char *campaign,
               guint       serial)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  char vin[18];

  make_vin (serial, vin);
  stmt = gest_store_prepare (f->store,
                             "SELECT cv.uuid FROM campaign_vehicles cv JOIN vehicles v ON v.uuid = cv.vehicle_uuid"
                             " WHERE cv.campaign_uuid = ?1 AND v.vin = ?2", NULL);
  sqlite3_bind_text (stmt, 1, campaign, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, vin, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

G_GNUC_UNUSED static int
stage_of (Fixture    *f,
          const char *campaign,
          guint       serial)
{
  g_autofree char *uuid = affected_uuid (f, campaign, serial);
  g_autofree char *sql = g_strdup_printf ("SELECT stage FROM campaign_vehicles WHERE uuid = '%s'", uuid);

  return (int) gest_test_query_int (f->store, sql);
}
