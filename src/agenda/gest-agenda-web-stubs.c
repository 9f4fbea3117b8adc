/* SPDX-License-Identifier: GPL-3.0-or-later */
/* LOCAL STUBS of agenda-web (issue 15), DELETED when wip-agenda-core is merged: the real
 * gest_agenda_slots_range() and gest_reservation_confirm_by() belong to agenda-core. */
#define G_LOG_DOMAIN "gest-agenda-stubs"

#include "config.h"

#include "gest-agenda-schedule.h"
#include "gest-date.h"
#include "gest-reservation.h"

GHashTable *
gest_agenda_slots_range (GestStore   *store,
                         const char  *from_day,
                         const char  *to_day,
                         GError     **error)
{
  /* STUB: no advisor has hours. */
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
}

char *
gest_reservation_confirm_by (GestStore *store,
                             gint64     received_at,
                             int        cutoff_min)
{
  /* STUB: the day it was received on. */
  g_autoptr(GTimeZone) tz = gest_dealer_timezone ();
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (received_at / G_USEC_PER_SEC);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (dt, tz);

  return g_date_time_format (local, "%Y-%m-%d");
}
