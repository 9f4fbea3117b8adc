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

#define DAY_USEC   ((gint64) 86400 * G_USEC_PER_SEC)
#define MAX_YEARS  12

/* Share of each step (per mille), in step order; finished trámites are the largest group. */
static const int step_weights[GEST_TRAMITE_N_STEPS] = { 40, 120, 180, 100, 80, 80, 100, 300 };

static const char * const other_users[] = { "Laura Méndez Ortiz", "Jorge Ramírez Soto", "Ana Torres Villa" };

typedef struct
{
  GestStore    *store;
  GRand        *rand;
  sqlite3_stmt *insert_tramite;
  sqlite3_stmt *insert_document;
  sqlite3_stmt *insert_activity;
  GestRoutingSettings settings;
  char         *blob_sha256;
  gint64        blob_size;
  const char   *users[G_N_ELEMENTS (other_users) + 1];
  char         *me;
  gint64        now;
  GDate         today;
  int           this_year;
  gint64        year_start[MAX_YEARS];   /* unix µs of 1 January of this_year - i */
  gint64        year_last[MAX_YEARS];    /* last folio number taken in that year */
  guint32       uuid_prefix;
  guint64       uuid_counter;
} Demo;

/* One row's values, filled by plan_row(). */
typedef struct
{
  char        uuid[37];
  char        proof_uuid[37];
  const char *plan_uuid;
  GestMoney   balance;
  GestMoney   overdue;
  GestMoney   installment;
  GestMoney   life_insurance;
  const char *as_of;
  int         step;
  gint64      created_at;
  gint64      step_since;
  const char *created_by;
  gboolean    with_timeline;
} Row;

/* Demo uuids are v4-shaped but ordered: a prefix drawn once per run, then a counter, then
 * random bits. Primary-key and foreign-key indexes then grow at their end instead of at a
 * random page per row, which is what keeps a million inserts out of the disk. */
static void
demo_uuid (Demo *demo,
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
iso_days_from_today (Demo *demo,
                     int   days)
{
  GDate date = demo->today;

  if (days >= 0)
    g_date_add_days (&date, (guint) days);
  else
    g_date_subtract_days (&date, (guint) -days);
  return gest_date_to_iso (&date);
}

static int
days_before_now (Demo   *demo,
                 gint64  moment)
{
  return (int) ((demo->now - moment) / DAY_USEC);
}

/* The folio: the year the trámite was registered, the next number of that year. */
static char *
next_folio (Demo    *demo,
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
insert_document (Demo        *demo,
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

/* Appends one hash-chained entry; @prev_hash is updated to the new entry's hash. */
static gboolean
insert_activity (Demo        *demo,
                 const char  *record_uuid,
                 gint64       seq,
                 gint64       at,
                 const char  *user,
                 const char  *text,
                 char       **prev_hash,
                 GError     **error)
{
  GestActivityEntry entry = { 0 };
  g_autofree char *hash = NULL;
  sqlite3_stmt *stmt = demo->insert_activity;

  entry.record_uuid = (char *) record_uuid;
  entry.seq = seq;
  entry.at = at;
  entry.user_name = (char *) user;
  entry.user_role = (char *) gest_role_id (GEST_ROLE_FINANCE_MANAGER);
  entry.kind = GEST_ACTIVITY_STATUS;
  entry.text = (char *) text;
  entry.prev_hash = *prev_hash;
  hash = gest_activity_compute_hash (&entry);

  sqlite3_bind_text (stmt, 1, record_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, seq);
  sqlite3_bind_int64 (stmt, 3, at);
  sqlite3_bind_text (stmt, 4, user, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, entry.user_role, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, gest_activity_kind_id (GEST_ACTIVITY_STATUS), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, text, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, *prev_hash, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, hash, -1, SQLITE_STATIC);
  if (!step_done (stmt, demo->store, error))
    return FALSE;

  g_free (*prev_hash);
  *prev_hash = g_steal_pointer (&hash);
  return TRUE;
}

/* The timeline of a demo trámite: registration, routing, and how it reached its step. */
static gboolean
insert_timeline (Demo                      *demo,
                 const Row                 *row,
                 const char                *folio,
                 const GestRoutingDecision *decision,
                 GError                   **error)
{
  g_autofree char *prev_hash = g_strdup ("");
  g_autofree char *registered = NULL;
  g_autofree char *routed = NULL;
  const GestAreaContact *area = &demo->settings.areas[decision->area];
  gint64 seq = 1;

  registered = g_strdup_printf (_("Trámite %s registered (demonstration data)."), folio);
  routed = g_strdup_printf (_("Routed to %s (%s): %s."), area->name, area->phones, decision->reason);
  if (!insert_activity (demo, row->uuid, seq++, row->created_at, row->created_by, registered, &prev_hash, error) ||
      !insert_activity (demo, row->uuid, seq++, row->created_at, row->created_by, routed, &prev_hash, error))
    return FALSE;

  for (int step = 2; step < row->step; step++)
    {
      g_autofree char *moved = g_strdup_printf (_("Moved from step %d (%s) to step %d (%s)."),
                                                step, gest_tramite_step_title (step),
                                                step + 1, gest_tramite_step_title (step + 1));
      gint64 at = row->created_at + (row->step_since - row->created_at) * (step - 1) / (row->step - 1);

      if (!insert_activity (demo, row->uuid, seq++, at, row->created_by, moved, &prev_hash, error))
        return FALSE;
    }
  return TRUE;
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

static gboolean
insert_row (Demo       *demo,
            Row        *row,
            GError    **error)
{
  g_auto(GestRoutingDecision) decision = { 0 };
  g_autofree char *folio = NULL;
  g_autofree char *agreed_date = NULL;
  g_autofree char *payment_date = NULL;
  GRand *rand = demo->rand;
  sqlite3_stmt *stmt = demo->insert_tramite;
  GestMoney agreed_amount = row->balance > 0 ? row->balance : row->installment;
  gint64 span = MAX (row->step_since - row->created_at, 6);
  GestTramiteChecklist c = { 0 };
  int step = row->step;

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
   * were paid before Conauto verified the deposit. */
  if (c.payment_received || step >= 4)
    {
      int days = -days_before_now (demo, row->created_at) + g_rand_int_range (rand, 1, 10);

      days = MIN (days, 0);
      agreed_date = iso_days_from_today (demo, days);
      payment_date = iso_days_from_today (demo, days - g_rand_int_range (rand, 0, 3));
    }
  else
    agreed_date = iso_days_from_today (demo, g_rand_int_range (rand, -10, 30));

  if (c.payment_proof)
    demo_uuid (demo, row->proof_uuid);

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
  sqlite3_bind_text (stmt, 12, row->as_of, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 13, gest_area_id (decision.area), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 14, decision.reason, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 15, demo->settings.low_debt_limit);
  sqlite3_bind_int64 (stmt, 16, demo->settings.installments_limit);
  bind_moment (stmt, 17, c.docs_sent, row->created_at + span / 6);
  bind_moment (stmt, 18, c.payment_received, agreed_amount);
  if (c.payment_received)
    {
      char reference[16];

      g_snprintf (reference, sizeof reference, "DEP%08u", g_rand_int_range (rand, 0, 100000000));
      sqlite3_bind_text (stmt, 19, payment_date, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 20, reference, -1, SQLITE_TRANSIENT);
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
  bind_moment (stmt, 22, c.insurance_cancelled, row->created_at + span * 2 / 6);
  bind_moment (stmt, 23, c.invoice_released, row->created_at + span * 3 / 6);
  bind_moment (stmt, 24, c.invoice_delivered, row->created_at + span * 4 / 6);
  bind_moment (stmt, 25, c.ack_returned, row->created_at + span * 5 / 6);
  sqlite3_bind_text (stmt, 26, row->created_by, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 27, row->created_at);

  /* The proof first: the trámite's payment_proof_uuid references it. */
  if (c.payment_proof &&
      !insert_document (demo, row->proof_uuid, row->uuid, "payment-proof", "comprobante-pago.pdf",
                        row->created_by, row->created_at + span / 6, error))
    return FALSE;
  if (!step_done (stmt, demo->store, error))
    return FALSE;

  if (g_rand_int_range (rand, 0, 10) == 0)
    {
      char id_uuid[37];

      demo_uuid (demo, id_uuid);
      if (!insert_document (demo, id_uuid, row->uuid, "identification", "identificacion.pdf",
                            row->created_by, row->created_at + span / 12, error))
        return FALSE;
    }
  if (row->with_timeline)
    return insert_timeline (demo, row, folio, &decision, error);
  return TRUE;
}

static void
fill_row (Demo         *demo,
          sqlite3_stmt *plans,
          guint         index,
          gint64        span_usec,
          Row          *row)
{
  GRand *rand = demo->rand;

  demo_uuid (demo, row->uuid);
  row->plan_uuid = (const char *) sqlite3_column_text (plans, 0);
  row->balance = sqlite3_column_int64 (plans, 1);
  row->overdue = sqlite3_column_int64 (plans, 2);
  row->installment = sqlite3_column_int64 (plans, 3);
  row->life_insurance = sqlite3_column_int64 (plans, 4);
  row->as_of = (const char *) sqlite3_column_text (plans, 5);
  /* The first eight rows take one step each, so even a tiny demo fills every column. */
  row->step = index < GEST_TRAMITE_N_STEPS ? (int) index + 1 : pick_step (rand);
  if (row->step == GEST_TRAMITE_N_STEPS)
    {
      row->created_at = demo->now - 30 * DAY_USEC -
                        (gint64) (g_rand_double (rand) * (double) (span_usec - 30 * DAY_USEC));
      row->step_since = MIN (demo->now, row->created_at + g_rand_int_range (rand, 20, 60) * DAY_USEC);
    }
  else
    {
      row->created_at = demo->now - (gint64) (g_rand_double (rand) * 120.0 * (double) DAY_USEC);
      row->step_since = row->created_at +
                        (gint64) (g_rand_double (rand) * (double) (demo->now - row->created_at));
    }
  row->created_by = demo->users[g_rand_int_range (rand, 0, G_N_ELEMENTS (demo->users))];
}

static gboolean
prepare_all (Demo    *demo,
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
load_counters (Demo    *demo,
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
save_counters (Demo    *demo,
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
  Demo demo = { 0 };
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
  demo.me = gest_store_get_user_name (store);
  demo.users[0] = demo.me;
  for (guint i = 0; i < G_N_ELEMENTS (other_users); i++)
    demo.users[i + 1] = other_users[i];
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
                              "SELECT uuid, balance, overdue, installment, life_insurance, as_of"
                              " FROM plans WHERE rowid > (SELECT max (rowid) FROM plans) - ?1"
                              " ORDER BY rowid",
                              error);
  if (plans == NULL)
    goto out;
  sqlite3_bind_int64 (plans, 1, n);

  while ((rc = sqlite3_step (plans)) == SQLITE_ROW)
    {
      Row row = { 0 };

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
  g_free (demo.me);
  return ok;
}
