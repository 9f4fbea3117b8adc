/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-date"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-date.h"
#include "gest-error.h"

#define DEFAULT_TIMEZONE "America/Mexico_City"
#define MIN_YEAR 1900

/* Reads 1..@max_len ASCII digits. Returns the number of digits read, 0 if none. */
static guint
read_number (const char *s,
             guint       max_len,
             guint      *out)
{
  guint n = 0;
  guint value = 0;

  while (n < max_len && g_ascii_isdigit (s[n]))
    {
      value = value * 10 + (guint) (s[n] - '0');
      n++;
    }
  *out = value;
  return n;
}

/**
 * gest_dealer_timezone:
 *
 * Returns: (transfer full): the dealer's time zone. An unknown $GESTIONA_TZ falls back to
 * UTC silently: a warning here would abort every test run under fatal-warnings and the
 * user cannot act on it anyway.
 */
GTimeZone *
gest_dealer_timezone (void)
{
  const char *id = g_getenv ("GESTIONA_TZ");
  GTimeZone *tz;

  if (id == NULL || *id == '\0')
    id = DEFAULT_TIMEZONE;

  tz = g_time_zone_new_identifier (id);
  if (tz == NULL)
    tz = g_time_zone_new_utc ();

  return tz;
}

gboolean
gest_date_parse (const char  *text,
                 GDate       *out,
                 GError     **error)
{
  g_autofree char *trimmed = NULL;
  const char *s;
  guint day, month, year;
  guint n;
  guint8 days;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  trimmed = g_strstrip (g_strdup (text));
  s = trimmed;

  if (*s == '\0')
    {
      g_set_error_literal (error, GEST_ERROR, GEST_ERROR_INVALID,
                           _("The date is empty. Write it as dd/mm/yyyy, like 31/01/2026."));
      return FALSE;
    }

  /* d/m/yyyy or dd/mm/yyyy; the year always has four digits so that "1/2/26" is never
   * silently taken as the year 26. */
  if ((n = read_number (s, 2, &day)) == 0 || s[n] != '/')
    goto bad_format;
  s += n + 1;
  if ((n = read_number (s, 2, &month)) == 0 || s[n] != '/')
    goto bad_format;
  s += n + 1;
  if ((n = read_number (s, 4, &year)) != 4 || s[n] != '\0')
    goto bad_format;

  if (month < 1 || month > 12)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                   _("“%s” is not a date: the month must be between 1 and 12. Write it as dd/mm/yyyy."),
                   trimmed);
      return FALSE;
    }
  if (year < MIN_YEAR)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                   _("“%s” is not a date: the year must be 1900 or later. Check the year."),
                   trimmed);
      return FALSE;
    }

  days = g_date_get_days_in_month ((GDateMonth) month, (GDateYear) year);
  if (day < 1 || day > days)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                   _("“%s” is not a date: month %u of %u has days 1 to %u. Check the day."),
                   trimmed, month, year, (guint) days);
      return FALSE;
    }

  if (out != NULL)
    {
      g_date_clear (out, 1);
      g_date_set_dmy (out, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
    }
  return TRUE;

bad_format:
  g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
               _("“%s” is not a date. Write it as dd/mm/yyyy, like 31/01/2026."),
               trimmed);
  return FALSE;
}

char *
gest_date_format (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return g_strdup_printf ("%02u/%02u/%04u",
                          (guint) g_date_get_day (date),
                          (guint) g_date_get_month (date),
                          (guint) g_date_get_year (date));
}

char *
gest_date_to_iso (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return g_strdup_printf ("%04u-%02u-%02u",
                          (guint) g_date_get_year (date),
                          (guint) g_date_get_month (date),
                          (guint) g_date_get_day (date));
}

/* Strict "yyyy-mm-dd": this is what the store writes, anything else is corrupt data. */
gboolean
gest_date_from_iso (const char *iso,
                    GDate      *out)
{
  guint day, month, year;

  if (iso == NULL)
    return FALSE;

  if (read_number (iso, 4, &year) != 4 || iso[4] != '-' ||
      read_number (iso + 5, 2, &month) != 2 || iso[7] != '-' ||
      read_number (iso + 8, 2, &day) != 2 || iso[10] != '\0')
    return FALSE;

  if (year < 1 || !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return FALSE;

  if (out != NULL)
    {
      g_date_clear (out, 1);
      g_date_set_dmy (out, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
    }
  return TRUE;
}

void
gest_date_today (GDate *out)
{
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GDateTime) now = NULL;

  g_return_if_fail (out != NULL);

  tz = gest_dealer_timezone ();
  now = g_date_time_new_now (tz);
  g_date_clear (out, 1);
  g_date_set_dmy (out,
                  (GDateDay) g_date_time_get_day_of_month (now),
                  (GDateMonth) g_date_time_get_month (now),
                  (GDateYear) g_date_time_get_year (now));
}

int
gest_date_days_between (const GDate *from,
                        const GDate *to)
{
  g_return_val_if_fail (from != NULL && g_date_valid (from), 0);
  g_return_val_if_fail (to != NULL && g_date_valid (to), 0);

  return g_date_days_between (from, to);
}

char *
gest_timestamp_format (gint64 unix_usec)
{
  g_autoptr(GTimeZone) tz = gest_dealer_timezone ();
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;
  gint64 seconds = unix_usec / G_USEC_PER_SEC;

  /* Round towards minus infinity so that a moment just before the epoch is not shown
   * one second late. */
  if (unix_usec % G_USEC_PER_SEC < 0)
    seconds--;

  utc = g_date_time_new_from_unix_utc (seconds);
  g_return_val_if_fail (utc != NULL, NULL);
  local = g_date_time_to_timezone (utc, tz);
  g_return_val_if_fail (local != NULL, NULL);

  return g_date_time_format (local, "%d/%m/%Y %H:%M");
}

gint64
gest_timestamp_now (void)
{
  return g_get_real_time ();
}
