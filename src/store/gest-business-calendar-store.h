/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gest-business-calendar.h"
#include "gest-store.h"

G_BEGIN_DECLS

/* The dealer's business calendar as stored: working hours in settings calendar.hours.<0..6>
 * ("09:00-18:00", "" closed; unset: Monday to Friday 09:00-18:00) and holidays in
 * business_holidays (synced as entity "holiday"). A year that has rows there (the dealer edited
 * it) has exactly those holidays: editing a year first preloads its legal holidays, and a
 * holiday removed stays as a deleted row. A year without rows has the law's. Changes need
 * GEST_PERMISSION_DEALER_SETTINGS and run in the caller's transaction. */

/* The calendar in the dealer's time zone, NULL with @error on a database error. */
GestBusinessCalendar *gest_business_calendar_load        (GestStore    *store,
                                                          GError      **error);
/* Saves the hours of the seven weekdays (0 Sunday ... 6 Saturday; open == close: closed). */
gboolean              gest_business_calendar_save_hours  (GestStore    *store,
                                                          const int     open_minute[GEST_BUSINESS_N_WEEKDAYS],
                                                          const int     close_minute[GEST_BUSINESS_N_WEEKDAYS],
                                                          GError      **error);

typedef struct
{
  GDate     day;
  char     *name;
  gboolean  legal;   /* a holiday by law on that day */
} GestBusinessHoliday;

void                  gest_business_holiday_free         (GestBusinessHoliday *holiday);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GestBusinessHoliday, gest_business_holiday_free)

/* @year's holidays in date order (GestBusinessHoliday, free func set). */
GPtrArray            *gest_business_holidays_list        (GestStore    *store,
                                                          int           year,
                                                          GError      **error);
/* Makes @day a holiday called @name (required), or renames it. */
gboolean              gest_business_holidays_set         (GestStore    *store,
                                                          const GDate  *day,
                                                          const char   *name,
                                                          GError      **error);
/* @day is worked: refused when it is no holiday. */
gboolean              gest_business_holidays_remove      (GestStore    *store,
                                                          const GDate  *day,
                                                          GError      **error);

G_END_DECLS
