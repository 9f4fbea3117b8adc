/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "gest-contact-queue.h"
#include "gest-date.h"
#include "gest-domain-module.h"
#include "gest-test-util.h"
#include "retention-test-util.h"

void
retention_exec (GestStore  *store,
                const char *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gest_store_exec (store, sql, &error));
  g_assert_no_error (error);
}

void
retention_fixture_setup (RetentionFixture *f,
                         gconstpointer     data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  gest_domain_modules_init ();
  f->dir = gest_test_tmpdir_new ();
  path = g_build_filename (f->dir, "gestiona.db", NULL);
  f->store = gest_store_open (path, &error);
  g_assert_no_error (error);
  retention_exec (f->store,
                  "INSERT INTO customers (uuid, name, phone_mobile, email) VALUES"
                  " ('cust-1', 'Ana Ruiz Soto', '5512345678', 'ana@example.com');"
                  "INSERT INTO vehicles (uuid, vin, model, year, customer_uuid) VALUES"
                  " ('veh-1', '1FTFW1E50NFA00001', 'Ranger', 2022, 'cust-1');");
  gest_test_sign_in (f->store, GEST_ROLE_SERVICE_COORDINATOR);
}

void
retention_fixture_teardown (RetentionFixture *f,
                            gconstpointer     data)
{
  g_clear_object (&f->store);
  gest_test_tmpdir_free (f->dir);
}

gint64
retention_at (int year,
              int month,
              int day,
              int hour,
              int minute)
{
  g_autoptr(GTimeZone) tz = gest_dealer_timezone ();
  g_autoptr(GDateTime) moment = g_date_time_new (tz, year, month, day, hour, minute, 0);

  return g_date_time_to_unix (moment) * G_USEC_PER_SEC;
}

gboolean
retention_queue_has (GestStore  *store,
                     gint64      now,
                     const char *source,
                     const char *record_uuid,
                     guint      *out_attempts)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = gest_contact_queue_today (store, now, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (items);
  for (guint i = 0; i < items->len; i++)
    {
      GestContactItem *item = g_ptr_array_index (items, i);

      if (g_strcmp0 (item->source, source) == 0 && g_strcmp0 (item->record_uuid, record_uuid) == 0)
        {
          if (out_attempts != NULL)
            *out_attempts = item->attempts;
          return TRUE;
        }
    }
  return FALSE;
}
