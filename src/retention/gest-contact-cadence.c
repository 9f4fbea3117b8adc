/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-contact-cadence"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-contact-cadence.h"
#include "gest-date.h"

#define MIDDAY_HOUR     12
#define AFTERNOON_HOUR  15

static const char * const band_labels[GEST_N_CONTACT_BANDS] = {
  N_("Morning (before 12:00)"),
  N_("Midday (12:00 to 15:00)"),
  N_("Afternoon (from 15:00)"),
};

const char *
gest_contact_band_label (GestContactBand band)
{
  g_return_val_if_fail (band < GEST_N_CONTACT_BANDS, "");
  return _(band_labels[band]);
}

GestContactBand
gest_contact_band_of (gint64 at)
{
  g_autoptr(GTimeZone) tz = gest_dealer_timezone ();
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (at / G_USEC_PER_SEC);
  g_autoptr(GDateTime) local = NULL;
  int hour;

  g_return_val_if_fail (utc != NULL, GEST_CONTACT_BAND_MORNING);
  local = g_date_time_to_timezone (utc, tz);
  hour = g_date_time_get_hour (local);
  if (hour < MIDDAY_HOUR)
    return GEST_CONTACT_BAND_MORNING;
  if (hour < AFTERNOON_HOUR)
    return GEST_CONTACT_BAND_MIDDAY;
  return GEST_CONTACT_BAND_AFTERNOON;
}

gboolean
gest_contact_cadence_counts (GestContactBand band,
                             int             last_counted_band)
{
  return last_counted_band < 0 || (int) band != last_counted_band;
}

GestContactBand
gest_contact_cadence_next_band (GestContactBand band)
{
  return (band + 1) % GEST_N_CONTACT_BANDS;
}

gint64
gest_contact_cadence_band_start (const GestBusinessCalendar *calendar,
                                 const GDate                *day,
                                 GestContactBand             band)
{
  GTimeZone *tz = gest_business_calendar_get_timezone (calendar);
  g_autoptr(GDateTime) start = NULL;
  int minute = 9 * 60;
  int open, close;

  switch (band)
    {
    case GEST_CONTACT_BAND_MORNING:
      if (gest_business_calendar_get_hours (calendar, g_date_get_weekday (day) % 7, &open, &close) &&
          open < MIDDAY_HOUR * 60)
        minute = open;
      break;
    case GEST_CONTACT_BAND_MIDDAY:
      minute = MIDDAY_HOUR * 60;
      break;
    case GEST_CONTACT_BAND_AFTERNOON:
    case GEST_N_CONTACT_BANDS:
    default:
      minute = AFTERNOON_HOUR * 60;
      break;
    }
  start = g_date_time_new (tz, g_date_get_year (day), g_date_get_month (day),
                           g_date_get_day (day), minute / 60, minute % 60, 0);
  return g_date_time_to_unix (start) * G_USEC_PER_SEC;
}

gint64
gest_contact_cadence_next_attempt (const GestBusinessCalendar *calendar,
                                   gint64                      at,
                                   GestContactBand             last_counted_band)
{
  GDate day;

  gest_business_calendar_day_of (calendar, at, &day);
  /* A year without a working day is no calendar a dealer has: stop looking after a year. */
  for (guint i = 0; i < 366; i++)
    {
      g_date_add_days (&day, 1);
      if (gest_business_calendar_is_working_day (calendar, &day))
        break;
    }
  return gest_contact_cadence_band_start (calendar, &day,
                                          gest_contact_cadence_next_band (last_counted_band));
}
