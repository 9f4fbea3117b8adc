/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-tramites-demo"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-activity.h"
#include "gest-date.h"
#include "gest-demo.h"
#include "gest-tramite.h"
#include "gest-tramites-demo-private.h"

/* The log of a demo trámite, written as the real actions write theirs (the same sentences), by
 * the demo users whose roles may make each change (gest-tramite-workflow.c's permissions), in
 * time order: so the demo's detail pages read like a real folio's history. Conauto's steps and
 * items are Conauto's ("Conauto", role conauto-liaison), as the sync brings them. */

#define CONAUTO_NAME "Conauto"

typedef struct
{
  GestTramitesDemo *demo;
  const char       *record_uuid;
  gint64            seq;
  char             *prev_hash;
} Log;

static gboolean
append (Log         *log,
        gint64       at,
        GestRole     role,
        const char  *text,
        GError     **error)
{
  GestActivityEntry entry = { 0 };
  g_autofree char *hash = NULL;
  sqlite3_stmt *stmt = log->demo->insert_activity;
  const char *user = role == GEST_ROLE_CONAUTO ? CONAUTO_NAME : gest_demo_user_name_for_role (role);
  int rc;

  entry.record_uuid = (char *) log->record_uuid;
  entry.seq = log->seq;
  entry.at = at;
  entry.user_name = (char *) user;
  entry.user_role = (char *) gest_role_id (role);
  entry.kind = GEST_ACTIVITY_STATUS;
  entry.text = (char *) text;
  entry.prev_hash = log->prev_hash;
  hash = gest_activity_compute_hash (&entry);

  sqlite3_bind_text (stmt, 1, log->record_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, log->seq);
  sqlite3_bind_int64 (stmt, 3, at);
  sqlite3_bind_text (stmt, 4, user, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, entry.user_role, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, gest_activity_kind_id (GEST_ACTIVITY_STATUS), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, text, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, log->prev_hash, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, hash, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return gest_store_set_error (log->demo->store, error);

  log->seq++;
  g_free (log->prev_hash);
  log->prev_hash = g_steal_pointer (&hash);
  return TRUE;
}

static gboolean
append_move (Log         *log,
             gint64       at,
             GestRole     role,
             int          from,
             GError     **error)
{
  g_autofree char *text = g_strdup_printf (_("Moved from step %d (%s) to step %d (%s)."),
                                           from, gest_tramite_step_title (from),
                                           from + 1, gest_tramite_step_title (from + 1));

  return append (log, at, role, text, error);
}

static char *
format_iso (const char *iso)
{
  GDate date;

  if (iso == NULL || !gest_date_from_iso (iso, &date))
    return g_strdup ("");
  return gest_date_format (&date);
}

/* The moment a step was entered: the row's step_since for its own step, and evenly between
 * the registration and it for the earlier ones. */
static gint64
entered (const GestTramitesDemoRow *row,
         int                        step)
{
  if (step >= row->step)
    return row->step_since;
  return row->created_at + (row->step_since - row->created_at) * (step - 2) / MAX (row->step - 2, 1);
}

gboolean
gest_tramites_demo_insert_log (GestTramitesDemo          *demo,
                               const GestTramitesDemoRow *row,
                               GError                   **error)
{
  const GestRoutingSettings *settings = &demo->settings;
  const GestAreaContact *area = &settings->areas[row->decision->area];
  const GestTramiteChecklist *c = &row->checklist;
  g_autofree char *registered = NULL;
  g_autofree char *routed = NULL;
  g_autofree char *amount_s = gest_money_format (row->agreed_amount);
  g_autofree char *date_s = format_iso (row->agreed_date);
  g_autofree char *insurance_s = gest_money_format (row->life_insurance);
  /* Step 8 is for the leads and the collections agents; an analyst's folio is closed by the
   * head of customer service. */
  GestRole closer = row->created_role == GEST_ROLE_CS_ANALYST ? GEST_ROLE_CS_HEAD : row->created_role;
  gint64 paid_at = MIN (entered (row, 3) + (entered (row, 4) - entered (row, 3)) / 2, row->step_since);
  Log log = { demo, row->uuid, 1, g_strdup ("") };
  gboolean ok = FALSE;

  registered = g_strdup_printf (_("Trámite %s registered for plan %s: payoff of %s agreed with Conauto for %s; life insurance of %s excluded."),
                                row->folio, row->plan_number, amount_s, date_s, insurance_s);
  routed = g_strdup_printf (_("Routed to %s (%s): %s."), area->name, area->phones, row->decision->reason);
  if (!append (&log, row->created_at, row->created_role, registered, error) ||
      !append (&log, row->created_at, row->created_role, routed, error))
    goto out;

  if (row->step >= 3 && !append_move (&log, entered (row, 3), row->created_role, 2, error))
    goto out;
  if (c->docs_sent && !append (&log, MAX (row->docs_at, entered (row, 3)), row->created_role,
                               _("Documents sent to Conauto."), error))
    goto out;
  if (c->payment_received)
    {
      g_autofree char *paid_s = gest_money_format (row->payment_amount);
      g_autofree char *day_s = format_iso (row->payment_date);
      g_autofree char *text = g_strdup_printf (_("Customer payment received: %s on %s, reference %s."),
                                               paid_s, day_s, row->payment_reference);
      GestRole role = GEST_ROLE_COLLECTIONS_AGENT;

      if (row->payment_reason != NULL)
        {
          g_autofree char *difference = gest_tramite_rules_describe_difference (row->agreed_amount,
                                                                               row->payment_amount);
          char *approved = g_strdup_printf (_("Approved a payment %s."), difference);
          char *with = g_strdup_printf ("%s %s", text, approved);

          g_free (approved);
          g_free (text);
          text = g_strdup_printf (_("%s Reason: %s"), with, row->payment_reason);
          g_free (with);
          role = GEST_ROLE_COLLECTIONS_SUPERVISOR;
        }
      if (!append (&log, MAX (paid_at, entered (row, 3)), role, text, error))
        goto out;
    }
  /* Conauto's steps, as its sync brought them. */
  for (int from = 3; from < MIN (row->step, 6); from++)
    if (!append_move (&log, entered (row, from + 1), GEST_ROLE_CONAUTO, from, error))
      goto out;
  if (row->step >= 7 && !append_move (&log, entered (row, 7), row->created_role, 6, error))
    goto out;
  if (c->invoice_delivered &&
      !append (&log, MAX (row->delivered_at, entered (row, 7)), row->created_role,
               _("Invoice and guarantees delivered to the customer."), error))
    goto out;
  if (c->ack_returned &&
      !append (&log, MAX (row->ack_at, entered (row, 7)), row->created_role,
               _("Acknowledgment returned to Conauto."), error))
    goto out;
  if (row->step >= 8 && !append_move (&log, entered (row, 8), closer, 7, error))
    goto out;
  ok = TRUE;

out:
  g_free (log.prev_hash);
  return ok;
}
