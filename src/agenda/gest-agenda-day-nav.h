/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* The day navigation of the agenda's day pages (issue 15): the day's label (dd/mm/yyyy), then
 * "Previous Day", "Today" and "Next Day". It holds the day; "day-changed" is emitted whenever
 * the day changes, by a button or by gest_agenda_day_nav_set_day(). */
#define GEST_TYPE_AGENDA_DAY_NAV (gest_agenda_day_nav_get_type ())
G_DECLARE_FINAL_TYPE (GestAgendaDayNav, gest_agenda_day_nav, GEST, AGENDA_DAY_NAV, GtkWidget)

/* Starts on today. */
GtkWidget  *gest_agenda_day_nav_new     (void);
/* @day 'yyyy-mm-dd'. */
void        gest_agenda_day_nav_set_day (GestAgendaDayNav *self,
                                         const char       *day);
const char *gest_agenda_day_nav_get_day (GestAgendaDayNav *self);

G_END_DECLS
