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
 * BEGIN IMMEDIATE transaction: loads the plan's statement, checks the amount and date
 * (gest_tramite_rules_check_amount/_agreed_date), decides the routing (T2) under the current
 * settings, takes the next folio (LIQ, this year), inserts the row in step 2 with the statement
 * snapshot and the routing decision, and appends two activity entries ("Trámite … registered",
 * "Routed to …"). Nothing is written on failure. */
GestTramite *gest_tramite_create              (GestStore            *store,
                                               const char           *plan,
                                               GestMoney             agreed_amount,
                                               const GDate          *agreed_date,
                                               const char           *notes,
                                               GError              **error);

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
 * row, checks gest_tramite_rules_check_move() for the dealer, updates step and step_since,
 * and appends a status entry "Moved from step X (title) to step Y (title)." followed by
 * @note when given. */
gboolean     gest_tramite_move                (GestStore            *store,
                                               const char           *uuid,
                                               int                   to_step,
                                               const char           *note,
                                               GError              **error);
/* Conauto's move (T7) recorded by hand: refused with GEST_ERROR_REFUSED unless the current
 * user's role (gest_store_get_user_role) is the Conauto liaison; otherwise like
 * gest_tramite_move() with the Conauto actor. */
gboolean     gest_tramite_conauto_step        (GestStore            *store,
                                               const char           *uuid,
                                               int                   to_step,
                                               const char           *note,
                                               GError              **error);

/* --- Checklist (T5), in gest-tramite-actions.c ----------------------------------------- */

/* Records one of the dated items (every item but GEST_TRAMITE_ITEM_PAYMENT) as done now,
 * after gest_tramite_rules_check_item(); Conauto's items need the Conauto liaison role.
 * Logs a status entry in the same transaction. */
gboolean     gest_tramite_check_item          (GestStore            *store,
                                               const char           *uuid,
                                               GestTramiteItem       item,
                                               GError              **error);
/* Records (or corrects, up to step 3) the customer's payment: @amount > 0, @date valid and
 * not in the future, @reference not blank; @proof_document_uuid, when not NULL, must be a
 * document of this trámite. Logs a status entry. */
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
