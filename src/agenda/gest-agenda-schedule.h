/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "gest-store.h"

G_BEGIN_DECLS

/* The advisors' working hours, breaks, blocked time and slot capacity (S12; issue 15). The
 * advisors are the active users with the service-advisor role that have a schedule. */

typedef struct
{
  char *advisor_uuid;
  char *advisor_name;
  int   weekday;            /* ISO 1..7 */
  int   starts_min;
  int   ends_min;
  int   break_starts_min;   /* -1: no break */
  int   break_ends_min;
  int   slot_minutes;
  int   capacity;
} GestAgendaSchedule;

void gest_agenda_schedule_free (GestAgendaSchedule *schedule);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GestAgendaSchedule, gest_agenda_schedule_free)

/* The advisors with a schedule, ordered by name: element type GestAgendaSchedule with only
 * advisor_uuid and advisor_name set. */
GPtrArray *gest_agenda_advisors        (GestStore                 *store,
                                        GError                   **error);
/* Every schedule row (all advisors, all weekdays): element type GestAgendaSchedule. */
GPtrArray *gest_agenda_schedules       (GestStore                 *store,
                                        GError                   **error);
/* Sets (inserts or replaces) one advisor's hours on one weekday; validated (end after start,
 * the break inside the hours, slot 5–240 min, capacity 1–20). Permission agenda.schedules. */
gboolean   gest_agenda_schedule_set    (GestStore                 *store,
                                        const GestAgendaSchedule  *schedule,
                                        GError                   **error);
gboolean   gest_agenda_schedule_clear  (GestStore                 *store,
                                        const char                *advisor_uuid,
                                        int                        weekday,
                                        GError                   **error);
/* Blocked time (a course, a day off); refused when reservations already fall in it (they are
 * named). Returns the block's uuid. */
char      *gest_agenda_block_add       (GestStore                 *store,
                                        const char                *advisor_uuid,
                                        const char                *day,
                                        int                        starts_min,
                                        int                        ends_min,
                                        const char                *reason,
                                        GError                   **error);
gboolean   gest_agenda_block_remove    (GestStore                 *store,
                                        const char                *uuid,
                                        GError                   **error);

/* Whether @advisor_uuid can take a reservation at @day @starts_min for @duration_min,
 * ignoring @ignore_uuid (the reservation being moved): FALSE with a GEST_ERROR_CONFLICT (slot
 * full) or GEST_ERROR_INVALID (outside hours, in the break, blocked, a holiday, in the past
 * when @now > 0) whose message says why and what to do. */
gboolean   gest_agenda_slot_check      (GestStore                 *store,
                                        const char                *advisor_uuid,
                                        const char                *day,
                                        int                        starts_min,
                                        int                        duration_min,
                                        const char                *ignore_uuid,
                                        gint64                     now,
                                        GError                   **error);

/* The slot check's first rule, needing no database: FALSE with its GEST_ERROR_INVALID when
 * @day @starts_min is before @now (the views refuse a past slot with it). */
gboolean   gest_agenda_slot_check_not_past (const char            *day,
                                            int                    starts_min,
                                            gint64                 now,
                                            GError               **error);

/* One slot of one advisor on one day, for the views and the website. */
typedef struct
{
  char *advisor_uuid;
  int   starts_min;
  int   capacity;
  int   taken;
  gboolean blocked;         /* blocked time or the break */
} GestAgendaSlot;

/* The slots of [@from_day, @to_day] of every advisor, from the schedules, blocks and the
 * reservations counted in SQL: a hash table day → GPtrArray of GestAgendaSlot (g_free'd
 * strings inside; destroy functions set). */
GHashTable *gest_agenda_slots_range    (GestStore                 *store,
                                        const char                *from_day,
                                        const char                *to_day,
                                        GError                   **error);

G_END_DECLS
