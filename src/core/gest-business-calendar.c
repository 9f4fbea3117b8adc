/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-business-calendar"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-business-calendar.h"
#include "gest-date.h"
#include "gest-error.h"

struct _GestBusinessCalendar
{
  GTimeZone  *tz;
  int         open[GEST_BUSINESS_N_WEEKDAYS];    /* minutes from midnight */
  int         close[GEST_BUSINESS_N_WEEKDAYS];   /* == open: closed */
  GHashTable *holidays;                          /* julian day → owned name */
  GHashTable *explicit_years;                    /* year → itself */
};

#define USEC_PER_MINUTE (G_USEC_PER_SEC * (gint64) 60)
/* How far advance() looks for working time before it gives up (a calendar of holidays only). */
#define MAX_DAYS_AHEAD (366 * 10)

static void
nth_weekday (GDate        *out,
             int           year,
             GDateMonth    month,
             GDateWeekday  weekday,
             int           nth)
{
  g_date_clear (out, 1);
  g_date_set_dmy (out, 1, month, (GDateYear) year);
  while (g_date_get_weekday (out) != weekday)
    g_date_add_days (out, 1);
  g_date_add_days (out, 7 * (nth - 1));
}

static void
add_legal (GArray     *holidays,
           int         year,
           GDateMonth  month,
           int         day,
           const char *name)
{
  GestHoliday h = { .name = name };

  g_date_clear (&h.day, 1);
  g_date_set_dmy (&h.day, (GDateDay) day, month, (GDateYear) year);
  g_array_append_val (holidays, h);
}

static void
add_legal_monday (GArray     *holidays,
                  int         year,
                  GDateMonth  month,
                  int         nth,
                  const char *name)
{
  GestHoliday h = { .name = name };

  nth_weekday (&h.day, year, month, G_DATE_MONDAY, nth);
  g_array_append_val (holidays, h);
}

/**
 * gest_business_calendar_legal_holidays:
 *
 * The mandatory rest days of the Ley Federal del Trabajo, art. 74 (as amended in 2006 and
 * 2023): the fixed days, the Mondays that replaced 5 February, 21 March and 20 November, and
 * 1 October of each year the federal executive power changes hands (every six years from
 * 2024). Election days (art. 74 IX) are declared each time; the dealer adds them.
 */
GArray *
gest_business_calendar_legal_holidays (int year)
{
  GArray *holidays = g_array_new (FALSE, FALSE, sizeof (GestHoliday));

  g_return_val_if_fail (year >= 1 && year <= 9999, holidays);

  add_legal (holidays, year, G_DATE_JANUARY, 1, _("New Year’s Day"));
  add_legal_monday (holidays, year, G_DATE_FEBRUARY, 1, _("Constitution Day"));
  add_legal_monday (holidays, year, G_DATE_MARCH, 3, _("Benito Juárez’s birthday"));
  add_legal (holidays, year, G_DATE_MAY, 1, _("Labour Day"));
  add_legal (holidays, year, G_DATE_SEPTEMBER, 16, _("Independence Day"));
  if (year >= 2024 && (year - 2024) % 6 == 0)
    add_legal (holidays, year, G_DATE_OCTOBER, 1, _("Transfer of the federal executive power"));
  add_legal_monday (holidays, year, G_DATE_NOVEMBER, 3, _("Revolution Day"));
  add_legal (holidays, year, G_DATE_DECEMBER, 25, _("Christmas Day"));

  return holidays;
}

gboolean
gest_business_calendar_is_legal_holiday (const GDate  *day,
                                         const char  **name)
{
  g_autoptr(GArray) legal = NULL;

  g_return_val_if_fail (day != NULL && g_date_valid (day), FALSE);

  legal = gest_business_calendar_legal_holidays (g_date_get_year (day));
  for (guint i = 0; i < legal->len; i++)
    {
      GestHoliday *h = &g_array_index (legal, GestHoliday, i);

      if (g_date_compare (&h->day, day) == 0)
        {
          if (name != NULL)
            *name = h->name;
          return TRUE;
        }
    }
  return FALSE;
}

GestBusinessCalendar *
gest_business_calendar_new (GTimeZone *tz)
{
  GestBusinessCalendar *self = g_new0 (GestBusinessCalendar, 1);

  self->tz = tz != NULL ? g_time_zone_ref (tz) : gest_dealer_timezone ();
  for (guint d = 1; d <= 5; d++)
    {
      self->open[d] = 9 * 60;
      self->close[d] = 18 * 60;
    }
  self->holidays = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);
  self->explicit_years = g_hash_table_new (g_direct_hash, g_direct_equal);
  return self;
}

GestBusinessCalendar *
gest_business_calendar_copy (const GestBusinessCalendar *self)
{
  GestBusinessCalendar *copy;
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (self != NULL, NULL);

  copy = gest_business_calendar_new (self->tz);
  memcpy (copy->open, self->open, sizeof self->open);
  memcpy (copy->close, self->close, sizeof self->close);
  g_hash_table_iter_init (&iter, self->holidays);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy->holidays, key, g_strdup (value));
  g_hash_table_iter_init (&iter, self->explicit_years);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_hash_table_add (copy->explicit_years, key);
  return copy;
}

void
gest_business_calendar_free (GestBusinessCalendar *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->tz, g_time_zone_unref);
  g_clear_pointer (&self->holidays, g_hash_table_unref);
  g_clear_pointer (&self->explicit_years, g_hash_table_unref);
  g_free (self);
}

GTimeZone *
gest_business_calendar_get_timezone (const GestBusinessCalendar *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->tz;
}

void
gest_business_calendar_set_hours (GestBusinessCalendar *self,
                                  guint                 weekday,
                                  int                   open_minute,
                                  int                   close_minute)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (weekday < GEST_BUSINESS_N_WEEKDAYS);
  g_return_if_fail (open_minute >= 0 && close_minute <= 24 * 60);

  if (close_minute <= open_minute)
    open_minute = close_minute = 0;
  self->open[weekday] = open_minute;
  self->close[weekday] = close_minute;
}

gboolean
gest_business_calendar_get_hours (const GestBusinessCalendar *self,
                                  guint                       weekday,
                                  int                        *open_minute,
                                  int                        *close_minute)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (weekday < GEST_BUSINESS_N_WEEKDAYS, FALSE);

  if (open_minute != NULL)
    *open_minute = self->open[weekday];
  if (close_minute != NULL)
    *close_minute = self->close[weekday];
  return self->close[weekday] > self->open[weekday];
}

static gboolean
parse_clock (const char  *text,
             int         *out)
{
  g_auto(GStrv) parts = g_strsplit (text, ":", -1);
  guint64 h, m;

  if (g_strv_length (parts) != 2 ||
      !g_ascii_string_to_unsigned (g_strstrip (parts[0]), 10, 0, 24, &h, NULL) ||
      !g_ascii_string_to_unsigned (g_strstrip (parts[1]), 10, 0, 59, &m, NULL) ||
      (h == 24 && m != 0))
    return FALSE;
  *out = (int) (h * 60 + m);
  return TRUE;
}

gboolean
gest_business_hours_parse (const char  *text,
                           int         *open_minute,
                           int         *close_minute,
                           GError     **error)
{
  g_auto(GStrv) parts = NULL;
  int open, close;

  g_return_val_if_fail (open_minute != NULL && close_minute != NULL, FALSE);

  *open_minute = *close_minute = 0;
  if (text == NULL || *text == '\0')
    return TRUE;

  parts = g_strsplit (text, "-", -1);
  if (g_strv_length (parts) != 2 || !parse_clock (parts[0], &open) || !parse_clock (parts[1], &close))
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                   _("“%s” is not a working-hours range. Write the opening and closing times "
                     "as 09:00-18:00, or leave it empty for a day off."), text);
      return FALSE;
    }
  if (close <= open)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                   _("In “%s” the closing time is not after the opening time. Write the "
                     "opening time first, as 09:00-18:00."), text);
      return FALSE;
    }
  *open_minute = open;
  *close_minute = close;
  return TRUE;
}

char *
gest_business_hours_format (int open_minute,
                            int close_minute)
{
  if (close_minute <= open_minute)
    return g_strdup ("");
  return g_strdup_printf ("%02d:%02d-%02d:%02d", open_minute / 60, open_minute % 60,
                          close_minute / 60, close_minute % 60);
}

void
gest_business_calendar_add_holiday (GestBusinessCalendar *self,
                                    const GDate          *day,
                                    const char           *name)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (day != NULL && g_date_valid (day));

  g_hash_table_insert (self->holidays, GUINT_TO_POINTER (g_date_get_julian (day)),
                       g_strdup (name != NULL ? name : ""));
}

void
gest_business_calendar_set_year_explicit (GestBusinessCalendar *self,
                                          int                   year)
{
  g_return_if_fail (self != NULL);

  g_hash_table_add (self->explicit_years, GINT_TO_POINTER (year));
}

gboolean
gest_business_calendar_is_holiday (const GestBusinessCalendar *self,
                                   const GDate                *day,
                                   const char                **name)
{
  const char *found;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (day != NULL && g_date_valid (day), FALSE);

  found = g_hash_table_lookup (self->holidays, GUINT_TO_POINTER (g_date_get_julian (day)));
  if (found != NULL)
    {
      if (name != NULL)
        *name = found;
      return TRUE;
    }
  if (g_hash_table_contains (self->explicit_years, GINT_TO_POINTER ((int) g_date_get_year (day))))
    return FALSE;
  return gest_business_calendar_is_legal_holiday (day, name);
}

static int
compare_holidays (gconstpointer a,
                  gconstpointer b)
{
  return g_date_compare (&((const GestHoliday *) a)->day, &((const GestHoliday *) b)->day);
}

GArray *
gest_business_calendar_list_holidays (const GestBusinessCalendar *self,
                                      int                         year)
{
  GArray *list = g_array_new (FALSE, FALSE, sizeof (GestHoliday));
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (self != NULL, list);

  g_hash_table_iter_init (&iter, self->holidays);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GestHoliday h = { .name = value };

      g_date_clear (&h.day, 1);
      g_date_set_julian (&h.day, GPOINTER_TO_UINT (key));
      if ((int) g_date_get_year (&h.day) == year)
        g_array_append_val (list, h);
    }
  if (!g_hash_table_contains (self->explicit_years, GINT_TO_POINTER (year)))
    {
      g_autoptr(GArray) legal = gest_business_calendar_legal_holidays (year);

      for (guint i = 0; i < legal->len; i++)
        {
          GestHoliday *h = &g_array_index (legal, GestHoliday, i);

          if (!g_hash_table_contains (self->holidays, GUINT_TO_POINTER (g_date_get_julian (&h->day))))
            g_array_append_val (list, *h);
        }
    }
  g_array_sort (list, compare_holidays);
  return list;
}

static guint
weekday_of (const GDate *day)
{
  /* GDateWeekday: Monday 1 ... Sunday 7; the settings: Sunday 0 ... Saturday 6. */
  return g_date_get_weekday (day) % 7;
}

gboolean
gest_business_calendar_is_working_day (const GestBusinessCalendar *self,
                                       const GDate                *day)
{
  guint wd;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (day != NULL && g_date_valid (day), FALSE);

  wd = weekday_of (day);
  return self->close[wd] > self->open[wd] && !gest_business_calendar_is_holiday (self, day, NULL);
}

void
gest_business_calendar_day_of (const GestBusinessCalendar *self,
                               gint64                      moment,
                               GDate                      *out)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  g_return_if_fail (self != NULL && out != NULL);

  utc = g_date_time_new_from_unix_utc (moment / G_USEC_PER_SEC - (moment % G_USEC_PER_SEC < 0 ? 1 : 0));
  local = g_date_time_to_timezone (utc, self->tz);
  g_date_clear (out, 1);
  g_date_set_dmy (out, (GDateDay) g_date_time_get_day_of_month (local),
                  (GDateMonth) g_date_time_get_month (local),
                  (GDateYear) g_date_time_get_year (local));
}

void
gest_business_calendar_previous_working_day (const GestBusinessCalendar *self,
                                             const GDate                *day,
                                             GDate                      *out)
{
  g_return_if_fail (self != NULL && out != NULL);
  g_return_if_fail (day != NULL && g_date_valid (day));

  *out = *day;
  for (int i = 0; i < 366; i++)
    {
      if (g_date_get_julian (out) <= 1)
        break;
      g_date_subtract_days (out, 1);
      if (gest_business_calendar_is_working_day (self, out))
        return;
    }
  *out = *day;
}

/* The moment @minute minutes after the local midnight of @day (a wall-clock time: in a zone
 * with daylight saving time, the day's real opening and closing). */
static gint64
local_moment (const GestBusinessCalendar *self,
              const GDate                *day,
              int                         minute)
{
  g_autoptr(GDateTime) dt = NULL;

  if (minute >= 24 * 60)
    {
      GDate next = *day;

      g_date_add_days (&next, 1);
      return local_moment (self, &next, minute - 24 * 60);
    }
  dt = g_date_time_new (self->tz, (int) g_date_get_year (day), (int) g_date_get_month (day),
                        (int) g_date_get_day (day), minute / 60, minute % 60, 0);
  return g_date_time_to_unix (dt) * G_USEC_PER_SEC;
}

/* The working interval of @day, FALSE when it has none. */
static gboolean
working_interval (const GestBusinessCalendar *self,
                  const GDate                *day,
                  gint64                     *open,
                  gint64                     *close)
{
  guint wd = weekday_of (day);

  if (self->close[wd] <= self->open[wd] || gest_business_calendar_is_holiday (self, day, NULL))
    return FALSE;
  *open = local_moment (self, day, self->open[wd]);
  *close = local_moment (self, day, self->close[wd]);
  return TRUE;
}

gint64
gest_business_calendar_span (const GestBusinessCalendar *self,
                             gint64                      from,
                             gint64                      to)
{
  GDate day, last;
  gint64 total = 0;

  g_return_val_if_fail (self != NULL, 0);

  if (to <= from)
    return 0;
  gest_business_calendar_day_of (self, from, &day);
  gest_business_calendar_day_of (self, to, &last);
  for (; g_date_compare (&day, &last) <= 0; g_date_add_days (&day, 1))
    {
      gint64 open, close;

      if (working_interval (self, &day, &open, &close))
        {
          gint64 s = MAX (from, open);
          gint64 e = MIN (to, close);

          if (e > s)
            total += e - s;
        }
    }
  return total;
}

gint64
gest_business_calendar_minutes_between (const GestBusinessCalendar *self,
                                        gint64                      from,
                                        gint64                      to)
{
  return gest_business_calendar_span (self, from, to) / USEC_PER_MINUTE;
}

gint64
gest_business_calendar_advance (const GestBusinessCalendar *self,
                                gint64                      from,
                                gint64                      usec)
{
  gboolean any = FALSE;
  GDate day;

  g_return_val_if_fail (self != NULL, G_MAXINT64);

  if (usec <= 0)
    return from;
  for (guint d = 0; d < GEST_BUSINESS_N_WEEKDAYS; d++)
    any |= self->close[d] > self->open[d];
  if (!any)
    return G_MAXINT64;

  gest_business_calendar_day_of (self, from, &day);
  for (int i = 0; i < MAX_DAYS_AHEAD; i++, g_date_add_days (&day, 1))
    {
      gint64 open, close, s;

      if (!working_interval (self, &day, &open, &close))
        continue;
      s = MAX (from, open);
      if (close <= s)
        continue;
      if (usec <= close - s)
        return s + usec;
      usec -= close - s;
    }
  return G_MAXINT64;
}

gint64
gest_business_calendar_add_minutes (const GestBusinessCalendar *self,
                                    gint64                      from,
                                    gint64                      minutes)
{
  return gest_business_calendar_advance (self, from, minutes * USEC_PER_MINUTE);
}
