/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "gest-store.h"

G_BEGIN_DECLS

/* The one retention queue (S5, S6, S8, S15): every day, one list for the service coordinator,
 * gathered from every module's contact sources (GestContactSource: field-action vehicles to
 * contact, lapsed maintenance, parts and quotes to call back on the agreed day, web bookings
 * to confirm...), with the call cadence of each record (contact_targets, contact_calls).
 *
 * The cadence (S6): at least five attempts within a week, at different times of day. A day has
 * three time bands in the dealer's time zone (morning before 12:00, midday 12:00-15:00,
 * afternoon from 15:00); a failed attempt counts only when no counted attempt of the same
 * record was made in the same band of the same day, and the queue offers the next attempt in
 * another band than the last one. After the fifth counted failed attempt the queue stops
 * offering the record and the letter or email goes out (S15, gest-contact-letter.h), in the
 * same transaction as the call.
 *
 * Changes follow gest-campaign.h's rules: permission (ids "retention.*"), transaction, the
 * activity entry of the signed-in user, translated refusals. */

typedef enum
{
  GEST_CONTACT_BAND_MORNING,    /* before 12:00 */
  GEST_CONTACT_BAND_MIDDAY,     /* 12:00 to 15:00 */
  GEST_CONTACT_BAND_AFTERNOON,  /* from 15:00 */
  GEST_N_CONTACT_BANDS
} GestContactBand;

typedef enum
{
  GEST_CALL_CONTACTED,      /* "contacted": reached, informed */
  GEST_CALL_NO_ANSWER,      /* "no-answer" */
  GEST_CALL_WRONG_NUMBER,   /* "wrong-number" */
  GEST_CALL_CALL_BACK,      /* "call-back": asked to be called at call_back_at */
  GEST_CALL_REFUSED,        /* "refused" */
  GEST_CALL_BOOKED,         /* "booked": an appointment was made */
  GEST_N_CALL_OUTCOMES
} GestCallOutcome;

#define GEST_CONTACT_ATTEMPTS 5   /* S6, S15 */

const char *gest_contact_band_label   (GestContactBand band);         /* "Mañana (antes de 12:00)" */
/* The band of @at in the dealer's time zone. */
GestContactBand gest_contact_band_of  (gint64          at);
const char *gest_call_outcome_id      (GestCallOutcome outcome);
const char *gest_call_outcome_label   (GestCallOutcome outcome);
gboolean    gest_call_outcome_from_id (const char     *id,
                                       GestCallOutcome *out);
/* Whether @outcome is a failed attempt (no answer, wrong number): it may count toward the five.
 * A call back reached the customer: it reschedules (call_back_at) and does not count. */
gboolean    gest_call_outcome_failed  (GestCallOutcome outcome);

/* One row of the day's queue. */
typedef struct
{
  char            *source;          /* GestContactSource id */
  char            *reason;          /* its label, translated */
  char            *record_uuid;
  char            *target_uuid;     /* NULL before the first call */
  char            *customer_uuid;
  char            *customer_name;
  char            *vehicle_uuid;    /* may be NULL */
  char            *vehicle_text;    /* "Ford Ranger 2022 · 1FTFW1E5…" */
  char            *phone;           /* the best number to dial first ("" when none) */
  char            *due_on;          /* yyyy-mm-dd */
  char            *detail;
  guint            attempts;        /* counted failed attempts so far */
  GestContactBand  next_band;       /* the band to call in next */
  gint64           next_attempt_at; /* 0: now */
  guint            n_open_field_actions;  /* S8: told whatever the reason */
  int              priority;
} GestContactItem;

void       gest_contact_item_free  (GestContactItem *item);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GestContactItem, gest_contact_item_free)

/* The queue of @now's day (the dealer's day): every source's records due today or earlier that
 * are not finished (contacted, booked, refused, letter sent) and whose next attempt is due by
 * the end of the day, by priority, then due day, then name. GPtrArray of GestContactItem.
 * Read-only: any thread, with a read-only connection (the page runs it in a GTask). */
GPtrArray *gest_contact_queue_today (GestStore     *store,
                                     gint64         now,
                                     GCancellable  *cancellable,
                                     GError       **error);

/* A call made now (@at) to a queue row, by the signed-in user: logs it (contact_calls and the
 * activity of the record and of the customer), creates the target on the first call, counts
 * the attempt by its band, schedules the next one in another band, tells the source's module
 * the outcome (gest_domain_module_contact_outcome()), and on the fifth counted failure
 * creates the letter or email (S15). @field_actions_told: the codes of the open field actions
 * the coordinator told (S8); the call is refused when the vehicle has open field actions and
 * the outcome is contacted, booked or refused but none was told. @call_back_at: required for
 * CALL_BACK. @out_target_uuid: the target's uuid. */
gboolean   gest_contact_call_record (GestStore       *store,
                                     const char      *source,
                                     const char      *record_uuid,
                                     gint64           at,
                                     const char      *number_dialled,
                                     GestCallOutcome  outcome,
                                     gint64           call_back_at,
                                     const char      *field_actions_told,
                                     const char      *note,
                                     char           **out_target_uuid,
                                     GError         **error);

/* One logged call, for the call panel's history. */
typedef struct
{
  char            *uuid;
  gint64           at;
  char            *user_name;
  char            *number_dialled;
  GestCallOutcome  outcome;
  gint64           call_back_at;
  GestContactBand  band;
  gboolean         counted;
  char            *field_actions;
  char            *note;
} GestContactCall;

void       gest_contact_call_free  (GestContactCall *call);
/* The calls of (@source, @record_uuid), oldest first: GPtrArray of GestContactCall. */
GPtrArray *gest_contact_calls_list (GestStore   *store,
                                    const char  *source,
                                    const char  *record_uuid,
                                    GError     **error);

/* The target uuid of (@source, @record_uuid): derived, the same on every desktop. */
char      *gest_contact_target_uuid (const char *source,
                                     const char *record_uuid);

G_END_DECLS
