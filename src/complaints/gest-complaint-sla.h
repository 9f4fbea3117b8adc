/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gest-complaint.h"

G_BEGIN_DECLS

/* The SLA clock of a case (issue 13.2) and the daily-log rule (Q7). Times count in business
 * hours of the dealer's calendar (gest-business-calendar.h: working days and hours, Mexican
 * holidays, editable), and stop while the case waits on the customer.
 *
 * Targets per kind, in business hours: settings complaints.sla.<kind>.response-hours and
 * complaints.sla.<kind>.resolution-hours (complaint: 8 and 80, claim: 8 and 120 unless set).
 * The first response is the "in process" message (Q6); the resolution is the closure. A clock
 * is "at risk" when less than a fifth of its target is left. */
typedef struct
{
  int response_hours;
  int resolution_hours;
} GestComplaintSlaTargets;

void      gest_complaint_sla_get_targets (GestStore               *store,
                                          GestComplaintKind        kind,
                                          GestComplaintSlaTargets *out);

/* Recomputes the case's response_due_at, resolution_due_at and sla_state from its events
 * and stage as of @now, and records a "response-missed"/"resolution-missed" event the first
 * time a clock passes its due moment. In the caller's transaction; every change of a case
 * calls it after writing. */
gboolean  gest_complaint_sla_update      (GestStore     *store,
                                          const char    *uuid,
                                          gint64         now,
                                          GError       **error);
/* The case starts or stops waiting on the customer: a pause/resume event, an entry in the
 * case's log with @note, and the clocks recomputed. Refused when it already is so. */
gboolean  gest_complaint_set_waiting     (GestStore     *store,
                                          const char    *uuid,
                                          gboolean       waiting,
                                          const char    *note,
                                          GError       **error);

typedef struct
{
  char   *kind;   /* pause, resume, first-response, response-missed, resolution-missed, reopen */
  gint64  at;
  char   *note;
} GestComplaintSlaEvent;

/* The clock as the case's detail shows it. */
typedef struct
{
  GestComplaintSlaState  state;
  gboolean               paused;
  gint64                 response_due_at;      /* 0 when answered or paused */
  gint64                 resolution_due_at;    /* 0 when closed or paused */
  gint64                 response_minutes;     /* business minutes used so far (or until answered) */
  gint64                 resolution_minutes;   /* business minutes used so far (or until closed) */
  GestComplaintSlaTargets targets;
  GPtrArray             *events;               /* GestComplaintSlaEvent, oldest first */
} GestComplaintSlaClock;

GestComplaintSlaClock *gest_complaint_sla_clock_load (GestStore    *store,
                                                      const char   *uuid,
                                                      gint64        now,
                                                      GError      **error);
void      gest_complaint_sla_clock_free  (GestComplaintSlaClock *clock);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GestComplaintSlaClock, gest_complaint_sla_clock_free)

/* Q7: whether a case whose last log entry was on @last_log_day (YYYY-MM-DD in the dealer's
 * time zone, NULL for none) has an entry on the day of @now (unix µs) in the dealer's time
 * zone. */
gboolean  gest_complaint_logged_today    (const char    *last_log_day,
                                          gint64         now);
/* The day (YYYY-MM-DD) of @now in the dealer's time zone, as last_log_day stores it. */
char     *gest_complaint_log_day         (gint64         now);

/* Q7: the morning summary for the head of customer service: the open cases without an entry
 * yesterday or today ("yesterday" is the calendar's last working day, so Monday's summary
 * does not list every case logged on Friday; cases opened today are not listed), the
 * SLA clocks missed and at risk (as last computed), the tasks overdue; a translated plain
 * text, NULL with @error on a database error. */
char     *gest_complaint_morning_summary (GestStore     *store,
                                          gint64         now,
                                          GError       **error);
/* Recomputes the clocks of every open case as of @now (the states move with time alone). */
gboolean  gest_complaint_sla_refresh_open (GestStore    *store,
                                           gint64        now,
                                           GError      **error);
/* Q7: once a working day of the calendar, from the hour of setting complaints.summary-hour
 * (0-23, default 8) in the dealer's time zone on, refreshes the clocks and queues the morning
 * summary by email (through the outbox) to every active head of customer service (cs-head)
 * with an email; the day sent is kept in setting complaints.summary-sent-day. TRUE also
 * when nothing was due. Not a user's change: no permission, no activity entry. */
gboolean  gest_complaint_morning_summary_send_if_due (GestStore  *store,
                                                      gint64      now,
                                                      GError    **error);

G_END_DECLS
