/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-complaint-sla"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-activity-log.h"
#include "gest-business-calendar-store.h"
#include "gest-complaint-sla.h"
#include "gest-date.h"
#include "gest-error.h"

/* The SLA clocks of a case (gest-complaint-sla.h). The clocks count business time of the
 * dealer's calendar over the case's active intervals: from its creation, minus the pauses
 * recorded in complaint_sla_events (waiting on the customer, and the closure, which stops the
 * clock until a reopen). This file reads and writes only the SLA columns of complaints and
 * the events, so it does not depend on the rest of the case's model. */

/* The daily work on a case (gest-complaint-workflow.h, GEST_COMPLAINT_PERMISSION_WORK). */
#define PERMISSION_WORK "complaints.work"
#define USEC_PER_HOUR   (G_USEC_PER_SEC * (gint64) 3600)
#define CLOSED_NOTE     N_("The case was closed: the clock stops until it is reopened.")

typedef struct
{
  GestComplaintKind kind;
  int               stage;
  gint64            stage_since;
  gint64            created_at;
  gint64            in_process_sent_at;   /* 0: NULL */
  gint64            first_response_at;
  gint64            closed_at;
  gboolean          waiting;
  gint64            response_due_at;
  gint64            resolution_due_at;
  int               sla_state;
} CaseRow;

typedef struct
{
  gint64 start;
  gint64 end;       /* G_MAXINT64 while it runs */
} Interval;

/* One clock as of a moment. */
typedef struct
{
  gint64   used;      /* business µs */
  gint64   due;       /* the moment the target was or will be reached; 0: not while paused */
  gboolean stopped;   /* answered, or closed */
  gboolean missed;
  gboolean at_risk;
} ClockState;

static void
sla_event_free (GestComplaintSlaEvent *event)
{
  g_free (event->kind);
  g_free (event->note);
  g_free (event);
}

static int
target_setting (GestStore  *store,
                const char *kind_id,
                const char *which,
                int         fallback)
{
  g_autofree char *key = g_strdup_printf ("complaints.sla.%s.%s-hours", kind_id, which);
  g_autofree char *text = gest_store_get_setting (store, key);
  guint64 v;

  if (text != NULL && g_ascii_string_to_unsigned (text, 10, 1, 10000, &v, NULL))
    return (int) v;
  return fallback;
}

void
gest_complaint_sla_get_targets (GestStore               *store,
                                GestComplaintKind        kind,
                                GestComplaintSlaTargets *out)
{
  const char *id = kind == GEST_COMPLAINT_KIND_CLAIM ? "claim" : "complaint";

  g_return_if_fail (GEST_IS_STORE (store));
  g_return_if_fail (out != NULL);

  out->response_hours = target_setting (store, id, "response", 8);
  out->resolution_hours = target_setting (store, id, "resolution",
                                          kind == GEST_COMPLAINT_KIND_CLAIM ? 120 : 80);
}

static gint64
column_time (sqlite3_stmt *stmt,
             int           col)
{
  return sqlite3_column_type (stmt, col) == SQLITE_NULL ? 0 : sqlite3_column_int64 (stmt, col);
}

static gboolean
load_case (GestStore   *store,
           const char  *uuid,
           CaseRow     *row,
           GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = gest_store_prepare_cached (store,
                                    "SELECT kind, stage, stage_since, created_at, in_process_sent_at, "
                                    "first_response_at, closed_at, waiting_customer, response_due_at, "
                                    "resolution_due_at, sla_state "
                                    "FROM complaints WHERE uuid = ?1 AND deleted = 0", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      row->kind = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "claim") == 0
                  ? GEST_COMPLAINT_KIND_CLAIM : GEST_COMPLAINT_KIND_COMPLAINT;
      row->stage = sqlite3_column_int (stmt, 1);
      row->stage_since = sqlite3_column_int64 (stmt, 2);
      row->created_at = sqlite3_column_int64 (stmt, 3);
      row->in_process_sent_at = column_time (stmt, 4);
      row->first_response_at = column_time (stmt, 5);
      row->closed_at = column_time (stmt, 6);
      row->waiting = sqlite3_column_int (stmt, 7) != 0;
      row->response_due_at = column_time (stmt, 8);
      row->resolution_due_at = column_time (stmt, 9);
      row->sla_state = sqlite3_column_int (stmt, 10);
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_NOT_FOUND,
                   _("The case %s does not exist or was deleted."), uuid);
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    return gest_store_set_error (store, error);
  return TRUE;
}

/* The case's events, oldest first (GestComplaintSlaEvent). */
static GPtrArray *
load_events (GestStore   *store,
             const char  *uuid,
             GError     **error)
{
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func ((GDestroyNotify) sla_event_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = gest_store_prepare_cached (store,
                                    "SELECT kind, at, note FROM complaint_sla_events "
                                    "WHERE complaint_uuid = ?1 AND deleted = 0 ORDER BY at, rowid", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GestComplaintSlaEvent *event = g_new0 (GestComplaintSlaEvent, 1);

      event->kind = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      event->at = sqlite3_column_int64 (stmt, 1);
      event->note = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      g_ptr_array_add (events, event);
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    {
      gest_store_set_error (store, error);
      return NULL;
    }
  return g_steal_pointer (&events);
}

static gboolean
insert_event (GestStore   *store,
              const char  *uuid,
              const char  *kind,
              gint64       at,
              const char  *note,
              GError     **error)
{
  g_autofree char *event_uuid = gest_uuid_new ();
  sqlite3_stmt *stmt;
  int rc;

  stmt = gest_store_prepare_cached (store,
                                    "INSERT INTO complaint_sla_events (uuid, complaint_uuid, kind, at, note, updated_at) "
                                    "VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, event_uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, kind, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, at);
  sqlite3_bind_text (stmt, 5, note != NULL ? note : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 6, gest_timestamp_now ());
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    return gest_store_set_error (store, error);
  return TRUE;
}

static gboolean
is_kind (const GestComplaintSlaEvent *event,
         const char                  *kind)
{
  return g_strcmp0 (event->kind, kind) == 0;
}

/* Whether the clock runs after the last event (no pause pending). */
static gboolean
running_after (GPtrArray *events)
{
  gboolean running = TRUE;

  for (guint i = 0; i < events->len; i++)
    {
      GestComplaintSlaEvent *e = g_ptr_array_index (events, i);

      if (is_kind (e, "pause"))
        running = FALSE;
      else if (is_kind (e, "resume") || is_kind (e, "reopen"))
        running = TRUE;
    }
  return running;
}

/* Whether an event of @kind was recorded after the last reopen. */
static gboolean
recorded_since_reopen (GPtrArray  *events,
                       const char *kind)
{
  gboolean found = FALSE;

  for (guint i = 0; i < events->len; i++)
    {
      GestComplaintSlaEvent *e = g_ptr_array_index (events, i);

      if (is_kind (e, "reopen"))
        found = FALSE;
      else if (is_kind (e, kind))
        found = TRUE;
    }
  return found;
}

static gboolean
recorded (GPtrArray  *events,
          const char *kind)
{
  for (guint i = 0; i < events->len; i++)
    if (is_kind (g_ptr_array_index (events, i), kind))
      return TRUE;
  return FALSE;
}

/* The intervals in which the clocks run: from the creation, cut by pauses. */
static GArray *
active_intervals (const CaseRow *row,
                  GPtrArray     *events)
{
  GArray *intervals = g_array_new (FALSE, FALSE, sizeof (Interval));
  Interval current = { row->created_at, G_MAXINT64 };
  gboolean running = TRUE;

  for (guint i = 0; i < events->len; i++)
    {
      GestComplaintSlaEvent *e = g_ptr_array_index (events, i);

      if (is_kind (e, "pause") && running)
        {
          current.end = MAX (e->at, current.start);
          g_array_append_val (intervals, current);
          running = FALSE;
        }
      else if ((is_kind (e, "resume") || is_kind (e, "reopen")) && !running)
        {
          current.start = e->at;
          current.end = G_MAXINT64;
          running = TRUE;
        }
    }
  if (running)
    g_array_append_val (intervals, current);
  return intervals;
}

/* One clock of @target_hours that stops at @stop (0: still runs), as of @now. */
static ClockState
clock_state (const GestBusinessCalendar *cal,
             GArray                     *intervals,
             int                         target_hours,
             gint64                      stop,
             gint64                      now)
{
  ClockState st = { 0, };
  gint64 target = target_hours * USEC_PER_HOUR;
  gint64 limit = stop != 0 ? stop : now;
  gint64 cum = 0;

  st.stopped = stop != 0;
  for (guint i = 0; i < intervals->len; i++)
    {
      Interval *iv = &g_array_index (intervals, Interval, i);
      gint64 end = stop != 0 ? MIN (iv->end, stop) : iv->end;

      if (iv->start < limit)
        st.used += gest_business_calendar_span (cal, iv->start, MIN (end, limit));
      if (st.due != 0 || end <= iv->start)
        continue;
      if (end == G_MAXINT64)
        st.due = gest_business_calendar_advance (cal, iv->start, target - cum);
      else
        {
          gint64 span = gest_business_calendar_span (cal, iv->start, end);

          if (cum + span >= target)
            st.due = gest_business_calendar_advance (cal, iv->start, target - cum);
          else
            cum += span;
        }
    }
  st.missed = st.due != 0 && st.due < limit;
  st.at_risk = !st.stopped && !st.missed && st.due != 0 && (target - st.used) * 5 < target;
  return st;
}

static void
compute (const GestBusinessCalendar    *cal,
         const CaseRow                 *row,
         GPtrArray                     *events,
         const GestComplaintSlaTargets *targets,
         gint64                         now,
         ClockState                    *response,
         ClockState                    *resolution)
{
  g_autoptr(GArray) intervals = active_intervals (row, events);
  gint64 answered = row->first_response_at != 0 ? row->first_response_at : row->in_process_sent_at;
  gint64 closed = 0;

  if (row->stage == GEST_COMPLAINT_CLOSED)
    closed = row->closed_at != 0 ? row->closed_at : row->stage_since;
  *response = clock_state (cal, intervals, targets->response_hours, answered, now);
  *resolution = clock_state (cal, intervals, targets->resolution_hours, closed, now);
}

static void
bind_time (sqlite3_stmt *stmt,
           int           n,
           gint64        value)
{
  if (value == 0 || value == G_MAXINT64)
    sqlite3_bind_null (stmt, n);
  else
    sqlite3_bind_int64 (stmt, n, value);
}

gboolean
gest_complaint_sla_update (GestStore   *store,
                           const char  *uuid,
                           gint64       now,
                           GError     **error)
{
  g_autoptr(GestBusinessCalendar) cal = NULL;
  g_autoptr(GPtrArray) events = NULL;
  GestComplaintSlaTargets targets;
  ClockState response, resolution;
  CaseRow row = { 0, };
  gint64 response_due, resolution_due;
  gboolean paused, own = FALSE;
  int state;

  g_return_val_if_fail (GEST_IS_STORE (store), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);

  if (!gest_store_begin_change (store, "gest_complaint_sla", &own, error))
    return FALSE;
  if (!load_case (store, uuid, &row, error) ||
      (events = load_events (store, uuid, error)) == NULL ||
      (cal = gest_business_calendar_load (store, error)) == NULL)
    goto fail;

  /* The first response is the "in process" message (Q6). */
  if (row.first_response_at == 0 && row.in_process_sent_at != 0)
    {
      row.first_response_at = row.in_process_sent_at;
      if (!recorded (events, "first-response") &&
          !insert_event (store, uuid, "first-response", row.first_response_at, "", error))
        goto fail;
    }
  /* A closure stops the clock; a case no longer closed (reopened) and not waiting on the
   * customer runs again, whoever recorded its reopening. */
  if (row.stage == GEST_COMPLAINT_CLOSED && running_after (events))
    {
      gint64 at = row.closed_at != 0 ? row.closed_at : row.stage_since;

      if (!insert_event (store, uuid, "pause", at, _(CLOSED_NOTE), error))
        goto fail;
    }
  else if (row.stage != GEST_COMPLAINT_CLOSED && !row.waiting && !running_after (events) &&
           !insert_event (store, uuid, "reopen", now, "", error))
    goto fail;
  g_clear_pointer (&events, g_ptr_array_unref);
  if ((events = load_events (store, uuid, error)) == NULL)
    goto fail;

  gest_complaint_sla_get_targets (store, row.kind, &targets);
  compute (cal, &row, events, &targets, now, &response, &resolution);
  paused = !running_after (events);

  if (response.missed && !recorded (events, "response-missed") &&
      !insert_event (store, uuid, "response-missed", response.due, "", error))
    goto fail;
  if (resolution.missed && !recorded_since_reopen (events, "resolution-missed") &&
      !insert_event (store, uuid, "resolution-missed", resolution.due, "", error))
    goto fail;

  response_due = response.stopped || paused ? 0 : response.due;
  resolution_due = resolution.stopped || paused ? 0 : resolution.due;
  if (response.missed || resolution.missed)
    state = GEST_COMPLAINT_SLA_MISSED;
  else if (response.at_risk || resolution.at_risk)
    state = GEST_COMPLAINT_SLA_AT_RISK;
  else
    state = GEST_COMPLAINT_SLA_ON_TIME;

  /* Derived columns: written only when they change, without touching updated_at (a clock that
   * moves with time is no edit that should conflict with the analyst's). */
  if (response_due != row.response_due_at || resolution_due != row.resolution_due_at ||
      state != row.sla_state)
    {
      sqlite3_stmt *stmt = gest_store_prepare_cached (store,
                                                      "UPDATE complaints SET first_response_at = ?2, "
                                                      "response_due_at = ?3, resolution_due_at = ?4, "
                                                      "sla_state = ?5 WHERE uuid = ?1", error);
      int rc;

      if (stmt == NULL)
        goto fail;
      sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
      bind_time (stmt, 2, row.first_response_at);
      bind_time (stmt, 3, response_due);
      bind_time (stmt, 4, resolution_due);
      sqlite3_bind_int (stmt, 5, state);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      if (rc != SQLITE_DONE)
        {
          gest_store_set_error (store, error);
          goto fail;
        }
    }
  else if (row.first_response_at != 0)
    {
      sqlite3_stmt *stmt = gest_store_prepare_cached (store,
                                                      "UPDATE complaints SET first_response_at = ?2 "
                                                      "WHERE uuid = ?1 AND first_response_at IS NULL", error);
      int rc;

      if (stmt == NULL)
        goto fail;
      sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, row.first_response_at);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      if (rc != SQLITE_DONE)
        {
          gest_store_set_error (store, error);
          goto fail;
        }
    }
  return gest_store_end_change (store, "gest_complaint_sla", own, TRUE, error);

fail:
  gest_store_end_change (store, "gest_complaint_sla", own, FALSE, NULL);
  return FALSE;
}

gboolean
gest_complaint_set_waiting (GestStore   *store,
                            const char  *uuid,
                            gboolean     waiting,
                            const char  *note,
                            GError     **error)
{
  g_autofree char *text = NULL;
  CaseRow row = { 0, };
  sqlite3_stmt *stmt;
  gboolean own = FALSE;
  gint64 now = gest_timestamp_now ();
  int rc;

  g_return_val_if_fail (GEST_IS_STORE (store), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);

  if (!gest_store_begin_change (store, "gest_complaint_waiting", &own, error))
    return FALSE;
  if (!gest_store_check_permission (store, PERMISSION_WORK, error) ||
      !load_case (store, uuid, &row, error))
    goto fail;
  if (row.waiting == !!waiting)
    {
      g_set_error_literal (error, GEST_ERROR, GEST_ERROR_REFUSED,
                           waiting ? _("The case already waits on the customer: its SLA clock is paused.")
                                   : _("The case is not waiting on the customer: its SLA clock already runs."));
      goto fail;
    }
  if (waiting && row.stage == GEST_COMPLAINT_CLOSED)
    {
      g_set_error_literal (error, GEST_ERROR, GEST_ERROR_REFUSED,
                           _("The case is closed: it cannot wait on the customer. Reopen it first."));
      goto fail;
    }

  stmt = gest_store_prepare_cached (store,
                                    "UPDATE complaints SET waiting_customer = ?2, updated_at = ?3 "
                                    "WHERE uuid = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, waiting ? 1 : 0);
  sqlite3_bind_int64 (stmt, 3, now);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    {
      gest_store_set_error (store, error);
      goto fail;
    }

  if (!insert_event (store, uuid, waiting ? "pause" : "resume", now, note, error))
    goto fail;
  if (note != NULL && *note != '\0')
    text = g_strdup_printf (waiting ? _("Waiting on the customer; the SLA clock is paused: %s")
                                    : _("No longer waiting on the customer; the SLA clock runs again: %s"),
                            note);
  else
    text = g_strdup (waiting ? _("Waiting on the customer; the SLA clock is paused.")
                             : _("No longer waiting on the customer; the SLA clock runs again."));
  if (gest_activity_log_append (store, uuid, GEST_ACTIVITY_STATUS, text, NULL, NULL, error) < 0 ||
      !gest_complaint_sla_update (store, uuid, now, error))
    goto fail;
  return gest_store_end_change (store, "gest_complaint_waiting", own, TRUE, error);

fail:
  gest_store_end_change (store, "gest_complaint_waiting", own, FALSE, NULL);
  return FALSE;
}

GestComplaintSlaClock *
gest_complaint_sla_clock_load (GestStore   *store,
                               const char  *uuid,
                               gint64       now,
                               GError     **error)
{
  g_autoptr(GestBusinessCalendar) cal = NULL;
  g_autoptr(GPtrArray) events = NULL;
  GestComplaintSlaClock *clock;
  ClockState response, resolution;
  CaseRow row = { 0, };

  g_return_val_if_fail (GEST_IS_STORE (store), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  if (!load_case (store, uuid, &row, error) ||
      (events = load_events (store, uuid, error)) == NULL ||
      (cal = gest_business_calendar_load (store, error)) == NULL)
    return NULL;
  if (row.first_response_at == 0)
    row.first_response_at = row.in_process_sent_at;

  clock = g_new0 (GestComplaintSlaClock, 1);
  gest_complaint_sla_get_targets (store, row.kind, &clock->targets);
  compute (cal, &row, events, &clock->targets, now, &response, &resolution);
  clock->paused = !running_after (events) && row.stage != GEST_COMPLAINT_CLOSED;
  clock->response_due_at = response.stopped || clock->paused ? 0 : response.due;
  clock->resolution_due_at = resolution.stopped || clock->paused ? 0 : resolution.due;
  if (clock->response_due_at == G_MAXINT64)
    clock->response_due_at = 0;
  if (clock->resolution_due_at == G_MAXINT64)
    clock->resolution_due_at = 0;
  clock->response_minutes = response.used / (G_USEC_PER_SEC * 60);
  clock->resolution_minutes = resolution.used / (G_USEC_PER_SEC * 60);
  if (response.missed || resolution.missed)
    clock->state = GEST_COMPLAINT_SLA_MISSED;
  else if (response.at_risk || resolution.at_risk)
    clock->state = GEST_COMPLAINT_SLA_AT_RISK;
  else
    clock->state = GEST_COMPLAINT_SLA_ON_TIME;
  clock->events = g_steal_pointer (&events);
  return clock;
}

void
gest_complaint_sla_clock_free (GestComplaintSlaClock *clock)
{
  if (clock == NULL)
    return;
  g_clear_pointer (&clock->events, g_ptr_array_unref);
  g_free (clock);
}
