/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Small text helpers of the agenda's pages (issue 15), GLib only. */

/* "09:30" of minutes since midnight. */
char     *gest_agenda_time_text      (int          minutes);
/* "09:30" → 570; FALSE when it is not a time of day ("9:30" is fine, "24:00" is not). */
gboolean  gest_agenda_time_parse     (const char  *text,
                                      int         *out_minutes);
/* "35,000 km" (the separator of the forms: a comma, as Mexico writes it). */
char     *gest_agenda_km_text        (int          km);
/* "dd/mm/yyyy" of a 'yyyy-mm-dd', or a copy of @iso when it is not one ("" for NULL). */
char     *gest_agenda_day_text       (const char  *iso);
/* 'yyyy-mm-dd' of today (@offset_days later) in the dealer's time zone. */
char     *gest_agenda_today_iso      (int          offset_days);
/* 'yyyy-mm-dd' of @iso plus @days. */
char     *gest_agenda_day_add        (const char  *iso,
                                      int          days);
/* The unix µs of @iso at @minutes in the dealer's time zone (0 when @iso is no day). */
gint64    gest_agenda_day_moment     (const char  *iso,
                                      int          minutes);
/* What the reception's screen shows of a customer (S12): the first name and the initial of
 * the first surname, "Juan P." for "Juan Pérez López" (of Mexican names' usual order: the
 * given names, then the two surnames; "María José Pérez López" → "María P."). */
char     *gest_agenda_public_name    (const char  *full_name);
/* The first word of @full_name ("Luis" of "Luis Hernández Peña"). */
char     *gest_agenda_first_name     (const char  *full_name);

G_END_DECLS
