/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-contact-calls"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "gest-activity-log.h"
#include "gest-business-calendar-store.h"
#include "gest-campaign.h"
#include "gest-contact-cadence.h"
#include "gest-contact-letter.h"
#include "gest-contact-queue-private.h"
#include "gest-date.h"
#include "gest-domain-module.h"
#include "gest-retention-workflow.h"

/* The target as stored, or as the first call creates it. */
typedef struct
{
  char    *uuid;
  char    *customer_uuid;
  char    *vehicle_uuid;
  char    *state;
  guint    attempts;
  gboolean exists;
} Target;

static void
target_clear (Target *target)
{
  g_clear_pointer (&target->uuid, g_free);
  g_clear_pointer (&target->customer_uuid, g_free);
  g_clear_pointer (&target->vehicle_uuid, g_free);
  g_clear_pointer (&target->state, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Target, target_clear)

static gboolean
load_target (GestStore  *store,
             Target     *target,
             GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    gest_store_prepare (store,
                        "SELECT customer_uuid, vehicle_uuid, state, attempts FROM contact_targets"
                        " WHERE uuid = ?1 AND deleted = 0", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, target->uuid, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      target->exists = TRUE;
      target->customer_uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      target->vehicle_uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      target->state = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      target->attempts = sqlite3_column_int (stmt, 3);
      return TRUE;
    }
  return rc == SQLITE_DONE || gest_store_set_error (store, error);
}

/* The first call of a record: its customer and vehicle as its source lists it today. */
static gboolean
find_in_source (GestStore               *store,
                const GestContactSource *source,
                const char              *record_uuid,
                gint64                   at,
                Target                  *target,
                GError                 **error)
{
  /* The source's columns by position, whatever their names in its SQL. */
  g_autofree char *sql = g_strdup_printf ("WITH s (record_uuid, customer_uuid, vehicle_uuid, due_on, detail)"
                                          " AS (%s) SELECT customer_uuid, vehicle_uuid FROM s"
                                          " WHERE record_uuid = :record LIMIT 1", source->sql);
  g_autofree char *today = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int index;
  int rc;

  gest_contact_queue_end_of_day (at, &today);
  stmt = gest_store_prepare (store, sql, error);
  if (stmt == NULL)
    return FALSE;
  if ((index = sqlite3_bind_parameter_index (stmt, ":today")) > 0)
    sqlite3_bind_text (stmt, index, today, -1, SQLITE_STATIC);
  if ((index = sqlite3_bind_parameter_index (stmt, ":now")) > 0)
    sqlite3_bind_int64 (stmt, index, at);
  sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":record"), record_uuid, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    {
      target->customer_uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      target->vehicle_uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      return TRUE;
    }
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return gest_store_set_error (store, error);
  g_set_error (error, GEST_ERROR, GEST_ERROR_REFUSED,
               _("This customer is no longer in the day’s queue for “%s”: refresh the queue and call the next one."),
               _(source->label));
  return FALSE;
}

/* The band of the last counted attempt of @target_uuid, -1 when none. */
static gboolean
last_counted_band (GestStore   *store,
                   const char  *target_uuid,
                   int         *out_band,
                   GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    gest_store_prepare (store,
                        "SELECT band FROM contact_calls WHERE target_uuid = ?1 AND counted = 1"
                        " AND deleted = 0 ORDER BY at DESC, rowid DESC LIMIT 1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, target_uuid, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  *out_band = rc == SQLITE_ROW ? sqlite3_column_int (stmt, 0) : -1;
  return rc == SQLITE_ROW || rc == SQLITE_DONE || gest_store_set_error (store, error);
}

/* S8: the vehicle's open field actions must have been told when the customer was reached. */
static gboolean
check_field_actions (GestStore       *store,
                     const char      *vehicle_uuid,
                     GestCallOutcome  outcome,
                     const char      *told,
                     GError         **error)
{
  g_autoptr(GPtrArray) actions = NULL;
  g_autoptr(GString) list = NULL;

  if (vehicle_uuid == NULL || *vehicle_uuid == '\0' || gest_call_outcome_failed (outcome) ||
      outcome == GEST_CALL_CALL_BACK || *told != '\0')
    return TRUE;
  actions = gest_campaign_open_actions_for_vehicle (store, vehicle_uuid, error);
  if (actions == NULL)
    return FALSE;
  if (actions->len == 0)
    return TRUE;
  list = g_string_new (NULL);
  for (guint i = 0; i < actions->len; i++)
    {
      GestOpenFieldAction *action = g_ptr_array_index (actions, i);

      if (i > 0)
        g_string_append (list, "; ");
      g_string_append_printf (list, "%s (%s): %s", action->code,
                              gest_campaign_kind_label (action->kind), action->description);
    }
  g_set_error (error, GEST_ERROR, GEST_ERROR_REFUSED,
               _("Tell the customer about the vehicle’s open field actions and mark those you told "
                 "before you record the call: %s."), list->str);
  return FALSE;
}

static char *
normalize_codes (const char *text)
{
  g_auto(GStrv) words = g_strsplit_set (text != NULL ? text : "", " ,;\t\n", -1);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0')
      {
        if (out->len > 0)
          g_string_append_c (out, ' ');
        g_string_append (out, words[i]);
      }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gboolean
insert_target (GestStore   *store,
               const char  *source,
               const char  *record_uuid,
               Target      *target,
               gint64       at,
               gint64       now,
               GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    gest_store_prepare (store,
                        "INSERT INTO contact_targets (uuid, source, record_uuid, customer_uuid,"
                        " vehicle_uuid, state, attempts, opened_at, updated_at)"
                        " VALUES (?1, ?2, ?3, ?4, ?5, 'open', 0, ?6, ?7)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, target->uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, source, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, record_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, target->customer_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, target->vehicle_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 6, at);
  sqlite3_bind_int64 (stmt, 7, now);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return gest_store_set_error (store, error);
  target->exists = TRUE;
  target->state = g_strdup ("open");
  return TRUE;
}

typedef struct
{
  const char      *number;
  GestCallOutcome  outcome;
  gint64           at;
  gint64           call_back_at;
  GestContactBand  band;
  gboolean         counted;
  const char      *told;
  const char      *note;
} Call;

static gboolean
insert_call (GestStore   *store,
             const char  *target_uuid,
             const Call  *call,
             gint64       now,
             GError     **error)
{
  GestUser *user = gest_store_get_user (store);
  g_autofree char *user_name = gest_store_get_user_name (store);
  g_autofree char *uuid = gest_uuid_new ();
  g_autoptr(sqlite3_stmt) stmt =
    gest_store_prepare (store,
                        "INSERT INTO contact_calls (uuid, target_uuid, at, user_uuid, user_name,"
                        " number_dialled, outcome, call_back_at, band, counted, field_actions, note,"
                        " updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
                        error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, target_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, call->at);
  sqlite3_bind_text (stmt, 4, user != NULL ? user->uuid : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, user_name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, call->number, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, gest_call_outcome_id (call->outcome), -1, SQLITE_STATIC);
  if (call->outcome == GEST_CALL_CALL_BACK)
    sqlite3_bind_int64 (stmt, 8, call->call_back_at);
  sqlite3_bind_int (stmt, 9, call->band);
  sqlite3_bind_int (stmt, 10, call->counted ? 1 : 0);
  sqlite3_bind_text (stmt, 11, call->told, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 12, call->note, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 13, now);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return gest_store_set_error (store, error);
  return TRUE;
}

static gboolean
update_target (GestStore   *store,
               const char  *uuid,
               const char  *state,
               guint        attempts,
               gint64       next_attempt_at,
               gint64       closed_at,
               gint64       now,
               GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    gest_store_prepare (store,
                        "UPDATE contact_targets SET state = ?2, attempts = ?3, next_attempt_at = ?4,"
                        " closed_at = ?5, updated_at = ?6 WHERE uuid = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, state, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, attempts);
  if (next_attempt_at > 0)
    sqlite3_bind_int64 (stmt, 4, next_attempt_at);
  if (closed_at > 0)
    sqlite3_bind_int64 (stmt, 5, closed_at);
  sqlite3_bind_int64 (stmt, 6, now);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return gest_store_set_error (store, error);
  return TRUE;
}

/* The data-use rule: a customer reached on the number we hold confirmed it; the contact data
 * is no longer only the recall list's. */
static gboolean
confirm_contact_data (GestStore   *store,
                      const char  *customer_uuid,
                      gint64       now,
                      GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    gest_store_prepare (store,
                        "UPDATE customer_data_origins SET deleted = 1, updated_at = ?2"
                        " WHERE customer_uuid = ?1 AND deleted = 0", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, customer_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, now);
  return sqlite3_step (stmt) == SQLITE_DONE || gest_store_set_error (store, error);
}

static char *
describe_call (const Call *call,
               guint       attempts,
               const char *reason)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (gest_call_outcome_failed (call->outcome) && call->counted)
    /* TRANSLATORS: "Lapsed maintenance: called 5512345678, no answer (attempt 2 of 5, Morning (before 12:00))." */
    g_string_printf (text, _("%s: called %s, %s (attempt %u of %u, %s)."), reason, call->number,
                     gest_call_outcome_label (call->outcome), attempts, GEST_CONTACT_ATTEMPTS,
                     gest_contact_band_label (call->band));
  else if (gest_call_outcome_failed (call->outcome))
    g_string_printf (text, _("%s: called %s, %s (not counted: an attempt in this time band was counted already)."),
                     reason, call->number, gest_call_outcome_label (call->outcome));
  else if (call->outcome == GEST_CALL_CALL_BACK)
    {
      g_autofree char *when = gest_timestamp_format (call->call_back_at);

      g_string_printf (text, _("%s: called %s, asked to be called back on %s."), reason,
                       call->number, when);
    }
  else
    g_string_printf (text, _("%s: called %s, %s."), reason, call->number,
                     gest_call_outcome_label (call->outcome));
  if (*call->told != '\0')
    g_string_append_printf (text, " %s %s.", _("Field actions told:"), call->told);
  if (*call->note != '\0')
    g_string_append_printf (text, " %s", call->note);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static GestContactOutcome
outcome_for_module (GestCallOutcome outcome)
{
  switch (outcome)
    {
    case GEST_CALL_BOOKED:
      return GEST_CONTACT_OUTCOME_BOOKED;
    case GEST_CALL_REFUSED:
      return GEST_CONTACT_OUTCOME_REFUSED;
    case GEST_CALL_CONTACTED:
    case GEST_CALL_NO_ANSWER:
    case GEST_CALL_WRONG_NUMBER:
    case GEST_CALL_CALL_BACK:
    case GEST_N_CALL_OUTCOMES:
    default:
      return GEST_CONTACT_OUTCOME_CONTACTED;
    }
}

static gboolean
record_call (GestStore               *store,
             GestDomainModule        *module,
             const GestContactSource *source,
             const char              *record_uuid,
             Call                    *call,
             Target                  *target,
             GError                 **error)
{
  g_autoptr(GestBusinessCalendar) calendar = NULL;
  g_autofree char *text = NULL;
  const char *state = "open";
  gint64 now = gest_timestamp_now ();
  gint64 next_attempt_at = 0;
  gint64 closed_at = 0;
  guint attempts;
  int last_band;

  if (!gest_store_check_permission (store, GEST_RETENTION_PERMISSION_CALLS, error))
    return FALSE;
  if (*call->number == '\0')
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                   _("Write the number you dialled: every attempt is logged with it."));
      return FALSE;
    }
  if (call->outcome == GEST_CALL_CALL_BACK && call->call_back_at <= call->at)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                   _("Choose when to call back: a day and time after this call."));
      return FALSE;
    }
  if (!load_target (store, target, error))
    return FALSE;
  if (!target->exists &&
      (!find_in_source (store, source, record_uuid, call->at, target, error) ||
       !insert_target (store, source->id, record_uuid, target, call->at, now, error)))
    return FALSE;
  if (g_strcmp0 (target->state, "open") != 0)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_REFUSED,
                   _("The calls to this customer for “%s” are over already (%s): refresh the queue and call the next one."),
                   _(source->label), target->state);
      return FALSE;
    }
  if (!check_field_actions (store, target->vehicle_uuid, call->outcome, call->told, error) ||
      !last_counted_band (store, target->uuid, &last_band, error))
    return FALSE;

  call->band = gest_contact_band_of (call->at);
  call->counted = gest_call_outcome_failed (call->outcome) &&
                  gest_contact_cadence_counts (call->band, last_band);
  attempts = target->attempts + (call->counted ? 1 : 0);
  if (gest_call_outcome_failed (call->outcome))
    {
      if (attempts >= GEST_CONTACT_ATTEMPTS)
        {
          state = "letter";
          closed_at = call->at;
        }
      else
        {
          calendar = gest_business_calendar_load (store, error);
          if (calendar == NULL)
            return FALSE;
          /* Not counted, the call was in the band of the last counted one: the same. */
          next_attempt_at = gest_contact_cadence_next_attempt (calendar, call->at, call->band);
        }
    }
  else if (call->outcome == GEST_CALL_CALL_BACK)
    next_attempt_at = call->call_back_at;
  else
    {
      state = gest_call_outcome_id (call->outcome);
      closed_at = call->at;
    }

  text = describe_call (call, attempts, _(source->label));
  if (!insert_call (store, target->uuid, call, now, error) ||
      !update_target (store, target->uuid, state, attempts, next_attempt_at, closed_at, now, error) ||
      gest_activity_log_append (store, record_uuid, GEST_ACTIVITY_CALL, text, NULL, NULL, error) < 0 ||
      (g_strcmp0 (target->customer_uuid, record_uuid) != 0 &&
       gest_activity_log_append (store, target->customer_uuid, GEST_ACTIVITY_CALL, text, NULL, NULL, error) < 0))
    return FALSE;
  if ((call->outcome == GEST_CALL_CONTACTED || call->outcome == GEST_CALL_BOOKED) &&
      !confirm_contact_data (store, target->customer_uuid, now, error))
    return FALSE;
  if (closed_at > 0 && g_strcmp0 (state, "letter") != 0)
    return gest_domain_module_contact_outcome (module, store, source->id, record_uuid,
                                               outcome_for_module (call->outcome), error);
  if (g_strcmp0 (state, "letter") == 0)
    /* S15: the fifth counted failure sends the letter or email, in this transaction. */
    return gest_domain_module_contact_outcome (module, store, source->id, record_uuid,
                                               GEST_CONTACT_OUTCOME_GAVE_UP, error) &&
           gest_contact_letter_create (store, target->uuid, call->at, error);
  return TRUE;
}

gboolean
gest_contact_call_record (GestStore       *store,
                          const char      *source_id,
                          const char      *record_uuid,
                          gint64           at,
                          const char      *number_dialled,
                          GestCallOutcome  outcome,
                          gint64           call_back_at,
                          const char      *field_actions_told,
                          const char      *note,
                          char           **out_target_uuid,
                          GError         **error)
{
  g_auto(Target) target = { 0 };
  g_autofree char *number = g_strstrip (g_strdup (number_dialled != NULL ? number_dialled : ""));
  g_autofree char *told = normalize_codes (field_actions_told);
  g_autofree char *clean_note = g_strstrip (g_strdup (note != NULL ? note : ""));
  const GestContactSource *source = NULL;
  GestDomainModule *module;
  Call call = { number, outcome, at, call_back_at, 0, FALSE, told, clean_note };
  gboolean own = FALSE;
  gboolean ok;

  g_return_val_if_fail (GEST_IS_STORE (store), FALSE);
  g_return_val_if_fail (source_id != NULL && record_uuid != NULL, FALSE);
  g_return_val_if_fail (outcome < GEST_N_CALL_OUTCOMES, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  module = gest_domain_modules_find_contact_source (source_id, &source);
  if (module == NULL)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                   _("“%s” is no reason to call a customer that this program knows."), source_id);
      return FALSE;
    }
  target.uuid = gest_contact_target_uuid (source_id, record_uuid);
  if (!gest_store_begin_change (store, "gest_contact_call_record", &own, error))
    return FALSE;
  ok = record_call (store, module, source, record_uuid, &call, &target, error);
  if (!gest_store_end_change (store, "gest_contact_call_record", own, ok, error))
    return FALSE;
  if (out_target_uuid != NULL)
    *out_target_uuid = g_steal_pointer (&target.uuid);
  return TRUE;
}
