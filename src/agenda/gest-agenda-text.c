/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-agenda-text"

#include "config.h"

#include <string.h>

#include "gest-agenda-text.h"
#include "gest-date.h"

char *
gest_agenda_time_text (int minutes)
{
  return g_strdup_printf ("%02d:%02d", minutes / 60, minutes % 60);
}

gboolean
gest_agenda_time_parse (const char *text,
                        int        *out_minutes)
{
  g_autofree char *copy = NULL;
  char *colon;
  char *end = NULL;
  guint64 h, m;

  g_return_val_if_fail (out_minutes != NULL, FALSE);

  if (text == NULL)
    return FALSE;
  copy = g_strstrip (g_strdup (text));
  colon = strchr (copy, ':');
  if (colon == NULL || colon == copy || strlen (colon + 1) != 2)
    return FALSE;
  *colon = '\0';
  if (!g_ascii_string_to_unsigned (copy, 10, 0, 23, &h, NULL))
    return FALSE;
  if (!g_ascii_isdigit (colon[1]) || !g_ascii_isdigit (colon[2]))
    return FALSE;
  m = g_ascii_strtoull (colon + 1, &end, 10);
  if (m > 59)
    return FALSE;
  *out_minutes = (int) (h * 60 + m);
  return TRUE;
}

char *
gest_agenda_km_text (int km)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  g_autofree char *plain = g_strdup_printf ("%d", ABS (km));
  gsize n = strlen (plain);

  if (km < 0)
    g_string_append_c (digits, '-');
  for (gsize i = 0; i < n; i++)
    {
      if (i > 0 && (n - i) % 3 == 0)
        g_string_append_c (digits, ',');
      g_string_append_c (digits, plain[i]);
    }
  g_string_append (digits, " km");
  return g_string_free (g_steal_pointer (&digits), FALSE);
}

char *
gest_agenda_day_text (const char *iso)
{
  GDate date;

  if (iso == NULL)
    return g_strdup ("");
  if (!gest_date_from_iso (iso, &date))
    return g_strdup (iso);
  return gest_date_format (&date);
}

char *
gest_agenda_today_iso (int offset_days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now (gest_dealer_timezone ());
  g_autoptr(GDateTime) then = g_date_time_add_days (now, offset_days);

  return g_date_time_format (then, "%Y-%m-%d");
}

char *
gest_agenda_day_add (const char *iso,
                     int         days)
{
  GDate date;

  if (iso == NULL || !gest_date_from_iso (iso, &date))
    return NULL;
  if (days >= 0)
    g_date_add_days (&date, (guint) days);
  else
    g_date_subtract_days (&date, (guint) -days);
  return gest_date_to_iso (&date);
}

gint64
gest_agenda_day_moment (const char *iso,
                    int         minutes)
{
  g_autoptr(GDateTime) at = NULL;
  GDate date;

  if (iso == NULL || !gest_date_from_iso (iso, &date))
    return 0;
  at = g_date_time_new (gest_dealer_timezone (), g_date_get_year (&date), g_date_get_month (&date),
                        g_date_get_day (&date), minutes / 60, minutes % 60, 0);
  return at != NULL ? g_date_time_to_unix (at) * G_USEC_PER_SEC : 0;
}

char *
gest_agenda_first_name (const char *full_name)
{
  g_auto(GStrv) words = g_strsplit_set (full_name != NULL ? full_name : "", " \t", -1);

  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0')
      return g_strdup (words[i]);
  return g_strdup ("");
}

char *
gest_agenda_public_name (const char *full_name)
{
  g_auto(GStrv) all = g_strsplit_set (full_name != NULL ? full_name : "", " \t", -1);
  g_autoptr(GPtrArray) words = g_ptr_array_new ();
  const char *surname;
  gunichar initial;
  char buf[8] = { 0 };

  for (guint i = 0; all[i] != NULL; i++)
    if (all[i][0] != '\0')
      g_ptr_array_add (words, all[i]);
  if (words->len == 0)
    return g_strdup ("");
  if (words->len == 1)
    return g_strdup (g_ptr_array_index (words, 0));
  /* Given names, then two surnames: the first surname is the one before the last. */
  surname = g_ptr_array_index (words, words->len >= 3 ? words->len - 2 : 1);
  initial = g_unichar_toupper (g_utf8_get_char (surname));
  g_unichar_to_utf8 (initial, buf);
  return g_strdup_printf ("%s %s.", (const char *) g_ptr_array_index (words, 0), buf);
}
