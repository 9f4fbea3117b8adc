/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-tramite"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-activity-log.h"
#include "gest-date.h"
#include "gest-folio.h"
#include "gest-tramite-private.h"
#include "gest-tramite-workflow.h"

G_DEFINE_BOXED_TYPE (GestTramite, gest_tramite, gest_tramite_copy, gest_tramite_free)

#define SAVEPOINT "gest_tramite"

/* Column order shared by every load; see read_row(). */
#define SELECT_TRAMITE \
  "SELECT t.rowid, t.uuid, t.folio, t.step, t.step_since, t.agreed_amount, t.agreed_date, t.notes, " \
  "       t.plan_uuid, p.number, c.uuid, c.name, " \
  "       coalesce (v.model, ''), coalesce (v.year, 0), coalesce (v.vin, ''), " \
  "       t.statement_balance, t.statement_overdue, t.statement_installment, " \
  "       t.statement_life_insurance, t.statement_as_of, " \
  "       t.routing_area, t.routing_reason, t.routing_low_limit, t.routing_installments, " \
  "       t.docs_sent_at, t.payment_amount, t.payment_date, t.payment_reference, " \
  "       t.payment_proof_uuid, t.insurance_cancelled_at, t.invoice_released_at, " \
  "       t.invoice_delivered_at, t.ack_returned_at, t.created_by, t.created_at, t.updated_at " \
  "FROM tramites t " \
  "JOIN plans p ON p.uuid = t.plan_uuid " \
  "JOIN customers c ON c.uuid = p.customer_uuid " \
  "LEFT JOIN vehicles v ON v.uuid = p.vehicle_uuid "

static char *
dup_column (sqlite3_stmt *stmt,
            int           column)
{
  const unsigned char *text = sqlite3_column_text (stmt, column);

  return text != NULL ? g_strdup ((const char *) text) : NULL;
}

static void
read_date (sqlite3_stmt *stmt,
           int           column,
           GDate        *out)
{
  const unsigned char *text = sqlite3_column_text (stmt, column);

  g_date_clear (out, 1);
  if (text == NULL || !gest_date_from_iso ((const char *) text, out))
    g_date_clear (out, 1);
}

static GestTramite *
read_row (sqlite3_stmt *stmt)
{
  GestTramite *t = g_new0 (GestTramite, 1);
  g_autofree char *model = dup_column (stmt, 12);
  g_autofree char *vin = dup_column (stmt, 14);
  g_autofree char *area_id = dup_column (stmt, 20);

  t->id = sqlite3_column_int64 (stmt, 0);
  t->uuid = dup_column (stmt, 1);
  t->folio = dup_column (stmt, 2);
  t->step = sqlite3_column_int (stmt, 3);
  t->step_since = sqlite3_column_int64 (stmt, 4);
  t->agreed_amount = sqlite3_column_int64 (stmt, 5);
  read_date (stmt, 6, &t->agreed_date);
  t->notes = dup_column (stmt, 7);

  t->statement.plan_uuid = dup_column (stmt, 8);
  t->statement.plan_number = dup_column (stmt, 9);
  t->statement.customer_uuid = dup_column (stmt, 10);
  t->statement.customer_name = dup_column (stmt, 11);
  t->statement.vehicle = gest_plan_statement_format_vehicle (model, sqlite3_column_int (stmt, 13), vin);
  t->statement.balance = sqlite3_column_int64 (stmt, 15);
  t->statement.overdue = sqlite3_column_int64 (stmt, 16);
  t->statement.installment = sqlite3_column_int64 (stmt, 17);
  t->statement.life_insurance = sqlite3_column_int64 (stmt, 18);
  read_date (stmt, 19, &t->statement.as_of);

  if (area_id == NULL || !gest_area_from_id (area_id, &t->routing_area))
    t->routing_area = GEST_AREA_CUSTOMER_SERVICE;
  t->routing_reason = dup_column (stmt, 21);
  t->routing_low_limit = sqlite3_column_int64 (stmt, 22);
  t->routing_installments = (guint) sqlite3_column_int (stmt, 23);

  t->docs_sent_at = sqlite3_column_int64 (stmt, 24);
  t->has_payment = sqlite3_column_type (stmt, 25) != SQLITE_NULL;
  t->payment_amount = sqlite3_column_int64 (stmt, 25);
  read_date (stmt, 26, &t->payment_date);
  t->payment_reference = dup_column (stmt, 27);
  t->payment_proof_uuid = dup_column (stmt, 28);
  t->insurance_cancelled_at = sqlite3_column_int64 (stmt, 29);
  t->invoice_released_at = sqlite3_column_int64 (stmt, 30);
  t->invoice_delivered_at = sqlite3_column_int64 (stmt, 31);
  t->ack_returned_at = sqlite3_column_int64 (stmt, 32);
  t->created_by = dup_column (stmt, 33);
  t->created_at = sqlite3_column_int64 (stmt, 34);
  t->updated_at = sqlite3_column_int64 (stmt, 35);
  return t;
}

/* Loads the row matching "?1" in @where: @text_key when not NULL, else @int_key. */
static GestTramite *
load_where (GestStore   *store,
            const char  *where,
            const char  *text_key,
            gint64       int_key,
            const char  *shown_key,
            GError     **error)
{
  g_autofree char *sql = g_strconcat (SELECT_TRAMITE, where, NULL);
  sqlite3_stmt *stmt;
  GestTramite *tramite = NULL;
  int rc;

  stmt = gest_store_prepare (store, sql, error);
  if (stmt == NULL)
    return NULL;
  if (text_key != NULL)
    sqlite3_bind_text (stmt, 1, text_key, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_int64 (stmt, 1, int_key);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    tramite = read_row (stmt);
  sqlite3_finalize (stmt);

  if (rc == SQLITE_ROW)
    return tramite;
  if (rc != SQLITE_DONE)
    {
      gest_store_set_error (store, error);
      return NULL;
    }
  g_set_error (error, GEST_ERROR, GEST_ERROR_NOT_FOUND,
               _("There is no trámite “%s”. Check the folio, or search for the customer."),
               shown_key);
  return NULL;
}

gboolean
gest_tramite_tx_begin (GestStore  *store,
                       gboolean   *out_own,
                       GError    **error)
{
  return gest_store_begin_change (store, SAVEPOINT, out_own, error);
}

gboolean
gest_tramite_tx_commit (GestStore  *store,
                        gboolean    own,
                        GError    **error)
{
  return gest_store_end_change (store, SAVEPOINT, own, TRUE, error);
}

void
gest_tramite_tx_rollback (GestStore *store,
                          gboolean   own)
{
  gest_store_end_change (store, SAVEPOINT, own, FALSE, NULL);
}

GestTramite *
gest_tramite_copy (const GestTramite *tramite)
{
  GestTramite *copy;

  g_return_val_if_fail (tramite != NULL, NULL);

  copy = g_new0 (GestTramite, 1);
  *copy = *tramite;
  copy->uuid = g_strdup (tramite->uuid);
  copy->folio = g_strdup (tramite->folio);
  copy->notes = g_strdup (tramite->notes);
  copy->statement.plan_uuid = g_strdup (tramite->statement.plan_uuid);
  copy->statement.plan_number = g_strdup (tramite->statement.plan_number);
  copy->statement.customer_uuid = g_strdup (tramite->statement.customer_uuid);
  copy->statement.customer_name = g_strdup (tramite->statement.customer_name);
  copy->statement.vehicle = g_strdup (tramite->statement.vehicle);
  copy->routing_reason = g_strdup (tramite->routing_reason);
  copy->payment_reference = g_strdup (tramite->payment_reference);
  copy->payment_proof_uuid = g_strdup (tramite->payment_proof_uuid);
  copy->created_by = g_strdup (tramite->created_by);
  return copy;
}

void
gest_tramite_free (GestTramite *tramite)
{
  if (tramite == NULL)
    return;
  g_free (tramite->uuid);
  g_free (tramite->folio);
  g_free (tramite->notes);
  gest_plan_statement_clear (&tramite->statement);
  g_free (tramite->routing_reason);
  g_free (tramite->payment_reference);
  g_free (tramite->payment_proof_uuid);
  g_free (tramite->created_by);
  g_free (tramite);
}

void
gest_tramite_get_checklist (const GestTramite    *tramite,
                            GestTramiteChecklist *out)
{
  g_return_if_fail (tramite != NULL);
  g_return_if_fail (out != NULL);

  out->docs_sent = tramite->docs_sent_at != 0;
  out->payment_received = tramite->has_payment;
  out->payment_proof = tramite->payment_proof_uuid != NULL;
  out->insurance_cancelled = tramite->insurance_cancelled_at != 0;
  out->invoice_released = tramite->invoice_released_at != 0;
  out->invoice_delivered = tramite->invoice_delivered_at != 0;
  out->ack_returned = tramite->ack_returned_at != 0;
}

gboolean
gest_tramite_is_overdue (const GestTramite *tramite,
                         const GDate       *today)
{
  g_return_val_if_fail (tramite != NULL, FALSE);
  g_return_val_if_fail (today != NULL, FALSE);

  return !tramite->has_payment &&
         g_date_valid (&tramite->agreed_date) &&
         g_date_compare (&tramite->agreed_date, today) < 0;
}

static gboolean
insert_row (GestStore                 *store,
            const char                *uuid,
            const char                *folio,
            const GestPlanStatement   *statement,
            GestMoney                  agreed_amount,
            const GDate               *agreed_date,
            const char                *notes,
            const GestRoutingSettings *settings,
            const GestRoutingDecision *decision,
            GError                   **error)
{
  g_autofree char *date_iso = gest_date_to_iso (agreed_date);
  g_autofree char *as_of_iso = NULL;
  g_autofree char *user = gest_store_get_user_name (store);
  gint64 now = gest_timestamp_now ();
  sqlite3_stmt *stmt;
  int rc;

  if (g_date_valid (&statement->as_of))
    as_of_iso = gest_date_to_iso (&statement->as_of);
  else
    as_of_iso = g_strdup ("");

  stmt = gest_store_prepare (store,
                             "INSERT INTO tramites (uuid, folio, plan_uuid, step, step_since,"
                             " agreed_amount, agreed_date, notes, statement_balance, statement_overdue,"
                             " statement_installment, statement_life_insurance, statement_as_of,"
                             " routing_area, routing_reason, routing_low_limit, routing_installments,"
                             " created_by, created_at, updated_at)"
                             " VALUES (?1, ?2, ?3, 2, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14,"
                             " ?15, ?16, ?17, ?4, ?4)",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, folio, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, statement->plan_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, now);
  sqlite3_bind_int64 (stmt, 5, agreed_amount);
  sqlite3_bind_text (stmt, 6, date_iso, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, notes, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 8, statement->balance);
  sqlite3_bind_int64 (stmt, 9, statement->overdue);
  sqlite3_bind_int64 (stmt, 10, statement->installment);
  sqlite3_bind_int64 (stmt, 11, statement->life_insurance);
  sqlite3_bind_text (stmt, 12, as_of_iso, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 13, gest_area_id (decision->area), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 14, decision->reason, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 15, settings->low_debt_limit);
  sqlite3_bind_int64 (stmt, 16, settings->installments_limit);
  sqlite3_bind_text (stmt, 17, user, -1, SQLITE_STATIC);

  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return gest_store_set_error (store, error);
  return TRUE;
}

/* One open trámite per plan: refused with the open one's folio and step, and what to do. */
static gboolean
check_no_open (GestStore                *store,
               const GestPlanStatement  *statement,
               GError                  **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GestTramite) open = gest_tramite_load_open_for_plan (store, statement->plan_uuid, &local_error);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (open == NULL)
    return TRUE;
  g_set_error (error, GEST_ERROR, GEST_ERROR_REFUSED,
               _("Plan %s already has an open trámite, %s (step %d, %s); a plan has one open trámite at a time. Open %s from the plan’s statement and continue it instead of registering another."),
               statement->plan_number, open->folio, open->step, gest_tramite_step_title (open->step),
               open->folio);
  return FALSE;
}

static gboolean
log_registration (GestStore                 *store,
                  const char                *uuid,
                  const char                *folio,
                  const GestPlanStatement   *statement,
                  GestMoney                  agreed_amount,
                  const GDate               *agreed_date,
                  const GestRoutingSettings *settings,
                  const GestRoutingDecision *decision,
                  const char                *reason,
                  GError                   **error)
{
  g_autofree char *amount_s = gest_money_format (agreed_amount);
  g_autofree char *date_s = gest_date_format (agreed_date);
  g_autofree char *insurance_s = gest_money_format (statement->life_insurance);
  g_autofree char *routed = NULL;
  gboolean ok;
  const GestAreaContact *area = &settings->areas[decision->area];

  char *registered = NULL;

  registered = g_strdup_printf (_("Trámite %s registered for plan %s: payoff of %s agreed with Conauto for %s; life insurance of %s excluded."),
                                folio, statement->plan_number, amount_s, date_s, insurance_s);
  routed = g_strdup_printf (_("Routed to %s (%s): %s."),
                            area->name != NULL ? area->name : gest_area_id (decision->area),
                            area->phones != NULL ? area->phones : "",
                            decision->reason);

  if (reason != NULL)
    {
      g_autofree char *balance_s = gest_money_format (statement->balance);
      g_autofree char *overdue_s = gest_money_format (statement->overdue);
      char *approved = g_strdup_printf (_("Approved an agreed amount outside the statement (balance %s, overdue %s)."),
                                        balance_s, overdue_s);

      approved = gest_tramite_log_with_reason (approved, reason);
      {
        char *both = g_strconcat (registered, " ", approved, NULL);

        g_free (registered);
        registered = both;
      }
      g_free (approved);
    }

  ok = gest_activity_log_append (store, uuid, GEST_ACTIVITY_STATUS, registered, NULL, NULL, error) > 0 &&
       gest_activity_log_append (store, uuid, GEST_ACTIVITY_STATUS, routed, NULL, NULL, error) > 0;
  g_free (registered);
  return ok;
}

GestTramite *
gest_tramite_create (GestStore    *store,
                     const char   *plan,
                     GestMoney     agreed_amount,
                     const GDate  *agreed_date,
                     const char   *notes,
                     GError      **error)
{
  return gest_tramite_create_full (store, plan, agreed_amount, agreed_date, notes, NULL, error);
}

GestTramite *
gest_tramite_create_full (GestStore    *store,
                          const char   *plan,
                          GestMoney     agreed_amount,
                          const GDate  *agreed_date,
                          const char   *notes,
                          const char   *reason,
                          GError      **error)
{
  g_autofree char *clean_reason = NULL;
  gboolean departs = FALSE;
  g_auto(GestPlanStatement) statement = { 0 };
  g_auto(GestRoutingSettings) settings = { 0 };
  g_auto(GestRoutingDecision) decision = { 0 };
  g_autofree char *folio = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *clean_notes = NULL;
  GDate today;
  gboolean own;

  g_return_val_if_fail (GEST_IS_STORE (store), NULL);
  g_return_val_if_fail (plan != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  gest_date_today (&today);
  clean_notes = g_strstrip (g_strdup (notes != NULL ? notes : ""));

  /* The write lock first: the statement, the settings and the folio counter are then read
   * and written by this transaction alone. */
  if (!gest_tramite_tx_begin (store, &own, error))
    return NULL;

  clean_reason = g_strstrip (g_strdup (reason != NULL ? reason : ""));
  if (!gest_store_check_permission (store, GEST_TRAMITE_PERMISSION_REGISTER, error) ||
      !gest_plan_statement_load (store, plan, &statement, error) ||
      !check_no_open (store, &statement, error) ||
      !gest_tramite_rules_check_amount (agreed_amount, statement.balance,
                                        statement.life_insurance, error) ||
      !gest_tramite_rules_check_amount_reason (agreed_amount, statement.balance, statement.overdue,
                                               clean_reason, &departs, error) ||
      (departs && !gest_store_check_permission (store, GEST_TRAMITE_PERMISSION_APPROVE, error)) ||
      !gest_tramite_rules_check_agreed_date (agreed_date, &today, error))
    goto fail;

  gest_store_load_routing_settings (store, &settings);
  if (!gest_plan_statement_route (&statement, &settings, &decision, error))
    goto fail;

  folio = gest_store_next_folio (store, GEST_TRAMITE_FOLIO_PREFIX, g_date_get_year (&today), error);
  if (folio == NULL)
    goto fail;

  uuid = gest_uuid_new ();
  if (!insert_row (store, uuid, folio, &statement, agreed_amount, agreed_date, clean_notes,
                   &settings, &decision, error) ||
      !log_registration (store, uuid, folio, &statement, agreed_amount, agreed_date,
                         &settings, &decision, departs ? clean_reason : NULL, error))
    goto fail;

  if (!gest_tramite_tx_commit (store, own, error))
    return NULL;

  g_debug ("Registered %s routed to %s", folio, gest_area_id (decision.area));
  return gest_tramite_load_by_uuid (store, uuid, error);

fail:
  gest_tramite_tx_rollback (store, own);
  return NULL;
}

GestTramite *
gest_tramite_load_by_folio (GestStore   *store,
                            const char  *folio,
                            GError     **error)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (GEST_IS_STORE (store), NULL);
  g_return_val_if_fail (folio != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  key = g_ascii_strup (folio, -1);
  g_strstrip (key);
  return load_where (store, "WHERE t.folio = ?1 AND t.deleted = 0", key, 0, key, error);
}

GestTramite *
gest_tramite_load_by_uuid (GestStore   *store,
                           const char  *uuid,
                           GError     **error)
{
  g_return_val_if_fail (GEST_IS_STORE (store), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return load_where (store, "WHERE t.uuid = ?1 AND t.deleted = 0", uuid, 0, uuid, error);
}

GestTramite *
gest_tramite_load_by_id (GestStore  *store,
                         gint64      id,
                         GError    **error)
{
  g_autofree char *shown = NULL;

  g_return_val_if_fail (GEST_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  shown = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  return load_where (store, "WHERE t.rowid = ?1 AND t.deleted = 0", NULL, id, shown, error);
}

gboolean
gest_tramite_replay_routing (const GestTramite         *tramite,
                             const GestRoutingSettings *settings_for_names,
                             GestRoutingDecision       *out,
                             GError                   **error)
{
  g_auto(GestRoutingSettings) recorded = { 0 };

  g_return_val_if_fail (tramite != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  gest_routing_settings_init_defaults (&recorded);
  if (settings_for_names != NULL)
    {
      for (guint i = 0; i < GEST_N_AREAS; i++)
        {
          g_free (recorded.areas[i].name);
          g_free (recorded.areas[i].phones);
          recorded.areas[i].name = g_strdup (settings_for_names->areas[i].name);
          recorded.areas[i].phones = g_strdup (settings_for_names->areas[i].phones);
        }
    }
  recorded.low_debt_limit = tramite->routing_low_limit;
  recorded.installments_limit = tramite->routing_installments;

  return gest_plan_statement_route (&tramite->statement, &recorded, out, error);
}

GestTramite *
gest_tramite_load_open_for_plan (GestStore   *store,
                                 const char  *plan_uuid,
                                 GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  GestTramite *tramite;

  g_return_val_if_fail (GEST_IS_STORE (store), NULL);
  g_return_val_if_fail (plan_uuid != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  tramite = load_where (store,
                        "WHERE t.plan_uuid = ?1 AND t.deleted = 0 AND t.step < 8"
                        " ORDER BY t.created_at DESC LIMIT 1",
                        plan_uuid, 0, plan_uuid, &local_error);
  if (tramite == NULL && !g_error_matches (local_error, GEST_ERROR, GEST_ERROR_NOT_FOUND))
    g_propagate_error (error, g_steal_pointer (&local_error));
  return tramite;
}

void
gest_tramite_get_registered_date (const GestTramite *tramite,
                                  GDate             *out)
{
  g_autoptr(GTimeZone) tz = gest_dealer_timezone ();
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) moment = NULL;

  g_return_if_fail (tramite != NULL);
  g_return_if_fail (out != NULL);

  g_date_clear (out, 1);
  utc = g_date_time_new_from_unix_utc (tramite->created_at / G_USEC_PER_SEC);
  if (utc != NULL)
    moment = g_date_time_to_timezone (utc, tz);
  if (moment != NULL)
    g_date_set_dmy (out, g_date_time_get_day_of_month (moment),
                    g_date_time_get_month (moment), g_date_time_get_year (moment));
}
