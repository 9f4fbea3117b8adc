/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-tramite-workflow"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-tramite-workflow.h"

static const char * const needs_step_4[] = {
  GEST_TRAMITE_NEED_PAYMENT, GEST_TRAMITE_NEED_PROOF, GEST_TRAMITE_NEED_DOCS, NULL
};
static const char * const needs_step_5[] = { GEST_TRAMITE_NEED_INSURANCE, NULL };
static const char * const needs_step_7[] = { GEST_TRAMITE_NEED_RELEASED, NULL };
static const char * const needs_step_8[] = {
  GEST_TRAMITE_NEED_DELIVERED, GEST_TRAMITE_NEED_ACK, NULL
};

#define DEALER GEST_TRAMITE_WORKFLOW_DEALER
#define CONAUTO GEST_TRAMITE_WORKFLOW_CONAUTO

/* T6, in the words of the seed's "resumen de seguimiento". */
static const GestWorkflowStep steps[] = {
  { 1, N_("Contact Conauto"),
    N_("The dealer contacts Conauto to agree on the payoff amount and the payment date."),
    DEALER, NULL },
  { 2, N_("Registered"),
    N_("The dealer registers the trámite with the amount and the payment date agreed with Conauto."),
    DEALER, NULL },
  { 3, N_("Documents and payment"),
    N_("The dealer sends the required documents and the customer pays the agreed amount."),
    DEALER, NULL },
  { 4, N_("Deposit verified"),
    N_("Conauto verifies the customer’s deposit and processes the car-insurance cancellation."),
    CONAUTO, needs_step_4 },
  { 5, N_("Insurance cancelled"),
    N_("Conauto cancels the car insurance and requests the invoice delivery."),
    CONAUTO, needs_step_5 },
  { 6, N_("Invoice delivery"),
    N_("Conauto processes the delivery of the invoice and guarantees to the dealer’s representative."),
    CONAUTO, NULL },
  { 7, N_("Invoice to customer"),
    N_("The dealer receives the invoice, gives it to the customer and returns the acknowledgment to Conauto."),
    DEALER, needs_step_7 },
  { 8, N_("Finished"),
    N_("The trámite is finished."),
    DEALER, needs_step_8 },
};

/* The phrases that complete "Step 4 needs: …", in checklist order. */
static const GestWorkflowRequirement requirements[] = {
  { GEST_TRAMITE_NEED_PAYMENT, N_("the customer’s payment (amount, date and reference)") },
  { GEST_TRAMITE_NEED_PROOF, N_("the customer’s payment proof") },
  { GEST_TRAMITE_NEED_DOCS, N_("the documents sent to Conauto") },
  { GEST_TRAMITE_NEED_INSURANCE, N_("the car-insurance cancellation by Conauto") },
  { GEST_TRAMITE_NEED_RELEASED, N_("the invoice and guarantees released by Conauto") },
  { GEST_TRAMITE_NEED_DELIVERED, N_("the invoice delivered to the customer") },
  { GEST_TRAMITE_NEED_ACK, N_("the acknowledgment returned to Conauto") },
};

static const GestWorkflowActor actors[] = {
  { DEALER,
    N_("Steps 4 to 6 are Conauto’s: the move from step %d (%s) to step %d (%s) arrives through the Conauto sync or Conauto’s signed update file.") },
  { CONAUTO,
    N_("Only the dealer moves a trámite from step %d (%s) to step %d (%s); Conauto’s updates cover steps 4 to 6.") },
};

/* T7: the handovers between the dealer's steps and Conauto's. */
static const GestWorkflowMove moves[] = {
  { 3, 4, CONAUTO },
  { 4, 3, CONAUTO },
  { 6, 7, DEALER },
};

static const GestWorkflow workflow = {
  .id = "tramite",
  .steps = steps,
  .n_steps = G_N_ELEMENTS (steps),
  .requirements = requirements,
  .n_requirements = G_N_ELEMENTS (requirements),
  .actors = actors,
  .n_actors = G_N_ELEMENTS (actors),
  .moves = moves,
  .n_moves = G_N_ELEMENTS (moves),
  .cumulative = TRUE,
  .no_such_step = N_("There is no step %d: steps go from 1 to 8."),
  .same_step = N_("The trámite is already in step %d (%s)."),
  .only_forward = N_("A trámite moves one step at a time: from step %d (%s) it can only go to step %d (%s)."),
  .only_back = N_("A trámite moves one step at a time: from step %d (%s) it can only go back to step %d (%s)."),
  .one_step = N_("A trámite moves one step at a time: from step %d (%s) it can go forward to step %d (%s) or back to step %d (%s)."),
  .needs = N_("Step %d needs: %s."),
};

const GestWorkflow *
gest_tramite_workflow_get (void)
{
  static gsize checked = 0;

  if (g_once_init_enter (&checked))
    {
      g_autoptr(GError) error = NULL;

      if (!gest_workflow_validate (&workflow, &error))
        g_error ("%s", error->message);
      g_once_init_leave (&checked, 1);
    }
  return &workflow;
}

#define R(role) GEST_ROLE_BIT (GEST_ROLE_##role)
/* The dealer's side of early payoffs: finance and collections run them, customer service
 * registers them for the customer in front of them; managers approve what departs from
 * Conauto's statement. Service roles only look. */
#define PAYOFF_STAFF (R (GENERAL_MANAGER) | R (FINANCE_MANAGER) | R (COLLECTIONS_AGENT) | \
                      R (COLLECTIONS_SUPERVISOR) | R (CS_ANALYST) | R (CS_HEAD))
#define PAYOFF_LEADS (R (GENERAL_MANAGER) | R (FINANCE_MANAGER) | R (COLLECTIONS_SUPERVISOR) | R (CS_HEAD))

static const GestPermission permissions[] = {
  { GEST_TRAMITE_PERMISSION_REGISTER, N_("register early payoffs"), PAYOFF_STAFF },
  { "tramites.step.1", N_("move an early payoff to step 1"), PAYOFF_STAFF },
  { "tramites.step.2", N_("move an early payoff to step 2"), PAYOFF_STAFF },
  { "tramites.step.3", N_("move an early payoff to step 3"), PAYOFF_STAFF },
  { "tramites.step.4", N_("move an early payoff to step 4"), 0 },
  { "tramites.step.5", N_("move an early payoff to step 5"), 0 },
  { "tramites.step.6", N_("move an early payoff to step 6"), 0 },
  { "tramites.step.7", N_("move an early payoff to step 7"), PAYOFF_STAFF },
  { "tramites.step.8", N_("move an early payoff to step 8"), PAYOFF_LEADS | R (COLLECTIONS_AGENT) },
  { GEST_TRAMITE_PERMISSION_STEP_BACK, N_("move an early payoff back a step"), PAYOFF_LEADS },
  { GEST_TRAMITE_PERMISSION_CHECKLIST, N_("tick the early payoff’s checklist"), PAYOFF_STAFF },
  { GEST_TRAMITE_PERMISSION_PAYMENT, N_("record a customer’s payment"), PAYOFF_STAFF },
  { GEST_TRAMITE_PERMISSION_APPROVE, N_("approve an amount or payment that departs from the statement"),
    PAYOFF_LEADS },
};

const GestPermission *
gest_tramite_permissions_get (guint *n_rows)
{
  *n_rows = G_N_ELEMENTS (permissions);
  return permissions;
}

const char *
gest_tramite_permission_step (int step)
{
  if (step < 1 || step > 8)
    return NULL;
  return permissions[step].id;
}
