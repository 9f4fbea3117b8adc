/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "gest-money.h"

G_BEGIN_DECLS

/* T6, T7: the rules of an early-payoff trámite, as pure functions (no store, no widgets), so
 * that every prerequisite and every refusal message is tested without a database. The steps,
 * their owners, what each needs and the phrases of the move refusals are the workflow table of
 * gest-tramite-workflow.c, which gestiona-server compiles too; the functions below ask it.
 *
 * The decisions written down here:
 *
 * - Steps are 1..8 (T6). A move goes forward one step or back one step; jumps are refused.
 * - Forward moves check cumulative prerequisites, so that whatever reached a step had what
 *   every earlier step needed:
 *     step 4 and later: the customer's payment recorded (amount, date, reference), its proof
 *                       document, and the documents sent to Conauto (T6);
 *     step 5 and later: the car insurance cancelled by Conauto;
 *     step 7 and later: the invoice and guarantees released by Conauto;
 *     step 8:           the invoice delivered to the customer and the acknowledgment returned.
 *   Steps 2 and 3 need nothing beyond the registration itself: the agreed amount and date are
 *   on every trámite (T3), and step 3 is where documents and payment are gathered.
 * - Back moves (one step) check no prerequisites: they undo a step, they do not skip one.
 * - T7, who moves: steps 4 to 6 are Conauto's. The dealer moves only within steps 1-3, within
 *   steps 7-8, and 6 → 7 (the dealer receives the invoice Conauto released). Conauto (its sync
 *   or its signed update file, never a dealer user) moves only within steps 3-6: 3 → 4, 4 → 5, 5 → 6 and their backs. Nobody
 *   takes a trámite back from 7 to 6: the dealer holds the invoice by then.
 * - Refusal messages list everything missing, in checklist order. */

#define GEST_TRAMITE_N_STEPS 8

typedef enum
{
  GEST_TRAMITE_ACTOR_DEALER,    /* any user of the dealership */
  GEST_TRAMITE_ACTOR_CONAUTO,   /* Conauto: its sync, or its signed update file (never a dealer user) */
} GestTramiteActor;

/* T5: what one folio follows. */
typedef struct
{
  gboolean docs_sent;            /* the required documents were sent to Conauto (T4) */
  gboolean payment_received;     /* the customer's payment: amount, date and reference */
  gboolean payment_proof;        /* a payment-proof document is linked to the payment */
  gboolean insurance_cancelled;  /* Conauto cancelled the car insurance */
  gboolean invoice_released;     /* Conauto released the invoice and guarantees */
  gboolean invoice_delivered;    /* the dealer gave the invoice to the customer */
  gboolean ack_returned;         /* the signed acknowledgment went back to Conauto */
} GestTramiteChecklist;

/* Checklist items that are recorded one by one. Their ids are printed and parsed by
 * gestiona-cli ("docs-sent"...): never change one. */
typedef enum
{
  GEST_TRAMITE_ITEM_DOCS_SENT,
  GEST_TRAMITE_ITEM_PAYMENT,
  GEST_TRAMITE_ITEM_INSURANCE_CANCELLED,
  GEST_TRAMITE_ITEM_INVOICE_RELEASED,
  GEST_TRAMITE_ITEM_INVOICE_DELIVERED,
  GEST_TRAMITE_ITEM_ACK_RETURNED,
  GEST_TRAMITE_N_ITEMS
} GestTramiteItem;

/* Translated short title of a step, fit for a column header ("Deposit verified"). */
const char *gest_tramite_step_title        (int                          step);
/* Translated sentence describing the step (T6). */
const char *gest_tramite_step_description  (int                          step);
/* Steps 4, 5 and 6 (T7). */
gboolean    gest_tramite_step_is_conauto   (int                          step);
gboolean    gest_tramite_step_is_valid     (int                          step);

const char *gest_tramite_item_id           (GestTramiteItem              item);   /* "docs-sent"... */
gboolean    gest_tramite_item_from_id      (const char                  *id,
                                            GestTramiteItem             *out);
/* Translated label for the checklist ("Documents sent to Conauto"). */
const char *gest_tramite_item_label        (GestTramiteItem              item);
/* The car-insurance cancellation and the invoice release are Conauto's (T7). */
gboolean    gest_tramite_item_is_conauto   (GestTramiteItem              item);

/* Whether @actor may move a trámite with @checklist from step @from to step @to. On FALSE,
 * @error is GEST_ERROR_INVALID for a step outside 1..8 and GEST_ERROR_REFUSED otherwise, with
 * a translated message saying exactly what is missing or who makes that move. */
gboolean    gest_tramite_rules_check_move  (const GestTramiteChecklist  *checklist,
                                            int                          from,
                                            int                          to,
                                            GestTramiteActor             actor,
                                            GError                     **error);

/* The prerequisites of reaching @step that @checklist lacks, as a translated list ("the
 * customer's payment proof"...), in checklist order; empty when none. */
GPtrArray  *gest_tramite_rules_missing_for_step (const GestTramiteChecklist *checklist,
                                                 int                         step);

/* Whether @actor may record @item on a trámite in @step with @checklist. The order is:
 * insurance cancelled from step 4; invoice released after the insurance, from step 6;
 * invoice delivered after the release, from step 7; acknowledgment after the delivery. The
 * payment may be recorded or corrected up to step 3. Items other than the payment are
 * recorded once. */
gboolean    gest_tramite_rules_check_item  (const GestTramiteChecklist  *checklist,
                                            int                          step,
                                            GestTramiteItem              item,
                                            GestTramiteActor             actor,
                                            GError                     **error);

/* T3: the agreed payoff amount. It must be more than $0.00 and must not include the life
 * insurance. Conauto computes the amount, so the app cannot know its exact value; what it can
 * catch is the typical mistake of adding the insurance on top of the statement balance: when
 * the plan has life insurance, an amount equal to balance + life insurance is refused. The
 * insurance is stored apart (statement_life_insurance) and never added to anything. */
gboolean    gest_tramite_rules_check_amount (GestMoney                  amount,
                                             GestMoney                  balance,
                                             GestMoney                  life_insurance,
                                             GError                   **error);
/* T3: an agreed amount above the plan's @balance, or below its @overdue amount, departs from
 * the statement: it is accepted only with a @reason (not blank), which the registration
 * records in the log and which needs the tramites.approve permission. Without a reason:
 * GEST_ERROR_REFUSED saying the balance or the overdue amount and how to proceed. Sets
 * @out_departs (may be NULL) to whether the amount departs. */
gboolean    gest_tramite_rules_check_amount_reason (GestMoney              amount,
                                                    GestMoney              balance,
                                                    GestMoney              overdue,
                                                    const char            *reason,
                                                    gboolean              *out_departs,
                                                    GError               **error);
/* T5: a payment of @amount on @date that differs from the @agreed amount, or is dated before
 * @registered (the day the folio was registered), departs from the statement: accepted only
 * with a @reason (logged; tramites.approve). Without one: GEST_ERROR_REFUSED saying the
 * difference or the dates and how to proceed. */
gboolean    gest_tramite_rules_check_payment_reason (GestMoney             agreed,
                                                     const GDate          *registered,
                                                     GestMoney             amount,
                                                     const GDate          *date,
                                                     const char           *reason,
                                                     gboolean             *out_departs,
                                                     GError              **error);
/* "$1,000.00 less than agreed ($78,500.50)", "$500.00 more than agreed ($78,500.50)", or NULL
 * when @paid equals @agreed: what the board card and the detail show (T5). */
char       *gest_tramite_rules_describe_difference (GestMoney              agreed,
                                                    GestMoney              paid);

/* T3: the agreed payment date must be a valid date, today or later. */
gboolean    gest_tramite_rules_check_agreed_date (const GDate          *date,
                                                  const GDate          *today,
                                                  GError              **error);

G_END_DECLS
