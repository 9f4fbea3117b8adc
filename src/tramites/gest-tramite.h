/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "gest-plan-statement.h"
#include "gest-routing.h"
#include "gest-store.h"
#include "gest-tramite-rules.h"

G_BEGIN_DECLS

/* Folios of early-payoff trámites: LIQ-YYYY-NNNNNN, the year of registration. */
#define GEST_TRAMITE_FOLIO_PREFIX "LIQ"

/* One early-payoff trámite (T3, T5): a snapshot of its row, read with gest_tramite_load_*().
 * Changing a field changes nothing in the store: the functions below do. */
typedef struct
{
  gint64             id;                 /* SQLite rowid: the board's item id */
  char              *uuid;
  char              *folio;              /* "LIQ-2026-000123" */
  int                step;               /* 1..8 (T6) */
  gint64             step_since;         /* unix µs */

  /* T3: what was agreed with Conauto. The amount never includes the life insurance. */
  GestMoney          agreed_amount;
  GDate              agreed_date;
  char              *notes;

  /* T1 as it was when the trámite was registered: plan_uuid, plan_number, customer_* and
   * vehicle are the plan's current ones; balance, overdue, installment, life_insurance and
   * as_of are the snapshot stored on the trámite. */
  GestPlanStatement  statement;

  /* T2 as decided at registration, with the thresholds used (see gest_tramite_replay_routing). */
  GestArea           routing_area;
  char              *routing_reason;
  GestMoney          routing_low_limit;
  guint              routing_installments;

  /* T5 checklist; moments are unix µs, 0 when not done. */
  gint64             docs_sent_at;
  gboolean           has_payment;
  GestMoney          payment_amount;
  GDate              payment_date;       /* invalid without payment */
  char              *payment_reference;  /* NULL without payment */
  char              *payment_proof_uuid; /* documents.uuid, NULL without proof */
  gint64             insurance_cancelled_at;
  gint64             invoice_released_at;
  gint64             invoice_delivered_at;
  gint64             ack_returned_at;

  char              *created_by;         /* user name */
  gint64             created_at;
  gint64             updated_at;
} GestTramite;

#define GEST_TYPE_TRAMITE (gest_tramite_get_type ())
GType        gest_tramite_get_type            (void) G_GNUC_CONST;
GestTramite *gest_tramite_copy                (const GestTramite    *tramite);
void         gest_tramite_free                (GestTramite          *tramite);

void         gest_tramite_get_checklist       (const GestTramite    *tramite,
                                               GestTramiteChecklist *out);
/* The agreed payment date passed and no payment is recorded (the card's overdue flag). */
gboolean     gest_tramite_is_overdue          (const GestTramite    *tramite,
                                               const GDate          *today);

/* T3: registers a trámite for @plan (uuid or number) with the agreed amount and date. In one
 * BEGIN IMMEDIATE transaction: checks tramites.register, loads the plan's statement, refuses
 * when the plan already has an open trámite (one open per plan), checks the amount and date
 * (gest_tramite_rules_check_amount/_agreed_date; an amount above the balance or below the
 * overdue amount needs @reason and tramites.approve, gest_tramite_rules_check_amount_reason,
 * and the reason goes into the log), decides the routing (T2) under the current
 * settings, takes the next folio (LIQ, this year), inserts the row in step 2 with the statement
 * snapshot and the routing decision, and appends two activity entries ("Trámite … registered",
 * "Routed to …"). Nothing is written on failure. */
GestTramite *gest_tramite_create_full         (GestStore            *store,
                                               const char           *plan,
                                               GestMoney             agreed_amount,
                                               const GDate          *agreed_date,
                                               const char           *notes,
                                               const char           *reason,
                                               GError              **error);
/* gest_tramite_create_full() without a reason. */
GestTramite *gest_tramite_create              (GestStore            *store,
                                               const char           *plan,
                                               GestMoney             agreed_amount,
                                               const GDate          *agreed_date,
                                               const char           *notes,
                                               GError              **error);
/* The open trámite of the plan @plan_uuid (not finished, step < 8, not deleted), the newest
 * when an old database holds more than one; NULL without error when there is none. */
GestTramite *gest_tramite_load_open_for_plan  (GestStore            *store,
                                               const char           *plan_uuid,
                                               GError              **error);
/* The day the folio was registered (created_at, local time). */
void         gest_tramite_get_registered_date (const GestTramite    *tramite,
                                               GDate                *out);

/* GEST_ERROR_NOT_FOUND with a translated message when there is none. The folio is parsed
 * leniently (blanks, lower case). */
GestTramite *gest_tramite_load_by_folio       (GestStore            *store,
                                               const char           *folio,
                                               GError              **error);
GestTramite *gest_tramite_load_by_uuid        (GestStore            *store,
                                               const char           *uuid,
                                               GError              **error);
GestTramite *gest_tramite_load_by_id          (GestStore            *store,
                                               gint64                id,
                                               GError              **error);

/* Audit (T2): decides the routing again from the recorded statement and thresholds, whatever
 * the settings say today. The area names and phones come from @settings_for_names when given,
 * else from the defaults; they do not affect the area. */
gboolean     gest_tramite_replay_routing      (const GestTramite         *tramite,
                                               const GestRoutingSettings *settings_for_names,
                                               GestRoutingDecision       *out,
                                               GError                   **error);

/* --- Steps (T6, T7), in gest-tramite-actions.c ---------------------------------------- */

/* Whether the trámite @uuid may go to @to_step for @actor (reads, writes nothing). */
gboolean     gest_tramite_can_move            (GestStore            *store,
                                               const char           *uuid,
                                               int                   to_step,
                                               GestTramiteActor      actor,
                                               GError              **error);
/* The dealer's move (board, `gestiona-cli tramite move`). In one transaction: re-reads the
 * row, checks gest_tramite_rules_check_move() for the dealer, then the signed-in user's
 * permission (tramites.step.N for a move into step N; tramites.step-back for a move back,
 * which also needs @note as its reason), updates step and step_since, and appends a status
 * entry "Moved from step X (title) to step Y (title)." followed by @note when given.
 * Conauto's steps (4 to 6) never come from here: they arrive through the sync or Conauto's
 * signed update file (T7). */
gboolean     gest_tramite_move                (GestStore            *store,
                                               const char           *uuid,
                                               int                   to_step,
                                               const char           *note,
                                               GError              **error);
/* --- Checklist (T5), in gest-tramite-actions.c ----------------------------------------- */

/* Records one of the dated items (every item but GEST_TRAMITE_ITEM_PAYMENT) as done now,
 * after gest_tramite_rules_check_item() for the dealer and the tramites.checklist permission;
 * Conauto's items come only from Conauto. "Documents sent to Conauto" also needs a documents
 * email the outbox sent for the folio, or documents attached to it (T5). Logs a status entry
 * in the same transaction. */
gboolean     gest_tramite_check_item          (GestStore            *store,
                                               const char           *uuid,
                                               GestTramiteItem       item,
                                               GError              **error);
/* Undoes a dealer's checklist item (not the payment, not Conauto's items) with @reason, which
 * must not be blank and goes into the log: "Undone: … Reason: …". Refused when the trámite's
 * step needs the item (move it back first) or a later item builds on it. tramites.checklist. */
gboolean     gest_tramite_uncheck_item        (GestStore            *store,
                                               const char           *uuid,
                                               GestTramiteItem       item,
                                               const char           *reason,
                                               GError              **error);
/* Records (or corrects, up to step 3) the customer's payment: the fields as
 * gest_tramite_payment_check_fields() checks them (@amount > 0, @date valid and not in the
 * future, @reference not blank); @proof_document_uuid, when not NULL, must be a document of
 * this trámite. Needs tramites.payment. A payment that differs from the agreed amount or is
 * dated before the folio was registered needs @reason and tramites.approve (T5,
 * gest_tramite_rules_check_payment_reason); the reason goes into the log. Logs a status
 * entry. gest_tramite_record_payment() is the same without a reason. */
gboolean     gest_tramite_record_payment_full (GestStore            *store,
                                               const char           *uuid,
                                               GestMoney             amount,
                                               const GDate          *date,
                                               const char           *reference,
                                               const char           *proof_document_uuid,
                                               const char           *reason,
                                               GError              **error);
gboolean     gest_tramite_record_payment      (GestStore            *store,
                                               const char           *uuid,
                                               GestMoney             amount,
                                               const GDate          *date,
                                               const char           *reference,
                                               const char           *proof_document_uuid,
                                               GError              **error);
/* Links an attached document of this trámite as the payment proof. Logs a status entry. */
gboolean     gest_tramite_link_payment_proof  (GestStore            *store,
                                               const char           *uuid,
                                               const char           *document_uuid,
                                               GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GestTramite, gest_tramite_free)

G_END_DECLS
