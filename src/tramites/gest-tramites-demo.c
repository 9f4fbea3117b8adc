/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-tramites-demo"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "gest-activity.h"
#include "gest-date.h"
#include "gest-demo.h"
#include "gest-folio.h"
#include "gest-tramite.h"
#include "gest-tramites-demo.h"
#include "gest-tramites-demo-private.h"

/* Speed matters here: `demo --scale 1000000` inserts a million trámites inside the demo's
 * one transaction. So: statements prepared once, parameters re-bound per row, no per-row
 * allocation beyond the routing reason, uuids drawn from the demo's GRand (the same seed
 * gives the same data), and the hash-chained timeline only on one trámite in a hundred. */

#define DAY_USEC   GEST_TRAMITES_DEMO_DAY_USEC
#define MAX_YEARS  GEST_TRAMITES_DEMO_MAX_YEARS

/* Share of each step (per mille), in step order; finished trámites are the largest group. */
static const int step_weights[GEST_TRAMITE_N_STEPS] = { 40, 120, 180, 100, 80, 80, 100, 300 };

/* Demo uuids are v4-shaped but ordered: a prefix drawn once per run, then a counter, then
 * random bits. Primary-key and foreign-key indexes then grow at their end instead of at a
 * random page per row, which is what keeps a million inserts out of the disk. */
static void
demo_uuid (GestTramitesDemo *demo,
           char  out[37])
{
  guint64 c = demo->uuid_counter++;

  g_snprintf (out, 37, "%08x-%04x-4%03x-%04x-%04x%08x",
              demo->uuid_prefix, (guint) ((c >> 24) & 0xffff), (guint) ((c >> 12) & 0xfff),
              (guint) (0x8000 | (c & 0xfff)), g_rand_int_range (demo->rand, 0, 0x10000),
              g_rand_int (demo->rand));
}

static int
pick_step (GRand *rand)
{
  int roll = g_rand_int_range (rand, 0, 1000);

  for (int i = 0; i < GEST_TRAMITE_N_STEPS; i++)
    {
      if (roll < step_weights[i])
        return i + 1;
      roll -= step_weights[i];
    }
  return GEST_TRAMITE_N_STEPS;
}

static char *
iso_days_from_today (GestTramitesDemo *demo,
                     int   days)
{
  GDate date = demo->today;

  if (days >= 0)
    g_date_add_days (&date, (guint) days);
  else
    g_date_subtract_days (&date, (guint) -days);
  return gest_date_to_iso (&date);
}

/* Days from the local date of @moment (the dealer's time zone) to today. */
static int
registered_days_before_today (GestTramitesDemo *demo,
                              gint64            moment)
{
  g_autoptr(GTimeZone) tz = gest_dealer_timezone ();
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (moment / G_USEC_PER_SEC);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, tz);
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                  g_date_time_get_year (local));
  return MAX (g_date_days_between (&date, &demo->today), 0);
}

/* The folio: the year the trámite was registered, the next number of that year. */
static char *
next_folio (GestTramitesDemo *demo,
            gint64   created_at,
            GError **error)
{
  int i = 0;

  while (i < MAX_YEARS - 1 && created_at < demo->year_start[i])
    i++;
  if (demo->year_last[i] >= 999999)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                   _("Too many demonstration trámites for %d: a year holds at most 999,999 folios. Use a smaller scale."),
                   demo->this_year - i);
      return NULL;
    }
  demo->year_last[i]++;
  return gest_folio_format (GEST_TRAMITE_FOLIO_PREFIX, demo->this_year - i, demo->year_last[i]);
}

static gboolean
step_done (sqlite3_stmt  *stmt,
           GestStore     *store,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return gest_store_set_error (store, error);
  return TRUE;
}

static gboolean
insert_document (GestTramitesDemo *demo,
                 const char  *uuid,
                 const char  *record_uuid,
                 const char  *kind,
                 const char  *filename,
                 const char  *added_by,
                 gint64       added_at,
                 GError     **error)
{
  sqlite3_stmt *stmt = demo->insert_document;

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, record_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, demo->blob_sha256, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, demo->blob_size);
  sqlite3_bind_text (stmt, 6, filename, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, added_by, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 8, added_at);
  return step_done (stmt, demo->store, error);
}

static void
bind_moment (sqlite3_stmt *stmt,
             int           index,
             gboolean      done,
             gint64        moment)
{
  if (done)
    sqlite3_bind_int64 (stmt, index, moment);
  else
    sqlite3_bind_null (stmt, index);
}

/* Payments that depart from the agreed amount, one in 25 of those recorded, each with the
 * reason a collections supervisor approved it with (logged). */
static const char * const payment_reasons[] = {
  "El cliente depositó sin centavos; Conauto lo aceptó.",
  "Conauto condonó la diferencia por redondeo.",
  "Pago en dos depósitos; este es el primero.",
};

static gboolean
insert_row (GestTramitesDemo     *demo,
            GestTramitesDemoRow  *row,
            GError              **error)
{
  g_auto(GestRoutingDecision) decision = { 0 };
  g_autofree char *folio = NULL;
  g_autofree char *agreed_date = NULL;
  g_autofree char *payment_date = NULL;
  g_autofree char *registered_iso = NULL;
  char reference[16] = "";
  GRand *rand = demo->rand;
  sqlite3_stmt *stmt = demo->insert_tramite;
  GestMoney agreed_amount = row->balance > 0 ? row->balance : row->installment;
  gint64 span = MAX (row->step_since - row->created_at, 6);
  GestTramiteChecklist c = { 0 };
  int step = row->step;
  int registered_days_ago = registered_days_before_today (demo, row->created_at);

  if (!gest_routing_decide (row->overdue, row->installment, &demo->settings, &decision, error))
    return FALSE;
  folio = next_folio (demo, row->created_at, error);
  if (folio == NULL)
    return FALSE;

  /* A checklist that fits the step: what the rules needed to get here, and part of what
   * the step itself is doing. */
  c.docs_sent = step >= 4 || (step == 3 && g_rand_boolean (rand));
  c.payment_received = step >= 4 || (step == 3 && g_rand_int_range (rand, 0, 10) < 4);
  c.payment_proof = step >= 4 || (c.payment_received && g_rand_int_range (rand, 0, 10) < 7);
  c.insurance_cancelled = step >= 5 || (step == 4 && g_rand_int_range (rand, 0, 10) < 3);
  c.invoice_released = step >= 7 || (step == 6 && g_rand_int_range (rand, 0, 10) < 4);
  c.invoice_delivered = step >= 8 || (step == 7 && g_rand_int_range (rand, 0, 10) < 4);
  c.ack_returned = step >= 8 || (c.invoice_delivered && g_rand_int_range (rand, 0, 10) < 3);

  /* Up to step 3 the agreed date is near today (some passed: the overdue cards); later ones
   * were paid before Conauto verified the deposit. Never before the registration (T3), and the
   * payment never before it either (T5). */
  if (c.payment_received || step >= 4)
    {
      int days = -registered_days_ago + g_rand_int_range (rand, 1, 10);
      int paid;

      /* MAX and MIN evaluate their arguments twice: no g_rand_*() inside them. */
      days = MIN (days, 0);
      paid = days - g_rand_int_range (rand, 0, 3);
      paid = MAX (paid, -registered_days_ago);
      agreed_date = iso_days_from_today (demo, days);
      payment_date = iso_days_from_today (demo, paid);
    }
  else
    {
      int days = g_rand_int_range (rand, -10, 30);

      agreed_date = iso_days_from_today (demo, MAX (days, -registered_days_ago));
    }
  /* T1: the statement the trámite recorded is the one of the day it was registered. */
  registered_iso = iso_days_from_today (demo, -registered_days_ago);

  if (c.payment_proof)
    demo_uuid (demo, row->proof_uuid);

  row->folio = folio;
  row->agreed_amount = agreed_amount;
  row->agreed_date = agreed_date;
  row->checklist = c;
  row->decision = &decision;
  row->docs_at = row->created_at + span / 6;
  row->insurance_at = row->created_at + span * 2 / 6;
  row->released_at = row->created_at + span * 3 / 6;
  row->delivered_at = row->created_at + span * 4 / 6;
  row->ack_at = row->created_at + span * 5 / 6;
  row->payment_amount = agreed_amount;
  row->payment_reason = NULL;
  if (c.payment_received)
    {
      g_snprintf (reference, sizeof reference, "DEP%08u", g_rand_int_range (rand, 0, 100000000));
      row->payment_date = payment_date;
      row->payment_reference = reference;
      if (g_rand_int_range (rand, 0, 25) == 0)
        {
          row->payment_amount = agreed_amount - 100 * g_rand_int_range (rand, 1, 50);
          row->payment_reason = payment_reasons[g_rand_int_range (rand, 0, G_N_ELEMENTS (payment_reasons))];
          /* Its reason is in the log. */
          row->with_timeline = TRUE;
        }
    }

  sqlite3_bind_text (stmt, 1, row->uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, folio, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, row->plan_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 4, step);
  sqlite3_bind_int64 (stmt, 5, row->step_since);
  sqlite3_bind_int64 (stmt, 6, agreed_amount);
  sqlite3_bind_text (stmt, 7, agreed_date, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 8, row->balance);
  sqlite3_bind_int64 (stmt, 9, row->overdue);
  sqlite3_bind_int64 (stmt, 10, row->installment);
  sqlite3_bind_int64 (stmt, 11, row->life_insurance);
  sqlite3_bind_text (stmt, 12, registered_iso, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 13, gest_area_id (decision.area), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 14, decision.reason, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 15, demo->settings.low_debt_limit);
  sqlite3_bind_int64 (stmt, 16, demo->settings.installments_limit);
  bind_moment (stmt, 17, c.docs_sent, row->docs_at);
  bind_moment (stmt, 18, c.payment_received, row->payment_amount);
  if (c.payment_received)
    {
      sqlite3_bind_text (stmt, 19, payment_date, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 20, reference, -1, SQLITE_STATIC);
    }
  else
    {
      sqlite3_bind_null (stmt, 19);
      sqlite3_bind_null (stmt, 20);
    }
  if (c.payment_proof)
    sqlite3_bind_text (stmt, 21, row->proof_uuid, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, 21);
  bind_moment (stmt, 22, c.insurance_cancelled, row->insurance_at);
  bind_moment (stmt, 23, c.invoice_released, row->released_at);
  bind_moment (stmt, 24, c.invoice_delivered, row->delivered_at);
  bind_moment (stmt, 25, c.ack_returned, row->ack_at);
  sqlite3_bind_text (stmt, 26, row->created_by, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 27, row->created_at);

  /* The proof first: the trámite's payment_proof_uuid references it. */
  if (c.payment_proof &&
      !insert_document (demo, row->proof_uuid, row->uuid, "payment-proof", "comprobante-pago.pdf",
                        row->created_by, row->docs_at, error))
    return FALSE;
  if (!step_done (stmt, demo->store, error))
    return FALSE;

  /* T5: documents marked as sent are attached (the identification at least); a few others
   * have theirs attached before sending. */
  if (c.docs_sent || g_rand_int_range (rand, 0, 10) == 0)
    {
      char id_uuid[37];

      demo_uuid (demo, id_uuid);
      if (!insert_document (demo, id_uuid, row->uuid, "identification", "identificacion.pdf",
                            row->created_by, row->created_at + span / 12, error))
        return FALSE;
    }
  if (row->with_timeline || step > 2)
    return gest_tramites_demo_insert_log (demo, row, error);
  return TRUE;
}

/* Who registers early payoffs in the demo: roles with the register permission. */
static const GestRole registering_roles[] = {
  GEST_ROLE_CS_ANALYST, GEST_ROLE_CS_ANALYST, GEST_ROLE_FINANCE_MANAGER, GEST_ROLE_COLLECTIONS_AGENT,
  GEST_ROLE_COLLECTIONS_AGENT, GEST_ROLE_CS_HEAD, GEST_ROLE_COLLECTIONS_SUPERVISOR,
};

static void
fill_row (GestTramitesDemo *demo,
          sqlite3_stmt *plans,
          guint         index,
          gint64        span_usec,
          GestTramitesDemoRow *row)
{
  GRand *rand = demo->rand;

  demo_uuid (demo, row->uuid);
  row->plan_uuid = (const char *) sqlite3_column_text (plans, 0);
  row->plan_number = (const char *) sqlite3_column_text (plans, 6);
  row->balance = sqlite3_column_int64 (plans, 1);
  row->overdue = sqlite3_column_int64 (plans, 2);
  row->installment = sqlite3_column_int64 (plans, 3);
  row->life_insurance = sqlite3_column_int64 (plans, 4);
  /* The first eight rows take one step each, so even a tiny demo fills every column. */
  row->step = index < GEST_TRAMITE_N_STEPS ? (int) index + 1 : pick_step (rand);
  if (row->step == GEST_TRAMITE_N_STEPS)
    {
      gint64 took;

      row->created_at = demo->now - 30 * DAY_USEC -
                        (gint64) (g_rand_double (rand) * (double) (span_usec - 30 * DAY_USEC));
      took = g_rand_int_range (rand, 20, 60) * DAY_USEC;
      row->step_since = MIN (demo->now, row->created_at + took);
    }
  else
    {
      row->created_at = demo->now - (gint64) (g_rand_double (rand) * 120.0 * (double) DAY_USEC);
      row->step_since = row->created_at +
                        (gint64) (g_rand_double (rand) * (double) (demo->now - row->created_at));
    }
  row->created_role = registering_roles[g_rand_int_range (rand, 0, G_N_ELEMENTS (registering_roles))];
  row->created_by = gest_demo_user_name_for_role (row->created_role);
}

static gboolean
prepare_all (GestTramitesDemo *demo,
             GError **error)
{
  demo->insert_tramite =
    gest_store_prepare (demo->store,
                        "INSERT INTO tramites (uuid, folio, plan_uuid, step, step_since, agreed_amount,"
                        " agreed_date, notes, statement_balance, statement_overdue, statement_installment,"
                        " statement_life_insurance, statement_as_of, routing_area, routing_reason,"
                        " routing_low_limit, routing_installments, docs_sent_at, payment_amount,"
                        " payment_date, payment_reference, payment_proof_uuid, insurance_cancelled_at,"
                        " invoice_released_at, invoice_delivered_at, ack_returned_at, created_by,"
                        " created_at, updated_at)"
                        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, '', ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15,"
                        " ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?5)",
                        error);
  if (demo->insert_tramite == NULL)
    return FALSE;
  demo->insert_document =
    gest_store_prepare (demo->store,
                        "INSERT INTO documents (uuid, record_uuid, kind, sha256, size, mime_type,"
                        " filename, added_by, added_at, updated_at)"
                        " VALUES (?1, ?2, ?3, ?4, ?5, 'application/pdf', ?6, ?7, ?8, ?8)",
                        error);
  if (demo->insert_document == NULL)
    return FALSE;
  demo->insert_activity =
    gest_store_prepare (demo->store,
                        "INSERT INTO activity (record_uuid, seq, at, user_name, user_role, kind, text,"
                        " prev_hash, hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                        error);
  return demo->insert_activity != NULL;
}

static gboolean
load_counters (GestTramitesDemo *demo,
               GError **error)
{
  g_autoptr(GTimeZone) tz = gest_dealer_timezone ();
  sqlite3_stmt *stmt;

  stmt = gest_store_prepare (demo->store,
                             "SELECT last FROM folio_counters WHERE prefix = ?1 AND year = ?2", error);
  if (stmt == NULL)
    return FALSE;
  for (int i = 0; i < MAX_YEARS; i++)
    {
      g_autoptr(GDateTime) start = g_date_time_new (tz, demo->this_year - i, 1, 1, 0, 0, 0);

      demo->year_start[i] = g_date_time_to_unix (start) * G_USEC_PER_SEC;
      sqlite3_bind_text (stmt, 1, GEST_TRAMITE_FOLIO_PREFIX, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 2, demo->this_year - i);
      demo->year_last[i] = sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);
  return TRUE;
}

static gboolean
save_counters (GestTramitesDemo *demo,
               GError **error)
{
  sqlite3_stmt *stmt;
  gboolean ok = TRUE;

  stmt = gest_store_prepare (demo->store,
                             "INSERT INTO folio_counters (prefix, year, last) VALUES (?1, ?2, ?3)"
                             " ON CONFLICT (prefix, year) DO UPDATE SET last = max (last, excluded.last)",
                             error);
  if (stmt == NULL)
    return FALSE;
  for (int i = 0; i < MAX_YEARS && ok; i++)
    {
      if (demo->year_last[i] == 0)
        continue;
      sqlite3_bind_text (stmt, 1, GEST_TRAMITE_FOLIO_PREFIX, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 2, demo->this_year - i);
      sqlite3_bind_int64 (stmt, 3, demo->year_last[i]);
      ok = step_done (stmt, demo->store, error);
    }
  sqlite3_finalize (stmt);
  return ok;
}

gboolean
gest_tramites_demo_fill (GestStore  *store,
                         guint       n,
                         GRand      *rand,
                         GError    **error)
{
  GestTramitesDemo demo = { 0 };
  sqlite3_stmt *plans = NULL;
  gint64 cache_size;
  gint64 span_usec;
  gboolean ok = FALSE;
  guint index = 0;
  int rc;

  g_return_val_if_fail (GEST_IS_STORE (store), FALSE);
  g_return_val_if_fail (rand != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (n == 0)
    return TRUE;

  demo.store = store;
  demo.rand = rand;
  demo.uuid_prefix = g_rand_int (rand);
  demo.now = gest_timestamp_now ();
  gest_date_today (&demo.today);
  demo.this_year = g_date_get_year (&demo.today);
  gest_store_load_routing_settings (store, &demo.settings);
  /* Finished trámites spread back over the years, a year more per 400,000, so no year
   * runs out of folio numbers. */
  span_usec = (gint64) (1 + n / 400000) * 365 * DAY_USEC;

  cache_size = gest_tramites_demo_enlarge_cache (store);
  if (!gest_tramites_demo_store_pdf (store, &demo.blob_sha256, &demo.blob_size, error) ||
      !load_counters (&demo, error) ||
      !prepare_all (&demo, error))
    goto out;

  /* The plans the demo just created are the last n. */
  plans = gest_store_prepare (store,
                              "SELECT uuid, balance, overdue, installment, life_insurance, as_of, number"
                              " FROM plans WHERE rowid > (SELECT max (rowid) FROM plans) - ?1"
                              " ORDER BY rowid",
                              error);
  if (plans == NULL)
    goto out;
  sqlite3_bind_int64 (plans, 1, n);

  while ((rc = sqlite3_step (plans)) == SQLITE_ROW)
    {
      GestTramitesDemoRow row = { 0 };

      fill_row (&demo, plans, index, span_usec, &row);
      row.with_timeline = index % 100 == 0;
      if (!insert_row (&demo, &row, error))
        goto out;
      index++;
    }
  if (rc != SQLITE_DONE)
    {
      gest_store_set_error (store, error);
      goto out;
    }

  ok = save_counters (&demo, error);
  g_debug ("Demo: %u trámites", index);

out:
  g_clear_pointer (&plans, sqlite3_finalize);
  g_clear_pointer (&demo.insert_tramite, sqlite3_finalize);
  g_clear_pointer (&demo.insert_document, sqlite3_finalize);
  g_clear_pointer (&demo.insert_activity, sqlite3_finalize);
  gest_tramites_demo_restore_cache (store, cache_size);
  gest_routing_settings_clear (&demo.settings);
  g_free (demo.blob_sha256);
  return ok;
}
