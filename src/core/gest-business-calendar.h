/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The dealer's business calendar: working hours per weekday, Mexico's legal holidays (Ley
 * Federal del Trabajo, art. 74) and the dealer's own, and the business time between two
 * moments or after a moment, in the dealer's time zone. Pure: no database (the store side is
 * src/store/gest-business-calendar-store.h). Moments are unix µs; days GDate.
 *
 * A year's holidays are the legal ones plus those added, unless the year was made explicit
 * (gest_business_calendar_set_year_explicit()): then only the ones added count, which is how
 * the dealer's edited list (preloaded with the legal ones) replaces the law's. */
typedef struct _GestBusinessCalendar GestBusinessCalendar;

/* Weekdays as the settings calendar.hours.<n> number them: 0 Sunday ... 6 Saturday. */
#define GEST_BUSINESS_N_WEEKDAYS 7

typedef struct
{
  GDate       day;
  const char *name;   /* translated for the legal ones; borrowed */
} GestHoliday;

/* Mexico's legal holidays of @year, in date order (GestHoliday, names translated). */
GArray               *gest_business_calendar_legal_holidays (int year);
/* Whether @day is a legal holiday by law, with its translated name. */
gboolean              gest_business_calendar_is_legal_holiday (const GDate  *day,
                                                               const char  **name);

/* A calendar in @tz (NULL: gest_dealer_timezone()) open Monday to Friday 09:00-18:00, with the
 * legal holidays. */
GestBusinessCalendar *gest_business_calendar_new        (GTimeZone            *tz);
GestBusinessCalendar *gest_business_calendar_copy       (const GestBusinessCalendar *self);
void                  gest_business_calendar_free       (GestBusinessCalendar *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GestBusinessCalendar, gest_business_calendar_free)

GTimeZone            *gest_business_calendar_get_timezone (const GestBusinessCalendar *self);

/* Working hours of @weekday (0 Sunday ... 6 Saturday) as minutes from midnight, [open, close);
 * open == close means closed that day. */
void                  gest_business_calendar_set_hours  (GestBusinessCalendar *self,
                                                         guint                 weekday,
                                                         int                   open_minute,
                                                         int                   close_minute);
/* FALSE when closed that day. */
gboolean              gest_business_calendar_get_hours  (const GestBusinessCalendar *self,
                                                         guint                 weekday,
                                                         int                  *open_minute,
                                                         int                  *close_minute);
/* "09:00-18:00" → 540 and 1080; "" (or NULL) → closed (both 0). A malformed text or a closing
 * time not after the opening is GEST_ERROR_INVALID, its message saying how to write it. */
gboolean              gest_business_hours_parse         (const char           *text,
                                                         int                  *open_minute,
                                                         int                  *close_minute,
                                                         GError              **error);
/* "09:00-18:00", or "" when closed. */
char                 *gest_business_hours_format        (int                   open_minute,
                                                         int                   close_minute);

void                  gest_business_calendar_add_holiday (GestBusinessCalendar *self,
                                                          const GDate          *day,
                                                          const char           *name);
/* From now on, @year's holidays are only the ones added for it. */
void                  gest_business_calendar_set_year_explicit (GestBusinessCalendar *self,
                                                                int                   year);
/* Whether @day is a holiday of this calendar, and its name (borrowed). */
gboolean              gest_business_calendar_is_holiday (const GestBusinessCalendar *self,
                                                         const GDate          *day,
                                                         const char          **name);
/* @year's holidays of this calendar in date order (GestHoliday, names borrowed from it). */
GArray               *gest_business_calendar_list_holidays (const GestBusinessCalendar *self,
                                                            int                   year);
/* Whether @day has working hours and is no holiday. */
gboolean              gest_business_calendar_is_working_day (const GestBusinessCalendar *self,
                                                             const GDate          *day);
/* The local day (dealer's time zone) of @moment. */
void                  gest_business_calendar_day_of     (const GestBusinessCalendar *self,
                                                         gint64                moment,
                                                         GDate                *out);
/* The last working day strictly before @day (searches a year back at most; @day itself when
 * none). */
void                  gest_business_calendar_previous_working_day (const GestBusinessCalendar *self,
                                                                   const GDate          *day,
                                                                   GDate                *out);

/* Business time between @from and @to (0 when @to <= @from), in µs and in whole minutes. */
gint64                gest_business_calendar_span       (const GestBusinessCalendar *self,
                                                         gint64                from,
                                                         gint64                to);
gint64                gest_business_calendar_minutes_between (const GestBusinessCalendar *self,
                                                              gint64                from,
                                                              gint64                to);
/* The moment @usec of business time after @from: the earliest moment m with span(from, m) ==
 * @usec (so ending at a closing time, never at the next opening). G_MAXINT64 when the
 * calendar has no working hours at all. */
gint64                gest_business_calendar_advance    (const GestBusinessCalendar *self,
                                                         gint64                from,
                                                         gint64                usec);
gint64                gest_business_calendar_add_minutes (const GestBusinessCalendar *self,
                                                          gint64                from,
                                                          gint64                minutes);

G_END_DECLS
