/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-complaints-demo"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-activity.h"
#include "gest-complaint.h"
#include "gest-complaints-demo.h"
#include "gest-date.h"
#include "gest-error.h"
#include "gest-folio.h"
#include "gest-roles.h"

/* The complaints' demonstration data. Like the trámites' filler, fast enough for
 * `demo --scale 1000000`: statements prepared once and re-bound, uuids drawn from the demo's
 * GRand, the hash-chained log written in full on one case in fifty (every case on a small
 * scale). The cases are consistent with their stage: an assigned one has its document status,
 * one in monitoring its "in process" message, an answered one the head's approval, a closed
 * one the accepting call and its cause, error and area. */

#define DAY_USEC (G_USEC_PER_SEC * (gint64) 86400)
#define N_YEARS  2

static const char * const default_causes[] = {
  "Cobro indebido", "Demora en la entrega", "Información incorrecta del asesor",
  "Mala atención", "Error en la factura",
};
static const char * const default_errors[] = {
  "Error de captura", "Falta de seguimiento", "Documentación incompleta",
  "Comunicación deficiente con el cliente",
};
static const char * const default_areas[] = {
  "Cobranza", "Ventas", "Servicio al cliente", "Administración", "Crédito",
};

/* Per mille of each stage, in stage order. */
static const int stage_weights[GEST_N_COMPLAINT_STAGES] = { 80, 100, 250, 120, 100, 30, 320 };

static const char * const summaries[] = {
  "Le cobraron dos veces la cuota del mes.",
  "No le han entregado la factura del vehículo.",
  "El asesor le prometió una tasa distinta a la del contrato.",
  "No recibe respuesta sobre la adjudicación de su plan.",
  "Reclama un cargo por seguro que no contrató.",
  "Pide la cancelación del plan y la devolución de lo pagado.",
};
static const char * const complainant_roles[] = { "Titular", "Cónyuge", "Apoderado legal", "Hijo del titular" };

typedef struct
{
  GestStore    *store;
  GRand        *rand;
  sqlite3_stmt *insert_case;
  sqlite3_stmt *insert_activity;
  sqlite3_stmt *insert_task;
  sqlite3_stmt *insert_event;
  char         *users[3];            /* analyst, head, coordinator (uuids; may be NULL) */
  char         *catalog[3][8];       /* cause, error, area uuids */
  guint         n_catalog[3];
  int           this_year;
  gint64        year_last[N_YEARS];
  gint64        now;
  char          today[16];
  char          yesterday[16];
  guint32       uuid_prefix;
  guint64       uuid_counter;
} Demo;

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

static gboolean
step_done (Demo          *demo,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    return gest_store_set_error (demo->store, error);
  return TRUE;
}

static gboolean
fill_catalogs (Demo    *demo,
               GError **error)
{
  const char * const kinds[3] = { "cause", "error", "area" };
  const char * const *labels[3] = { default_causes, default_errors, default_areas };
  const guint counts[3] = { G_N_ELEMENTS (default_causes), G_N_ELEMENTS (default_errors), G_N_ELEMENTS (default_areas) };
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autoptr(sqlite3_stmt) find = NULL;

  insert = gest_store_prepare (demo->store,
                               "INSERT INTO complaint_catalog (uuid, kind, label, position, updated_at)"
                               " SELECT ?1, ?2, ?3, ?4, ?5 WHERE NOT EXISTS (SELECT 1 FROM complaint_catalog"
                               "  WHERE kind = ?2 AND label = ?3 AND deleted = 0)",
                               error);
  find = gest_store_prepare (demo->store,
                             "SELECT uuid FROM complaint_catalog WHERE kind = ?1 AND label = ?2 AND deleted = 0",
                             error);
  if (insert == NULL || find == NULL)
    return FALSE;
  for (guint k = 0; k < 3; k++)
    for (guint i = 0; i < counts[k]; i++)
      {
        char uuid[37];

        demo_uuid (demo, uuid);
        sqlite3_bind_text (insert, 1, uuid, -1, SQLITE_STATIC);
        sqlite3_bind_text (insert, 2, kinds[k], -1, SQLITE_STATIC);
        sqlite3_bind_text (insert, 3, labels[k][i], -1, SQLITE_STATIC);
        sqlite3_bind_int (insert, 4, (int) i + 1);
        sqlite3_bind_int64 (insert, 5, demo->now);
        if (!step_done (demo, insert, error))
          return FALSE;
        sqlite3_bind_text (find, 1, kinds[k], -1, SQLITE_STATIC);
        sqlite3_bind_text (find, 2, labels[k][i], -1, SQLITE_STATIC);
        if (sqlite3_step (find) == SQLITE_ROW)
          demo->catalog[k][demo->n_catalog[k]++] = g_strdup ((const char *) sqlite3_column_text (find, 0));
        sqlite3_reset (find);
      }
  return TRUE;
}

static void
load_users (Demo *demo)
{
  const GestRole roles[3] = { GEST_ROLE_CS_ANALYST, GEST_ROLE_CS_HEAD, GEST_ROLE_CS_COORDINATOR };
  g_autoptr(sqlite3_stmt) stmt = gest_store_prepare (demo->store,
                                                     "SELECT uuid FROM users WHERE role = ?1 AND active AND NOT deleted"
                                                     " ORDER BY login LIMIT 1", NULL);

  for (guint i = 0; stmt != NULL && i < 3; i++)
    {
      sqlite3_bind_text (stmt, 1, gest_role_id (roles[i]), -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        demo->users[i] = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      sqlite3_reset (stmt);
    }
}

static char *
day_of (gint64 at)
{
  g_autoptr(GTimeZone) tz = gest_dealer_timezone ();
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (at / G_USEC_PER_SEC);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, tz);

  return g_date_time_format (local, "%Y-%m-%d");
}

static int
pick_stage (GRand *rand)
{
  int roll = g_rand_int_range (rand, 0, 1000);

  for (int i = 0; i < GEST_N_COMPLAINT_STAGES; i++)
    {
      if (roll < stage_weights[i])
        return i;
      roll -= stage_weights[i];
    }
  return GEST_COMPLAINT_CLOSED;
}

/* The log of one case, written as the real actions write theirs, by the demo users of the
 * roles that may make each change. */
typedef struct
{
  Demo       *demo;
  const char *uuid;
  gint64      seq;
  char       *prev_hash;
} Log;

static gboolean
append (Log               *log,
        gint64             at,
        GestRole           role,
        GestActivityKind   kind,
        const char        *text,
        const char        *contact,
        GError           **error)
{
  static const char * const names[3] = { "Laura Méndez Ortiz", "Patricia Gómez Lara", "Coordinación SAC" };
  GestActivityEntry entry = { 0 };
  g_autofree char *hash = NULL;
  sqlite3_stmt *stmt = log->demo->insert_activity;
  const char *user = role == GEST_ROLE_CS_HEAD ? names[1] : names[0];

  entry.record_uuid = (char *) log->uuid;
  entry.seq = log->seq;
  entry.at = at;
  entry.user_name = (char *) user;
  entry.user_role = (char *) gest_role_id (role);
  entry.kind = kind;
  entry.text = (char *) text;
  entry.contact_name = (char *) contact;
  entry.prev_hash = log->prev_hash;
  hash = gest_activity_compute_hash (&entry);

  sqlite3_bind_text (stmt, 1, log->uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, log->seq);
  sqlite3_bind_int64 (stmt, 3, at);
  sqlite3_bind_text (stmt, 4, user, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, entry.user_role, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, gest_activity_kind_id (kind), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, text, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, contact, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, log->prev_hash, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 10, hash, -1, SQLITE_STATIC);
  if (!step_done (log->demo, stmt, error))
    return FALSE;
  log->seq++;
  g_free (log->prev_hash);
  log->prev_hash = g_steal_pointer (&hash);
  return TRUE;
}

typedef struct
{
  char        uuid[37];
  char       *folio;
  int         stage;
  gint64      created_at;
  gint64      stage_since;
  gint64      last_log_at;
  const char *summary;
  const char *complainant;
  int         cause, error, area;
  int         sla;
} Case;

static gboolean
write_log (Demo        *demo,
           const Case  *c,
           GError     **error)
{
  Log log = { demo, c->uuid, 1, g_strdup ("") };
  g_autoptr(sqlite3_stmt) name = gest_store_prepare (demo->store,
                                                     "SELECT complainant_name FROM complaints WHERE uuid = ?1", error);
  g_autofree char *complainant = NULL;
  g_autofree char *intake = g_strdup_printf (_("%s %s registered (%s) for %s: “%s” Primary responsible: %s."),
                                             gest_complaint_kind_label (GEST_COMPLAINT_KIND_COMPLAINT), c->folio,
                                             gest_complaint_channel_label (GEST_COMPLAINT_CHANNEL_PHONE),
                                             "", c->summary, "Laura Méndez Ortiz");
  gint64 span = MAX (c->stage_since - c->created_at, 1);
  gboolean ok;

  if (name == NULL)
    return FALSE;
  sqlite3_bind_text (name, 1, c->uuid, -1, SQLITE_STATIC);
  complainant = sqlite3_step (name) == SQLITE_ROW ? g_strdup ((const char *) sqlite3_column_text (name, 0))
                                                  : g_strdup ("");
  g_free (intake);
  intake = g_strdup_printf (_("%s %s registered (%s) for %s: “%s” Primary responsible: %s."),
                            gest_complaint_kind_label (GEST_COMPLAINT_KIND_COMPLAINT), c->folio,
                            gest_complaint_channel_label (GEST_COMPLAINT_CHANNEL_PHONE),
                            complainant, c->summary, "Laura Méndez Ortiz");
  ok = append (&log, c->created_at, GEST_ROLE_CS_ANALYST, GEST_ACTIVITY_CALL, intake, complainant, error);
  if (ok && c->stage >= GEST_COMPLAINT_ASSIGNED)
    ok = append (&log, c->created_at + span / 6, GEST_ROLE_CS_ANALYST, GEST_ACTIVITY_STATUS,
                 "Asignado a Laura Méndez Ortiz. Estado del documento: PR.", NULL, error);
  if (ok && c->stage >= GEST_COMPLAINT_MONITORING)
    ok = append (&log, c->created_at + span / 4, GEST_ROLE_CS_ANALYST, GEST_ACTIVITY_NOTE,
                 "Se revisa el cargo con el área.", "Cobranza", error);
  if (ok && c->stage >= GEST_COMPLAINT_ANSWERED)
    ok = append (&log, c->created_at + span / 2, GEST_ROLE_CS_HEAD, GEST_ACTIVITY_STATUS,
                 "Solución aprobada por la jefatura de servicio al cliente.", NULL, error);
  if (ok && c->stage == GEST_COMPLAINT_CLOSED)
    ok = append (&log, c->stage_since, GEST_ROLE_CS_ANALYST, GEST_ACTIVITY_CALL,
                 "Llamada de aceptación: el cliente acepta la solución.", complainant, error);
  if (ok && c->stage != GEST_COMPLAINT_CLOSED && c->last_log_at > c->created_at)
    ok = append (&log, c->last_log_at, GEST_ROLE_CS_ANALYST, GEST_ACTIVITY_CALL,
                 "Llamada de seguimiento con el cliente.", complainant, error);
  g_free (log.prev_hash);
  return ok;
}

static gboolean
insert_case (Demo     *demo,
             guint     n,
             Case     *c,
             GError  **error)
{
  sqlite3_stmt *stmt = demo->insert_case;
  GRand *rand = demo->rand;
  g_autofree char *last_day = NULL;
  int sla = 0;
  int y;

  demo_uuid (demo, c->uuid);
  c->stage = pick_stage (rand);
  c->created_at = demo->now - g_rand_int_range (rand, 0, c->stage == GEST_COMPLAINT_CLOSED ? 300 : 60) * DAY_USEC
                  - g_rand_int_range (rand, 0, 8 * 3600) * (gint64) G_USEC_PER_SEC;
  c->stage_since = c->created_at + (demo->now - c->created_at) * g_rand_int_range (rand, 1, 10) / 10;
  /* Q7: seven open cases in ten have an entry today; the others were last logged before. */
  if (c->stage == GEST_COMPLAINT_CLOSED || g_rand_int_range (rand, 0, 10) < 7)
    c->last_log_at = c->stage == GEST_COMPLAINT_CLOSED ? c->stage_since : demo->now - g_rand_int_range (rand, 0, 3600) * (gint64) G_USEC_PER_SEC;
  else
    c->last_log_at = MAX (c->created_at, demo->now - g_rand_int_range (rand, 1, 5) * DAY_USEC);
  if (c->last_log_at > demo->now)
    c->last_log_at = demo->now;
  last_day = day_of (c->last_log_at);
  c->summary = summaries[g_rand_int_range (rand, 0, G_N_ELEMENTS (summaries))];
  c->complainant = "Cliente";
  c->cause = g_rand_int_range (rand, 0, MAX (demo->n_catalog[0], 1));
  c->error = g_rand_int_range (rand, 0, MAX (demo->n_catalog[1], 1));
  c->area = g_rand_int_range (rand, 0, MAX (demo->n_catalog[2], 1));
  /* Some breaches: one open case in ten at risk, one in ten missed; some closed late. */
  if (c->stage != GEST_COMPLAINT_CLOSED)
    {
      int roll = g_rand_int_range (rand, 0, 10);

      sla = roll == 0 ? GEST_COMPLAINT_SLA_AT_RISK : roll == 1 ? GEST_COMPLAINT_SLA_MISSED : 0;
    }
  else if (g_rand_int_range (rand, 0, 7) == 0)
    sla = GEST_COMPLAINT_SLA_MISSED;

  {
    g_autoptr(GDateTime) moment = g_date_time_new_from_unix_utc (c->created_at / G_USEC_PER_SEC);

    y = demo->this_year - g_date_time_get_year (moment);
    y = CLAMP (y, 0, N_YEARS - 1);
    if (demo->year_last[y] >= 999999)
      {
        g_set_error (error, GEST_ERROR, GEST_ERROR_REFUSED,
                     _("Too many demonstration cases for %d: a year holds at most 999,999 folios. Use a smaller scale."),
                     demo->this_year - y);
        return FALSE;
      }
    c->folio = gest_folio_format (GEST_COMPLAINT_FOLIO_PREFIX, demo->this_year - y, ++demo->year_last[y]);
  }

  sqlite3_bind_text (stmt, 1, c->uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, c->folio, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, g_rand_int_range (rand, 0, 3) == 0 ? "claim" : "complaint", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, g_rand_int_range (rand, 0, 4) == 0 ? "writing" : "phone", -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 5, c->stage);
  sqlite3_bind_int64 (stmt, 6, c->stage_since);
  sqlite3_bind_int64 (stmt, 7, g_rand_int_range (rand, 1, (gint32) MIN (n, G_MAXINT32 - 1) + 1));
  sqlite3_bind_text (stmt, 8, c->summary, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, complainant_roles[g_rand_int_range (rand, 0, G_N_ELEMENTS (complainant_roles))], -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 10, demo->users[0] != NULL ? demo->users[0] : "", -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 11, c->created_at);
  sqlite3_bind_int64 (stmt, 12, c->last_log_at);
  sqlite3_bind_text (stmt, 13, last_day, -1, SQLITE_STATIC);
  c->sla = sla;
  sqlite3_bind_int (stmt, 14, sla);
  sqlite3_bind_text (stmt, 15, demo->users[1] != NULL ? demo->users[1] : "", -1, SQLITE_STATIC);
  if (demo->n_catalog[0] > 0)
    {
      sqlite3_bind_text (stmt, 16, demo->catalog[0][c->cause], -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 17, demo->catalog[1][c->error], -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 18, demo->catalog[2][c->area], -1, SQLITE_STATIC);
    }
  sqlite3_bind_int64 (stmt, 19, demo->now);
  sqlite3_bind_text (stmt, 20, g_rand_int_range (rand, 0, 2) == 0 ? "email" : "phone", -1, SQLITE_STATIC);
  return step_done (demo, stmt, error);
}

static gboolean
insert_extras (Demo        *demo,
               const Case  *c,
               GError     **error)
{
  char uuid[37];

  /* Q6: a task for one case in five, open while the case is. */
  if (c->stage >= GEST_COMPLAINT_ASSIGNED && g_rand_int_range (demo->rand, 0, 5) == 0)
    {
      g_autofree char *due = day_of (c->stage == GEST_COMPLAINT_CLOSED ? c->stage_since
                                     : demo->now + g_rand_int_range (demo->rand, -2, 6) * DAY_USEC);
      sqlite3_stmt *stmt = demo->insert_task;

      demo_uuid (demo, uuid);
      sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, c->uuid, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, demo->users[g_rand_int_range (demo->rand, 0, 3)] ?: (demo->users[0] ?: ""), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, "Revisar el estado de cuenta con Cobranza", -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, due, -1, SQLITE_STATIC);
      if (c->stage == GEST_COMPLAINT_CLOSED)
        sqlite3_bind_int64 (stmt, 6, c->stage_since);
      sqlite3_bind_int64 (stmt, 7, c->created_at);
      if (!step_done (demo, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
insert_breach (Demo        *demo,
               const Case  *c,
               GError     **error)
{
  sqlite3_stmt *stmt = demo->insert_event;
  char uuid[37];

  demo_uuid (demo, uuid);
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, c->uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, c->stage >= GEST_COMPLAINT_MONITORING ? "resolution-missed" : "response-missed", -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, c->created_at + (demo->now - c->created_at) / 2);
  return step_done (demo, stmt, error);
}

static gboolean
prepare (Demo    *demo,
         GError **error)
{
  /* Stage-consistent columns, computed from ?5 (the stage) in SQL. */
  demo->insert_case =
    gest_store_prepare (demo->store,
                        "INSERT INTO complaints (uuid, folio, kind, channel, stage, stage_since, customer_uuid,"
                        " plan_uuid, vehicle_uuid, complainant_name, complainant_role, summary, responsible_uuid,"
                        " document_status, advisor_name, commercial_coordinator, in_process_sent_at,"
                        " in_process_channel, first_response_at, last_log_at, last_log_day, sla_state, solution,"
                        " solution_approved_by, solution_approved_at, answer_sent_at, receipt_confirmed_at,"
                        " acceptance_call_at, acceptance_note, cause_uuid, error_uuid, area_uuid, closed_at,"
                        " created_by, created_at, updated_at)"
                        " SELECT ?1, ?2, ?3, ?4, ?5, ?6, p.customer_uuid, p.uuid, p.vehicle_uuid, c.name, ?9, ?8, ?10,"
                        "  CASE WHEN ?5 >= 1 THEN 'PR' END, CASE WHEN ?5 >= 1 THEN 'Luis Gómez Ríos' ELSE '' END,"
                        "  CASE WHEN ?5 >= 1 THEN 'Ana Ruiz Vega' ELSE '' END,"
                        "  CASE WHEN ?5 >= 2 THEN ?11 + 3600000000 END, CASE WHEN ?5 >= 2 THEN ?20 END,"
                        "  CASE WHEN ?5 >= 2 THEN ?11 + 3600000000 END, ?12, ?13, ?14,"
                        "  CASE WHEN ?5 >= 3 THEN 'Se reembolsa el cargo y se ajusta el estado de cuenta.' ELSE '' END,"
                        "  CASE WHEN ?5 >= 4 THEN ?15 END, CASE WHEN ?5 >= 4 THEN (?11 + ?6) / 2 END,"
                        "  CASE WHEN ?5 >= 4 THEN (?11 + ?6) / 2 + 3600000000 END,"
                        "  CASE WHEN ?5 >= 5 THEN ?6 END, CASE WHEN ?5 >= 5 THEN ?6 END,"
                        "  CASE WHEN ?5 >= 5 THEN 'Acepta la solución.' ELSE '' END,"
                        "  CASE WHEN ?5 >= 5 THEN ?16 END, CASE WHEN ?5 >= 5 THEN ?17 END, CASE WHEN ?5 >= 5 THEN ?18 END,"
                        "  CASE WHEN ?5 = 6 THEN ?6 END, 'Laura Méndez Ortiz', ?11, ?19"
                        " FROM plans p JOIN customers c ON c.uuid = p.customer_uuid WHERE p.rowid = ?7",
                        error);
  demo->insert_activity =
    gest_store_prepare (demo->store,
                        "INSERT INTO activity (record_uuid, seq, at, user_name, user_role, kind, text,"
                        " contact_name, prev_hash, hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                        error);
  demo->insert_task =
    gest_store_prepare (demo->store,
                        "INSERT INTO complaint_tasks (uuid, complaint_uuid, assignee_uuid, description, due_day,"
                        " done_at, created_by, created_at, updated_at)"
                        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'Laura Méndez Ortiz', ?7, ?7)",
                        error);
  demo->insert_event =
    gest_store_prepare (demo->store,
                        "INSERT INTO complaint_sla_events (uuid, complaint_uuid, kind, at, updated_at)"
                        " VALUES (?1, ?2, ?3, ?4, ?4)",
                        error);
  return demo->insert_case != NULL && demo->insert_activity != NULL &&
         demo->insert_task != NULL && demo->insert_event != NULL;
}

static gboolean
save_counters (Demo    *demo,
               GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = gest_store_prepare (demo->store,
                             "INSERT INTO folio_counters (prefix, year, last) VALUES (?1, ?2, ?3)"
                             " ON CONFLICT (prefix, year) DO UPDATE SET last = max (last, excluded.last)",
                             error);
  if (stmt == NULL)
    return FALSE;
  for (int i = 0; i < N_YEARS; i++)
    {
      if (demo->year_last[i] == 0)
        continue;
      sqlite3_bind_text (stmt, 1, GEST_COMPLAINT_FOLIO_PREFIX, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 2, demo->this_year - i);
      sqlite3_bind_int64 (stmt, 3, demo->year_last[i]);
      if (!step_done (demo, stmt, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
gest_complaints_demo_fill (GestStore  *store,
                           guint       n,
                           GRand      *rand,
                           GError    **error)
{
  Demo demo = { 0 };
  GDate today;
  gboolean ok;
  guint every;

  g_return_val_if_fail (GEST_IS_STORE (store), FALSE);

  demo.store = store;
  demo.rand = rand;
  demo.now = gest_timestamp_now ();
  demo.uuid_prefix = g_rand_int (rand);
  gest_date_today (&today);
  demo.this_year = g_date_get_year (&today);
  every = n <= 1000 ? 1 : 50;

  ok = prepare (&demo, error) && fill_catalogs (&demo, error);
  if (ok)
    load_users (&demo);
  for (guint i = 0; ok && i < n; i++)
    {
      Case c = { 0 };

      ok = insert_case (&demo, n, &c, error) &&
           (i % every != 0 || write_log (&demo, &c, error)) &&
           insert_extras (&demo, &c, error);
      if (ok && c.sla == GEST_COMPLAINT_SLA_MISSED)
        ok = insert_breach (&demo, &c, error);
      g_free (c.folio);
    }
  ok = ok && save_counters (&demo, error);

  g_clear_pointer (&demo.insert_case, sqlite3_finalize);
  g_clear_pointer (&demo.insert_activity, sqlite3_finalize);
  g_clear_pointer (&demo.insert_task, sqlite3_finalize);
  g_clear_pointer (&demo.insert_event, sqlite3_finalize);
  for (guint i = 0; i < 3; i++)
    {
      g_free (demo.users[i]);
      for (guint j = 0; j < demo.n_catalog[i]; j++)
        g_free (demo.catalog[i][j]);
    }
  return ok;
}
